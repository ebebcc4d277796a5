package io.tritontube.web.infrastructure.content.fs;

import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.content.InvalidContentPathException;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps each file at {@code DIR/<videoId>/<filename>}.
 *
 * <p>A put writes a temporary file in the video's directory, forces it to disk and renames it
 * into place atomically, so a reader sees the whole file or none of it, even after a crash.
 * The temporary name holds a backslash, which {@link io.tritontube.web.domain.content.ContentFileName}
 * forbids, so it can never be taken for, or overwrite, a real file.
 */
public final class FileSystemContentStore implements ContentStore {

    private final Path root;

    public FileSystemContentStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
    }

    @Override
    public void put(ContentKey key, Path source) throws IOException {
        Path target = resolve(key);
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve(".\\" + UUID.randomUUID() + ".partial");
        try {
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long size = in.size();
                for (long copied = 0; copied < size; ) {
                    copied += in.transferTo(copied, size - copied, out);
                }
                out.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Optional<StoredContent> open(ContentKey key, ByteRange range) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(resolve(key), StandardOpenOption.READ);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileRangeContent.of(channel, range));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A video's directory holds only files (its packaged files and puts in progress). */
    @Override
    public void deleteVideo(VideoId videoId) throws IOException {
        Path directory = videoDirectory(videoId);
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.toList();
        } catch (NoSuchFileException nothingStored) {
            return;
        }
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(directory);
    }

    /** Nothing to release: every call opens and closes its own files. */
    @Override
    public void close() {
    }

    /** The root directory, absolute. */
    public Path root() {
        return root;
    }

    private Path resolve(ContentKey key) {
        Path directory = videoDirectory(key.videoId());
        Path file = directory.resolve(key.fileName().value()).normalize();
        // The value objects already exclude separators and dot names; this is the last line of defence.
        if (!directory.equals(file.getParent())) {
            throw new InvalidContentPathException("'" + key + "' does not name a file of its video");
        }
        return file;
    }

    private Path videoDirectory(VideoId videoId) {
        Path directory = root.resolve(videoId.value()).normalize();
        if (!root.equals(directory.getParent())) {
            throw new InvalidContentPathException("video id '" + videoId + "' does not name a directory under " + root);
        }
        return directory;
    }

    /** Makes the rename itself durable: on Linux a directory's entries are flushed by fsync on it. */
    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
