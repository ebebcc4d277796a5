package io.tritontube.storage.server;

import com.google.protobuf.UnsafeByteOperations;
import io.tritontube.proto.storage.ReadHeader;
import io.tritontube.proto.storage.ReadResponse;
import io.tritontube.storage.client.Sha256;
import io.tritontube.storage.server.disk.ContentMismatchException;
import io.tritontube.storage.server.disk.OpenStoredFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * The answer to one Read: the header, then the range in chunks read from disk one at a time.
 * When the range is the whole file, the last message carries the SHA-256 of the bytes sent;
 * if the file has a recorded SHA-256 and the bytes do not match it, the copy is corrupt and the
 * last chunk is withheld: the read fails with DATA_LOSS before it completes, so a reader that
 * fails over continues on another copy, and a node-to-node copy stores nothing.
 */
final class FileChunks implements MessageSource<ReadResponse> {

    static final int CHUNK_SIZE = 256 * 1024;

    private final OpenStoredFile file;
    private final ReadHeader header;
    private final String displayName;
    private final MessageDigest digest;
    private long position;
    private long remaining;
    private boolean headerSent;

    FileChunks(OpenStoredFile file, ReadHeader header, String displayName) {
        this.file = file;
        this.header = header;
        this.displayName = displayName;
        this.position = header.getOffset();
        this.remaining = header.getLength();
        boolean wholeFile = header.getOffset() == 0 && header.getLength() == header.getFileSize();
        this.digest = wholeFile ? Sha256.newDigest() : null;
    }

    @Override
    public ReadResponse next() throws IOException {
        if (!headerSent) {
            headerSent = true;
            return withDigestIfLast(ReadResponse.newBuilder().setHeader(header));
        }
        if (remaining == 0) {
            return null;
        }
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_SIZE, remaining));
        while (chunk.hasRemaining()) {
            if (file.channel().read(chunk, position + chunk.position()) < 0) {
                throw new IOException(displayName + " shrank while being read");
            }
        }
        position += chunk.capacity();
        remaining -= chunk.capacity();
        if (digest != null) {
            digest.update(chunk.array());
        }
        // The buffer is never touched again, so gRPC may keep it without a copy.
        return withDigestIfLast(ReadResponse.newBuilder().setChunk(UnsafeByteOperations.unsafeWrap(chunk.array())));
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** @throws ContentMismatchException when the whole file was read and differs from its recorded SHA-256 */
    private ReadResponse withDigestIfLast(ReadResponse.Builder message) throws ContentMismatchException {
        if (remaining == 0 && digest != null) {
            Sha256 sent = Sha256.of(digest.digest());
            if (file.recordedSha256().filter(recorded -> !recorded.equals(sent)).isPresent()) {
                throw new ContentMismatchException("this copy is corrupt: its bytes have SHA-256 "
                        + sent + " but " + file.recordedSha256().get() + " was recorded when it was written");
            }
            message.setSha256(UnsafeByteOperations.unsafeWrap(sent.toByteArray()));
        }
        return message.build();
    }
}
