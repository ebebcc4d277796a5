package io.tritontube.storage.server.disk;

import io.tritontube.storage.client.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A write in progress: bytes go to a temporary file beside the target, and only
 * {@link #commit()} (size and digest verified, digest recorded, data and directory synced,
 * atomic rename) makes them visible under the final name. Anything else ends in {@link #abort()},
 * which removes the temporary file; a crash leaves it for {@link StorageDirectory#removeLeftovers}.
 * Not thread-safe: gRPC delivers one call's messages one at a time.
 */
public final class PendingWrite implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PendingWrite.class.getName());

    private final Path temporary;
    private final Path target;
    private final String displayName;
    private final long expectedSize;
    private final Sha256 expectedDigest;
    private final MessageDigest digest = Sha256.newDigest();
    private final ChecksumRecords checksums;
    private final FileChannel channel;
    /** An aborted first write also removes the video's directory, so a refused write leaves no trace. */
    private final boolean firstFileOfVideo;
    private long received;
    /** The digest is recorded but the content not yet renamed: an abort must take the record back. */
    private boolean recordedAhead;
    private boolean finished;

    PendingWrite(Path temporary, Path target, String displayName, long expectedSize, Sha256 expectedDigest,
            ChecksumRecords checksums, boolean firstFileOfVideo) throws IOException {
        this.temporary = temporary;
        this.checksums = checksums;
        this.firstFileOfVideo = firstFileOfVideo;
        this.target = target;
        this.displayName = displayName;
        this.expectedSize = expectedSize;
        this.expectedDigest = expectedDigest;
        this.channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Appends bytes; refuses (and aborts) as soon as they exceed the announced size. */
    public void append(ByteBuffer bytes) throws IOException {
        try {
            if (received + bytes.remaining() > expectedSize) {
                throw new ContentMismatchException(displayName + ": received more than the announced "
                        + expectedSize + " bytes");
            }
            received += bytes.remaining();
            digest.update(bytes.duplicate());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /**
     * Verifies size and SHA-256, records the SHA-256 with the file, makes both durable and
     * renames the file to its final name, replacing any previous version atomically. On any
     * failure the write is aborted.
     *
     * @return the byte count committed
     * @throws ContentMismatchException when size or digest differ from the header's
     */
    public long commit() throws IOException {
        try {
            if (received != expectedSize) {
                throw new ContentMismatchException(displayName + ": received " + received
                        + " bytes, the header announced " + expectedSize);
            }
            Sha256 actual = Sha256.of(digest.digest());
            if (!actual.equals(expectedDigest)) {
                throw new ContentMismatchException(displayName + ": the content's SHA-256 is " + actual
                        + ", the header announced " + expectedDigest);
            }
            recordedAhead = true;
            checksums.record(temporary, target, actual);
            channel.force(true);
            channel.close();
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            finished = true;
            syncDirectory(target.getParent());
            return received;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Discards the write; harmless after commit or a previous abort. */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        if (recordedAhead) {
            forgetRecord();
        }
        try {
            channel.close();
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove the temporary file " + temporary + " of " + displayName
                    + "; it will be removed at the next start", e);
            return;
        }
        if (firstFileOfVideo) {
            removeDirectoryIfEmpty(temporary.getParent());
        }
    }

    /**
     * A record kept apart from the file now describes content that never arrived: without it,
     * a previous version keeps no record and counts as unrecorded rather than corrupt.
     */
    private void forgetRecord() {
        try {
            checksums.forget(target);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove the checksum recorded for the abandoned write of " + displayName
                    + "; the previous version, if any, will look corrupt until repair replaces it", e);
        }
    }

    private void removeDirectoryIfEmpty(Path directory) {
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException otherWritesUnderway) {
            LOG.log(Level.FINE, "Kept {0}: other files of the video arrived meanwhile", directory);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove the empty directory " + directory + " of " + displayName, e);
        }
    }

    @Override
    public void close() {
        abort();
    }

    /** Makes the rename itself durable: without it a crash could bring back the old directory entry. */
    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
