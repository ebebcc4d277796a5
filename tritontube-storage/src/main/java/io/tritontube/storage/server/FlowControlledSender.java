package io.tritontube.storage.server;

import io.grpc.stub.ServerCallStreamObserver;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams a {@link MessageSource} to a client only while its transport is ready, so a slow
 * or stalled reader holds the daemon to a few messages instead of a whole file or listing.
 * Closes the source when the answer ends, fails or the client cancels. gRPC runs the ready and
 * cancel handlers of one call one at a time, so no locking is needed.
 */
final class FlowControlledSender<T> implements Runnable {

    private static final Logger LOG = Logger.getLogger(FlowControlledSender.class.getName());

    private final ServerCallStreamObserver<T> call;
    private final MessageSource<T> source;
    private final String operation;
    private boolean finished;

    private FlowControlledSender(ServerCallStreamObserver<T> call, MessageSource<T> source, String operation) {
        this.call = call;
        this.source = source;
        this.operation = operation;
    }

    /** Sends {@code source} on {@code call}, starting as soon as the call is ready. */
    static <T> void start(ServerCallStreamObserver<T> call, MessageSource<T> source, String operation) {
        FlowControlledSender<T> sender = new FlowControlledSender<>(call, source, operation);
        call.setOnCancelHandler(sender::cancelled);
        call.setOnReadyHandler(sender);
    }

    /** The ready handler: sends until the transport pushes back or the source is exhausted. */
    @Override
    public void run() {
        try {
            while (!finished && call.isReady()) {
                T message = source.next();
                if (message == null) {
                    finish();
                    call.onCompleted();
                    return;
                }
                call.onNext(message);
            }
        } catch (IOException | RuntimeException e) {
            finish();
            call.onError(Failures.toStatus(operation, e));
        }
    }

    private void cancelled() {
        if (!finished) {
            LOG.log(Level.FINE, "The client cancelled {0}", operation);
            finish();
        }
    }

    private void finish() {
        finished = true;
        try {
            source.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not release what " + operation + " held open", e);
        }
    }
}
