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
 * BASE_DIR and the files in it, at {@code BASE_DIR/<videoId>/<fileName>}, each with the SHA-256
 * its write was verified against ({@link ChecksumRecording}). Every method checks the names it
 * is given and refuses symbolic links, so nothing outside BASE_DIR is ever read, written or
 * deleted. Thread-safe: it holds no state besides the base path and how checksums are kept.
 */
public final class StorageDirectory {

    private static final Logger LOG = Logger.getLogger(StorageDirectory.class.getName());

    private final Path base;
    private final ChecksumRecords checksums;

    private StorageDirectory(Path base, ChecksumRecording recording) {
        this.base = base;
        this.checksums = ChecksumRecords.of(recording);
    }

    /**
     * Opens BASE_DIR, creating it when absent, and keeps checksums as user extended attributes
     * when its file system takes them, in sidecar files otherwise. The real path is kept, so
     * later checks compare like with like.
     */
    public static StorageDirectory open(Path baseDir) throws IOException {
        Path real = createReal(baseDir);
        if (ExtendedAttributeChecksums.workIn(real)) {
            return new StorageDirectory(real, ChecksumRecording.EXTENDED_ATTRIBUTE);
        }
        LOG.log(Level.WARNING, "The file system of {0} does not take user extended attributes: keeping the "
                + "checksum of each file in a hidden sidecar file beside it", real);
        return new StorageDirectory(real, ChecksumRecording.SIDECAR_FILE);
    }

    /** Opens BASE_DIR keeping checksums as {@code recording} says, whatever its file system offers. */
    public static StorageDirectory open(Path baseDir, ChecksumRecording recording) throws IOException {
        return new StorageDirectory(createReal(baseDir), recording);
    }

    public Path path() {
        return base;
    }

    /**
     * Removes what writes and deletes a crash interrupted left behind (temporary files,
     * checksums of files that are gone); returns how many files.
     */
    public int removeLeftovers() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> videos = Files.newDirectoryStream(base)) {
            for (Path video : videos) {
                if (Files.isDirectory(video, LinkOption.NOFOLLOW_LINKS)) {
                    removed += removeTempFilesIn(video);
                    removed += checksums.removeOrphans(video);
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
            return new PendingWrite(temporary, target, display(videoId, fileName), size, sha256, checksums, newVideo);
        } catch (NoSuchFileException directoryRemovedMeanwhile) {
            // A deleteVideo or an aborted first write removed the empty directory: make it again.
            Files.createDirectories(directory);
            return new PendingWrite(temporary, target, display(videoId, fileName), size, sha256, checksums, newVideo);
        }
    }

    /**
     * Opens a stored file for reading, with its recorded SHA-256. A file replaced between the
     * two may show the new one's record: a whole-file read then fails as corrupt once, and the
     * reader moves on to another copy.
     *
     * @throws NoSuchFileException when there is no such regular file
     */
    public OpenStoredFile openForRead(String videoId, String fileName) throws IOException {
        Path file = storedFile(videoId, fileName);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(display(videoId, fileName), null, "no such file on this node");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            return new OpenStoredFile(channel, checksums.recordedFor(file));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Size and SHA-256 of a stored file, read from disk now, with the SHA-256 recorded when it was written. */
    public FileStat stat(String videoId, String fileName) throws IOException {
        try (OpenStoredFile file = openForRead(videoId, fileName)) {
            long size = file.channel().size();
            Sha256 onDisk = Sha256.of(Channels.newInputStream(file.channel()));
            return new FileStat(videoId, fileName, size, onDisk, file.recordedSha256());
        }
    }

    /** Deletes a stored file and its recorded checksum; false when there was no file. */
    public boolean delete(String videoId, String fileName) throws IOException {
        Path file = storedFile(videoId, fileName);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.deleteIfExists(file)) {
            return false;
        }
        checksums.forget(file);
        return true;
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
                Path file = directory.resolve(files.next().fileName());
                if (Files.deleteIfExists(file)) {
                    checksums.forget(file);
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

    private static Path createReal(Path baseDir) throws IOException {
        Files.createDirectories(baseDir);
        Path real = baseDir.toRealPath();
        if (!Files.isDirectory(real)) {
            throw new NotDirectoryException(real.toString());
        }
        return real;
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
