package io.tritontube.storage.client;

import com.google.protobuf.UnsafeByteOperations;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.tritontube.proto.storage.WriteHeader;
import io.tritontube.proto.storage.WriteRequest;
import io.tritontube.proto.storage.WriteResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Write call: a sending thread pushes the header and then the content in chunks, but only
 * while the transport is ready for more, so a slow node slows the sender instead of filling
 * memory. The outcome is {@link #result()}: the byte count the node committed.
 */
final class Upload implements ClientResponseObserver<WriteRequest, WriteResponse> {

    static final int CHUNK_SIZE = 256 * 1024;

    private final String node;
    private final String operation;
    private final long answerTimeoutMillis;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private final Object readiness = new Object();
    private ClientCallStreamObserver<WriteRequest> requests;
    private volatile long bytesWritten;

    Upload(String node, String operation, long answerTimeoutMillis) {
        this.node = node;
        this.operation = operation;
        this.answerTimeoutMillis = answerTimeoutMillis;
    }

    CompletableFuture<Long> result() {
        return result;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<WriteRequest> requestStream) {
        requests = requestStream;
        requestStream.setOnReadyHandler(this::wakeSender);
        // A caller that gives up on the future abandons the write: the node then discards it.
        result.whenComplete((bytes, failure) -> {
            if (result.isCancelled()) {
                requestStream.cancel("the caller cancelled " + operation, null);
                wakeSender();
            }
        });
    }

    @Override
    public void onNext(WriteResponse response) {
        bytesWritten = response.getBytesWritten();
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(StorageErrors.fromGrpc(node, operation, failure));
        wakeSender();
    }

    @Override
    public void onCompleted() {
        result.complete(bytesWritten);
    }

    /**
     * Sends the header then exactly {@code header.getSize()} bytes of {@code content}, blocking
     * the calling thread while the transport is not ready. Closes {@code content}. A failure to
     * read the source cancels the call, so the node discards what it received.
     */
    void send(WriteHeader header, InputStream content) {
        try (content) {
            if (!sendWhenReady(WriteRequest.newBuilder().setHeader(header).build())) {
                return;
            }
            for (long remaining = header.getSize(); remaining > 0; ) {
                byte[] chunk = content.readNBytes((int) Math.min(CHUNK_SIZE, remaining));
                if (chunk.length == 0) {
                    throw new EOFException("the source ended " + remaining + " bytes short of the announced "
                            + header.getSize());
                }
                // The array is never touched again, so gRPC may keep it without a copy.
                if (!sendWhenReady(WriteRequest.newBuilder().setChunk(UnsafeByteOperations.unsafeWrap(chunk)).build())) {
                    return;
                }
                remaining -= chunk.length;
            }
            requests.onCompleted();
            failUnlessCommittedInTime();
        } catch (StorageException e) {
            abandon(e);
        } catch (IOException | RuntimeException e) {
            abandon(new StorageException(node, Status.Code.CANCELLED,
                    operation + " abandoned, the source could not be read: " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(new StorageException(node, Status.Code.CANCELLED,
                    operation + " abandoned: the sending thread was interrupted", e));
        }
    }

    /** Sends once the transport has room; false when the call already ended (refused, cancelled). */
    private boolean sendWhenReady(WriteRequest message) throws InterruptedException, StorageException {
        awaitReady();
        if (result.isDone()) {
            return false;
        }
        requests.onNext(message);
        return true;
    }

    /**
     * Bounds the wait for the node's verdict once every byte is sent: a node that hung after
     * taking the bytes would otherwise hold the write until the connection's keepalive fails.
     */
    private void failUnlessCommittedInTime() {
        CompletableFuture.delayedExecutor(answerTimeoutMillis, TimeUnit.MILLISECONDS).execute(() -> {
            if (!result.isDone()) {
                abandon(StorageErrors.noAnswer(node, operation + " (commit of the sent bytes)", answerTimeoutMillis));
            }
        });
    }

    private void abandon(StorageException why) {
        // Complete first so the caller sees the real cause, not the CANCELLED echo of cancel().
        result.completeExceptionally(why);
        requests.cancel(why.getMessage(), why.getCause());
    }

    private void awaitReady() throws InterruptedException, StorageException {
        long deadline = System.nanoTime() + answerTimeoutMillis * 1_000_000;
        synchronized (readiness) {
            while (!requests.isReady() && !result.isDone()) {
                long waitMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (waitMillis <= 0) {
                    throw StorageErrors.noAnswer(node, operation, answerTimeoutMillis);
                }
                readiness.wait(waitMillis);
            }
        }
    }

    private void wakeSender() {
        synchronized (readiness) {
            readiness.notifyAll();
        }
    }
}
