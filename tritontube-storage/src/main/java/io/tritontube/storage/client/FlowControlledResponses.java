package io.tritontube.storage.client;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The messages of one server-streaming call, pulled by a blocking consumer. The node only
 * sends what the consumer has {@link #request requested}, so at most that many messages are
 * ever buffered here, however large the file or listing.
 */
final class FlowControlledResponses<Q, R> implements ClientResponseObserver<Q, R> {

    private static final Object END = new Object();

    private record Failure(StorageException exception) {
    }

    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private final String node;
    private final String operation;
    private final long answerTimeoutMillis;
    private volatile ClientCallStreamObserver<Q> call;
    /** END or a Failure once the stream is over: every later {@link #next} repeats it. */
    private Object terminal;

    FlowControlledResponses(String node, String operation, long answerTimeoutMillis) {
        this.node = node;
        this.operation = operation;
        this.answerTimeoutMillis = answerTimeoutMillis;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
        call = requestStream;
        requestStream.disableAutoRequestWithInitial(1);
    }

    @Override
    public void onNext(R message) {
        arrivals.add(message);
    }

    @Override
    public void onError(Throwable failure) {
        arrivals.add(new Failure(StorageErrors.fromGrpc(node, operation, failure)));
    }

    @Override
    public void onCompleted() {
        arrivals.add(END);
    }

    /**
     * The next message, or null once the node has ended the stream. Waits at most the
     * answer timeout: a node silent that long is treated as unavailable and the call cancelled.
     */
    R next() throws IOException {
        return next(answerTimeoutMillis);
    }

    /** {@link #next()}, waiting at most {@code timeoutMillis} instead of the answer timeout. */
    @SuppressWarnings("unchecked")
    R next(long timeoutMillis) throws IOException {
        if (terminal == null) {
            Object arrival = awaitArrival(timeoutMillis);
            if (arrival != END && !(arrival instanceof Failure)) {
                return (R) arrival;
            }
            terminal = arrival;
        }
        if (terminal instanceof Failure failure) {
            throw failure.exception();
        }
        return null;
    }

    private Object awaitArrival(long timeoutMillis) throws IOException {
        try {
            Object arrival = arrivals.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (arrival == null) {
                cancel(operation + ": no answer in time");
                return new Failure(StorageErrors.noAnswer(node, operation, timeoutMillis));
            }
            return arrival;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(operation + ": the reading thread was interrupted");
            InterruptedIOException interrupted = new InterruptedIOException(node + ": " + operation + " interrupted");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    /** Lets the node send {@code messages} more. */
    void request(int messages) {
        call.request(messages);
    }

    /** Abandons the call; harmless once it has ended. */
    void cancel(String reason) {
        call.cancel(reason, null);
    }
}
