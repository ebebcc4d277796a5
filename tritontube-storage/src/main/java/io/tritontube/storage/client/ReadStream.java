package io.tritontube.storage.client;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.tritontube.proto.storage.ReadHeader;
import io.tritontube.proto.storage.ReadRequest;
import io.tritontube.proto.storage.ReadResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * The bytes of one file (or range) streaming from a node. Only a few chunks are buffered
 * ahead of the reader: more are requested as it drains them. When the whole file is read,
 * its SHA-256 is checked at the end and a mismatch fails the last {@code read} with a
 * {@link StorageChecksumMismatchException}. Close it to abandon the transfer early.
 */
public final class ReadStream extends InputStream {

    /** Chunks the node may send ahead of the reader: bounds memory per open stream. */
    static final int CHUNKS_AHEAD = 4;

    private final FlowControlledResponses<ReadRequest, ReadResponse> responses;
    private final String node;
    private final ReadHeader header;
    private final MessageDigest digest;
    private ByteString expectedSha256 = ByteString.EMPTY;
    private ByteString chunk = ByteString.EMPTY;
    private int positionInChunk;
    private long received;
    private boolean ended;

    private ReadStream(FlowControlledResponses<ReadRequest, ReadResponse> responses, String node, ReadHeader header) {
        this.responses = responses;
        this.node = node;
        this.header = header;
        boolean wholeFile = header.getOffset() == 0 && header.getLength() == header.getFileSize();
        this.digest = wholeFile ? Sha256.newDigest() : null;
    }

    /** Waits for the node's header at most {@code headerTimeoutMillis}, then lets the bytes flow. */
    static ReadStream open(FlowControlledResponses<ReadRequest, ReadResponse> responses, String node,
            long headerTimeoutMillis) throws IOException {
        ReadResponse first = responses.next(headerTimeoutMillis);
        if (first == null || !first.hasHeader()) {
            responses.cancel("no read header");
            throw new StorageException(node, Status.Code.INTERNAL, "the node answered a read without a header", null);
        }
        ReadStream stream = new ReadStream(responses, node, first.getHeader());
        stream.expectedSha256 = first.getSha256();
        responses.request(CHUNKS_AHEAD);
        return stream;
    }

    /** Size of the whole file on the node, whatever range is being read. */
    public long fileSize() {
        return header.getFileSize();
    }

    /** First byte of the file this stream delivers. */
    public long offset() {
        return header.getOffset();
    }

    /** How many bytes this stream delivers in all. */
    public long length() {
        return header.getLength();
    }

    @Override
    public int read() throws IOException {
        if (!fillChunk()) {
            return -1;
        }
        return chunk.byteAt(positionInChunk++) & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fillChunk()) {
            return -1;
        }
        int copied = Math.min(length, chunk.size() - positionInChunk);
        chunk.copyTo(target, positionInChunk, offset, copied);
        positionInChunk += copied;
        return copied;
    }

    @Override
    public int available() {
        return chunk.size() - positionInChunk;
    }

    /** Cancels the call if the stream was not read to its end. */
    @Override
    public void close() {
        if (!ended) {
            ended = true;
            responses.cancel("the reader closed the stream before its end");
        }
    }

    /** True when unread bytes are in {@link #chunk}, false at the end of the stream. */
    private boolean fillChunk() throws IOException {
        while (positionInChunk == chunk.size()) {
            if (ended) {
                return false;
            }
            ReadResponse message = responses.next();
            if (message == null) {
                ended = true;
                verifyComplete();
                return false;
            }
            if (!message.getSha256().isEmpty()) {
                expectedSha256 = message.getSha256();
            }
            if (message.hasChunk()) {
                acceptChunk(message.getChunk());
            }
        }
        return true;
    }

    private void acceptChunk(ByteString next) {
        chunk = next;
        positionInChunk = 0;
        received += next.size();
        if (digest != null) {
            digest.update(next.asReadOnlyByteBuffer());
        }
        responses.request(1);
    }

    private void verifyComplete() throws StorageException {
        if (received != header.getLength()) {
            throw new StorageException(node, Status.Code.DATA_LOSS, "the read ended after " + received
                    + " of " + header.getLength() + " bytes", null);
        }
        if (digest != null && !expectedSha256.isEmpty()
                && !MessageDigest.isEqual(digest.digest(), expectedSha256.toByteArray())) {
            throw new StorageChecksumMismatchException(node,
                    "the bytes read do not match the SHA-256 the node sent", null);
        }
    }
}
