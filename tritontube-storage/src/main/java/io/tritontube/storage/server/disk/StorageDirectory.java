package io.tritontube.storage.server.disk;

import io.tritontube.storage.client.FileStat;
import io.tritontube.storage.client.Sha256;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * BASE_DIR and the files in it, at {@code BASE_DIR/<videoId>/<fileName>}. Every method checks
 * the names it is given and refuses symbolic links, so nothing outside BASE_DIR is ever read,
 * written or deleted. Thread-safe: it holds no state besides the base path.
 */
public final class StorageDirectory {

    private static final Logger LOG = Logger.getLogger(StorageDirectory.class.getName());

    private final Path base;

    private StorageDirectory(Path base) {
        this.base = base;
    }

    /** Opens BASE_DIR, creating it when absent. The real path is kept, so later checks compare like with like. */
    public static StorageDirectory open(Path baseDir) throws IOException {
        Files.createDirectories(baseDir);
        Path real = baseDir.toRealPath();
        if (!Files.isDirectory(real)) {
            throw new NotDirectoryException(real.toString());
        }
        return new StorageDirectory(real);
    }

    public Path path() {
        return base;
    }

    /** Removes the temporary files of writes a crash interrupted; returns how many. */
    public int removeLeftoverTempFiles() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> videos = Files.newDirectoryStream(base)) {
            for (Path video : videos) {
                if (Files.isDirectory(video, LinkOption.NOFOLLOW_LINKS)) {
                    removed += removeTempFilesIn(video);
                }
            }
        }
        return removed;
    }

    /** Starts writing {@code videoId/fileName}: nothing is visible under that name until commit. */
    public PendingWrite beginWrite(String videoId, String fileName, long size, Sha256 sha256) throws IOException {
        Path target = storedFile(videoId, fileName);
        Path directory = target.getParent();
        boolean newVideo = !Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS);
        Files.createDirectories(directory);
        Path temporary = directory.resolve(StoredNames.TEMP_PREFIX + UUID.randomUUID());
        try {
            return new PendingWrite(temporary, target, display(videoId, fileName), size, sha256, newVideo);
        } catch (NoSuchFileException directoryRemovedMeanwhile) {
            // A deleteVideo or an aborted first write removed the empty directory: make it again.
            Files.createDirectories(directory);
            return new PendingWrite(temporary, target, display(videoId, fileName), size, sha256, newVideo);
        }
    }

    /**
     * Opens a stored file for reading.
     *
     * @throws NoSuchFileException when there is no such regular file
     */
    public FileChannel openForRead(String videoId, String fileName) throws IOException {
        Path file = storedFile(videoId, fileName);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(display(videoId, fileName), null, "no such file on this node");
        }
        return FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    /** Size and SHA-256 of a stored file, read from disk now. */
    public FileStat stat(String videoId, String fileName) throws IOException {
        try (FileChannel channel = openForRead(videoId, fileName)) {
            long size = channel.size();
            return new FileStat(videoId, fileName, size, Sha256.of(Channels.newInputStream(channel)));
        }
    }

    /** Deletes a stored file; false when there was none. */
    public boolean delete(String videoId, String fileName) throws IOException {
        Path file = storedFile(videoId, fileName);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(file);
    }

    /**
     * Deletes every stored file of a video, then its directory if nothing else is in it (a
     * write in progress keeps its temporary file and the directory). Returns how many files
     * were deleted.
     */
    public int deleteVideo(String videoId) throws IOException {
        Path directory = videoDirectory(videoId);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int deleted = 0;
        try (FileWalk files = FileWalk.oneVideo(directory)) {
            while (files.hasNext()) {
                if (Files.deleteIfExists(directory.resolve(files.next().fileName()))) {
                    deleted++;
                }
            }
        }
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException stillInUse) {
            LOG.log(Level.FINE, "Kept the directory of video {0}: something else is in it", videoId);
        }
        return deleted;
    }

    /** Walks the stored files of {@code videoId}, or of every video when it is null or empty. */
    public FileWalk list(String videoId) throws IOException {
        return videoId == null || videoId.isEmpty()
                ? FileWalk.everyVideo(base)
                : FileWalk.oneVideo(videoDirectory(videoId));
    }

    /** Counts the stored files and their bytes by walking the whole directory. */
    public DiskTotals totals() throws IOException {
        long files = 0;
        long bytes = 0;
        try (FileWalk walk = FileWalk.everyVideo(base)) {
            while (walk.hasNext()) {
                files++;
                bytes += walk.next().size();
            }
        }
        return new DiskTotals(files, bytes);
    }

    /** Bytes still available to this process on BASE_DIR's file system. */
    public long freeBytes() throws IOException {
        return Files.getFileStore(base).getUsableSpace();
    }

    private Path videoDirectory(String videoId) throws IOException {
        StoredNames.requireValid("video id", videoId);
        Path directory = base.resolve(videoId);
        // A valid name is one path component, so this holds; checked anyway as the last line of defence.
        if (!base.equals(directory.getParent())) {
            throw new InvalidNameException("the video id " + StoredNames.quote(videoId) + " leaves the base directory");
        }
        refuseLink(directory);
        return directory;
    }

    private Path storedFile(String videoId, String fileName) throws IOException {
        Path directory = videoDirectory(videoId);
        StoredNames.requireValid("file name", fileName);
        Path file = directory.resolve(fileName);
        if (!directory.equals(file.getParent())) {
            throw new InvalidNameException("the file name " + StoredNames.quote(fileName) + " leaves its video directory");
        }
        refuseLink(file);
        return file;
    }

    private static void refuseLink(Path path) throws SymbolicLinkRefusedException {
        if (Files.isSymbolicLink(path)) {
            throw new SymbolicLinkRefusedException(path.toString());
        }
    }

    private static int removeTempFilesIn(Path video) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(video,
                file -> StoredNames.isTemporary(file.getFileName().toString()))) {
            for (Path leftover : files) {
                BasicFileAttributes attributes =
                        Files.readAttributes(leftover, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isDirectory() && Files.deleteIfExists(leftover)) {
                    LOG.log(Level.INFO, "Removed {0}, left by a write a crash interrupted", leftover);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static String display(String videoId, String fileName) {
        return videoId + "/" + fileName;
    }
}
