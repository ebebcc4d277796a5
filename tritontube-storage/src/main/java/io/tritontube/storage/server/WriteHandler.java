package io.tritontube.storage.server;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.tritontube.proto.storage.WriteHeader;
import io.tritontube.proto.storage.WriteRequest;
import io.tritontube.proto.storage.WriteResponse;
import io.tritontube.storage.client.Sha256;
import io.tritontube.storage.server.disk.PendingWrite;
import io.tritontube.storage.server.disk.StorageDirectory;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Write call: the header opens a {@link PendingWrite}, chunks are appended as they arrive
 * (gRPC asks for the next message only once this one is on disk, which paces the client), and
 * the client's end of stream commits. Any failure, and a client that cancels or disconnects,
 * aborts the write, so nothing partial is ever stored under the file's name.
 */
final class WriteHandler implements StreamObserver<WriteRequest> {

    private static final Logger LOG = Logger.getLogger(WriteHandler.class.getName());

    private final StorageDirectory directory;
    private final StreamObserver<WriteResponse> responses;
    private String operation = "write (before its header)";
    private PendingWrite pending;
    private boolean finished;

    WriteHandler(StorageDirectory directory, StreamObserver<WriteResponse> responses) {
        this.directory = directory;
        this.responses = responses;
    }

    @Override
    public void onNext(WriteRequest request) {
        if (finished) {
            return;
        }
        try {
            switch (request.getPayloadCase()) {
                case HEADER -> begin(request.getHeader());
                case CHUNK -> {
                    requireHeader();
                    pending.append(request.getChunk().asReadOnlyByteBuffer());
                }
                default -> throw new IllegalArgumentException("a write message carries neither a header nor bytes");
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void onError(Throwable callEnded) {
        if (!finished) {
            finished = true;
            abortPending();
            LOG.log(Level.INFO, "{0} ended before its last byte ({1}: the client cancelled, disconnected "
                    + "or the server is stopping); nothing stored",
                    new Object[] {operation, Status.fromThrowable(callEnded).getCode()});
        }
    }

    @Override
    public void onCompleted() {
        if (finished) {
            return;
        }
        try {
            requireHeader();
            long bytes = pending.commit();
            finished = true;
            responses.onNext(WriteResponse.newBuilder().setBytesWritten(bytes).build());
            responses.onCompleted();
            LOG.log(Level.FINE, "Stored {0} ({1} bytes)", new Object[] {operation, bytes});
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void begin(WriteHeader header) throws IOException {
        if (pending != null) {
            throw new IllegalArgumentException("a write carries a second header");
        }
        operation = "write " + StorageService.display(header.getFile());
        if (header.getSize() < 0) {
            throw new IllegalArgumentException("the announced size " + header.getSize() + " is negative");
        }
        if (header.getSha256().size() != Sha256.LENGTH) {
            throw new IllegalArgumentException("the announced SHA-256 has " + header.getSha256().size()
                    + " bytes instead of " + Sha256.LENGTH);
        }
        pending = directory.beginWrite(header.getFile().getVideoId(), header.getFile().getFileName(),
                header.getSize(), Sha256.of(header.getSha256().toByteArray()));
    }

    private void requireHeader() {
        if (pending == null) {
            throw new IllegalArgumentException("a write must start with its header");
        }
    }

    private void fail(Throwable failure) {
        finished = true;
        abortPending();
        responses.onError(Failures.toStatus(operation, failure));
    }

    private void abortPending() {
        if (pending != null) {
            pending.abort();
        }
    }
}
