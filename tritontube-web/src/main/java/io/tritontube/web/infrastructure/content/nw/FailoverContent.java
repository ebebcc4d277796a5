package io.tritontube.web.infrastructure.content.nw;

import io.grpc.Status;
import io.tritontube.storage.client.ReadStream;
import io.tritontube.storage.client.StorageClient;
import io.tritontube.storage.client.StorageException;
import io.tritontube.storage.client.StorageFileNotFoundException;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.StoredContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A stored file read from the first replica that has it. If that node fails in the middle of
 * the stream (killed, unreachable, cut short), reading continues from the same byte on the
 * next replica, so the viewer gets every byte of the range without noticing.
 *
 * <p>A hung replica (its port open, no answer) costs the client's first-answer timeout before
 * the next replica is asked; the node is then noted silent in {@link StorageNodeClients}, which
 * puts it last for the reads that follow until it answers again. The last replica left to ask
 * is waited for as long as the client's answer timeout allows: giving up on it early would
 * only fail the read.
 */
final class FailoverContent implements StoredContent {

    private static final Logger LOG = Logger.getLogger(FailoverContent.class.getName());

    private final ContentKey key;
    private final StorageNodeClients clients;
    private final Deque<NodeAddress> untried;
    private final long fileSize;
    /** Offset, in the file, just past the last byte of the range. */
    private final long end;
    private final InputStream stream = new FailoverStream();
    private NodeAddress node;
    private ReadStream current;
    /** Offset, in the file, of the next byte to deliver. */
    private long position;

    private FailoverContent(ContentKey key, StorageNodeClients clients, Deque<NodeAddress> untried,
                            NodeAddress node, ReadStream opened) {
        this.key = key;
        this.clients = clients;
        this.untried = untried;
        this.node = node;
        this.current = opened;
        this.fileSize = opened.fileSize();
        this.position = opened.offset();
        this.end = opened.offset() + opened.length();
    }

    /**
     * Opens {@code range} of {@code key} on the first of {@code holders} that has it, asking the
     * silent ones last.
     *
     * @return empty when every holder answered that it does not have the file
     * @throws IOException when no holder has it and at least one could not be asked: the file
     *                     may well exist on a node that is down, so "not found" would be a lie
     */
    static Optional<StoredContent> open(ContentKey key, ByteRange range, List<NodeAddress> holders,
                                        StorageNodeClients clients) throws IOException {
        Deque<NodeAddress> untried = new ArrayDeque<>(clients.answeringFirst(holders));
        List<String> failures = new ArrayList<>();
        while (!untried.isEmpty()) {
            NodeAddress node = untried.poll();
            try {
                ReadStream opened = readOn(node, untried.isEmpty(), key, range.offset(), range.length(), clients);
                return Optional.of(new FailoverContent(key, clients, untried, node, opened));
            } catch (StorageFileNotFoundException notHere) {
                LOG.log(Level.FINE, "{0} is not on storage node {1}", new Object[] {key, node});
            } catch (StorageException e) {
                if (e.code() == Status.Code.OUT_OF_RANGE) {
                    return Optional.of(new EmptyRange(sizeOn(node, key, clients)));
                }
                failures.add(describe(node, e));
            } catch (UncheckedIOException e) {
                failures.add(describe(node, e));
            }
        }
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        throw new IOException("no replica of " + key + " could be read: " + String.join("; ", failures));
    }

    @Override
    public long fileSize() {
        return fileSize;
    }

    @Override
    public InputStream stream() {
        return stream;
    }

    @Override
    public void close() {
        current.close();
    }

    /**
     * Continues the range from {@link #position} on the next replica whose copy has the same
     * size.
     *
     * @throws IOException {@code cause}, annotated, when no replica is left
     */
    private void failOver(StorageException cause) throws IOException {
        current.close();
        clients.noteFailedCall(node, cause);
        LOG.log(Level.WARNING, "Reading {0} from storage node {1} failed at byte {2} ({3}); continuing on the next replica",
                new Object[] {key, node, String.valueOf(position), cause.getMessage()});
        while (!untried.isEmpty()) {
            NodeAddress next = untried.poll();
            try {
                ReadStream reopened = readOn(next, untried.isEmpty(), key, position, end - position, clients);
                if (reopened.fileSize() == fileSize) {
                    node = next;
                    current = reopened;
                    return;
                }
                reopened.close();
                LOG.log(Level.WARNING, "Storage node {0} holds {1} with {2} bytes instead of {3}: not used",
                        new Object[] {next, key, reopened.fileSize(), fileSize});
            } catch (StorageException | UncheckedIOException e) {
                LOG.log(Level.FINE, "Cannot continue {0} on storage node {1}: {2}", new Object[] {key, next, e.getMessage()});
            }
        }
        throw new IOException("reading " + key + " failed at byte " + position + " and no other replica could continue it",
                cause);
    }

    private static long sizeOn(NodeAddress node, ContentKey key, StorageNodeClients clients) throws IOException {
        try (ReadStream probe = readOn(node, true, key, 0, 1, clients)) {
            return probe.fileSize();
        }
    }

    /**
     * Opens a range on {@code node}, noting in {@code clients} whether the node answered in time.
     *
     * @param lastResort whether no other replica is left to ask: then the node gets the whole answer timeout
     */
    private static ReadStream readOn(NodeAddress node, boolean lastResort, ContentKey key, long offset, long length,
                                     StorageNodeClients clients) throws IOException {
        StorageClient client = clients.clientFor(node);
        Duration firstAnswerTimeout = lastResort ? client.answerTimeout() : client.firstAnswerTimeout();
        try {
            ReadStream opened = client.read(key.videoId().value(), key.fileName().value(), offset, length,
                    firstAnswerTimeout);
            clients.noteAnswered(node);
            return opened;
        } catch (StorageException e) {
            clients.noteFailedCall(node, e);
            throw e;
        }
    }

    private static String describe(NodeAddress node, Exception e) {
        return node + ": " + e.getMessage();
    }

    private final class FailoverStream extends InputStream {

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (true) {
                try {
                    int read = current.read(target, offset, length);
                    if (read > 0) {
                        position += read;
                    }
                    return read;
                } catch (StorageException e) {
                    if (position >= end) {
                        throw e; // every byte was delivered: only the final checksum failed
                    }
                    failOver(e);
                }
            }
        }

        @Override
        public int available() {
            return current.available();
        }

        @Override
        public void close() {
            FailoverContent.this.close();
        }
    }

    /** A range that starts at or past the end of the file: no bytes, but the file's size. */
    private record EmptyRange(long fileSize) implements StoredContent {

        @Override
        public InputStream stream() {
            return InputStream.nullInputStream();
        }

        @Override
        public void close() {
        }
    }
}
