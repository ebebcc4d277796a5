package io.tritontube.web.interfaces.rest.tus;

import io.tritontube.web.application.WorkArea;
import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resumable uploads on disk, never in memory: {@code <root>/<uuid>/data} holds the bytes
 * received so far (its size is the offset, so a crash loses nothing that reached the file)
 * and {@code <root>/<uuid>/info.properties} the announced name and length, plus the video id
 * once the upload was handed over. Uploads survive a restart of the server.
 *
 * <p>Whoever changes an upload holds its lock ({@link #tryLock}) and looks it up after
 * taking it, so that two requests never append to one upload at once.
 */
final class PartialUploadStore {

    private static final Logger LOG = Logger.getLogger(PartialUploadStore.class.getName());
    private static final String DATA = "data";
    private static final String INFO = "info.properties";
    private static final String FILE_NAME = "fileName";
    private static final String LENGTH = "length";
    private static final String VIDEO = "video";
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path root;
    /** One permit per upload: unlike a lock, not reentrant, so even one thread cannot take it twice. */
    private final ConcurrentMap<String, Semaphore> locks = new ConcurrentHashMap<>();

    PartialUploadStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
    }

    /** A new, empty upload. */
    PartialUpload create(String fileName, long length) throws IOException {
        String id = UUID.randomUUID().toString();
        Path folder = Files.createDirectory(root.resolve(id));
        Files.createFile(folder.resolve(DATA));
        PartialUpload upload = new PartialUpload(id, fileName, length, 0, Optional.empty());
        writeInfo(upload);
        return upload;
    }

    /** The upload, or empty for an id that is not one (never a path: only UUIDs are looked up). */
    Optional<PartialUpload> find(String id) throws IOException {
        if (!isUploadId(id)) {
            return Optional.empty();
        }
        Path folder = root.resolve(id);
        Properties info = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve(INFO), StandardCharsets.UTF_8)) {
            info.load(in);
        } catch (NoSuchFileException unknownOrHalfCreated) {
            return Optional.empty();
        }
        long length = Long.parseLong(info.getProperty(LENGTH));
        Optional<VideoId> video = Optional.ofNullable(info.getProperty(VIDEO)).map(VideoId::of);
        long offset = video.isPresent() ? length : Files.size(folder.resolve(DATA));
        return Optional.of(new PartialUpload(id, info.getProperty(FILE_NAME), length, offset, video));
    }

    /**
     * Appends at most {@code upload.remaining()} bytes of {@code body}, and forces them to disk.
     * Whatever arrived before a failure of {@code body} (a dropped connection) stays appended:
     * that is what a resumed upload continues from.
     *
     * @return the upload's new offset
     * @throws InterruptedBodyException when reading {@code body} failed; what arrived is kept
     * @throws IOException when writing the file failed
     */
    long append(PartialUpload upload, InputStream body) throws IOException {
        long copied = 0;
        try (FileChannel out = FileChannel.open(data(upload.id()), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            try {
                while (copied < upload.remaining()) {
                    int read;
                    try {
                        read = body.read(buffer, 0, (int) Math.min(buffer.length, upload.remaining() - copied));
                    } catch (IOException e) {
                        throw new InterruptedBodyException(upload.offset() + copied, e);
                    }
                    if (read < 0) {
                        break;
                    }
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    copied += read;
                }
            } finally {
                out.force(false);
            }
        }
        return upload.offset() + copied;
    }

    /** The first {@code count} bytes received (fewer when fewer arrived). */
    byte[] head(PartialUpload upload, int count) throws IOException {
        try (InputStream in = Files.newInputStream(data(upload.id()))) {
            return in.readNBytes(count);
        }
    }

    /** The file of the received bytes, for the hand-over. */
    Path data(String id) {
        return root.resolve(id).resolve(DATA);
    }

    /** Remembers, until the upload expires, which video it became: a client that lost the answer can ask again. */
    void markHandedOver(PartialUpload upload, VideoId video) throws IOException {
        writeInfo(new PartialUpload(upload.id(), upload.fileName(), upload.length(), upload.length(), Optional.of(video)));
        Files.deleteIfExists(data(upload.id()));
    }

    /** Removes the upload and its bytes; the caller holds its lock. */
    void delete(String id) throws IOException {
        if (isUploadId(id)) {
            WorkArea.deleteTree(root.resolve(id));
            locks.remove(id);
        }
    }

    /**
     * The lock of an upload, if no other request holds it.
     *
     * @return empty when another request is changing the upload now
     */
    Optional<Held> tryLock(String id) {
        Semaphore lock = locks.computeIfAbsent(id, key -> new Semaphore(1));
        return lock.tryAcquire() ? Optional.of(lock::release) : Optional.empty();
    }

    /**
     * Deletes the uploads that nobody touched since {@code cutoff}, finished or not (a
     * finished one only keeps the name of its video). Uploads being changed now are skipped.
     *
     * @return how many were deleted
     */
    int deleteIdleSince(Instant cutoff) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                String id = folder.getFileName().toString();
                if (!isUploadId(id)) {
                    LOG.log(Level.FINE, "{0} is not a resumable upload; left alone", folder);
                } else if (lastActivity(folder).isBefore(cutoff) && deleteUnlessBusy(id)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private boolean deleteUnlessBusy(String id) throws IOException {
        Optional<Held> held = tryLock(id);
        if (held.isEmpty()) {
            return false;
        }
        try (Held lock = held.get()) {
            delete(id);
            return true;
        }
    }

    /** The newest modification time of the upload's files: the last chunk, or its creation or hand-over. */
    private static Instant lastActivity(Path folder) throws IOException {
        FileTime newest = Files.getLastModifiedTime(folder);
        for (String name : new String[] {DATA, INFO}) {
            Path file = folder.resolve(name);
            if (Files.exists(file)) {
                FileTime modified = Files.getLastModifiedTime(file);
                newest = modified.compareTo(newest) > 0 ? modified : newest;
            }
        }
        return newest.toInstant();
    }

    /** Written to a temporary file and renamed: a crash leaves the old info or the new one, never half. */
    private void writeInfo(PartialUpload upload) throws IOException {
        Properties info = new Properties();
        info.setProperty(FILE_NAME, upload.fileName());
        info.setProperty(LENGTH, Long.toString(upload.length()));
        upload.handedOverAs().ifPresent(video -> info.setProperty(VIDEO, video.value()));
        Path folder = root.resolve(upload.id());
        Path temporary = folder.resolve(INFO + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            info.store(out, "a resumable upload");
        }
        Files.move(temporary, folder.resolve(INFO), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isUploadId(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    /** The request body broke off (the client went away); the bytes before the break are kept. */
    static final class InterruptedBodyException extends IOException {

        private final long offsetKept;

        InterruptedBodyException(long offsetKept, IOException cause) {
            super("the request body broke off after byte " + offsetKept, cause);
            this.offsetKept = offsetKept;
        }

        long offsetKept() {
            return offsetKept;
        }
    }

    /** A held upload lock; closing releases it. */
    interface Held extends AutoCloseable {

        @Override
        void close();
    }
}
