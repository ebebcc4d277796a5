package io.tritontube.web.interfaces.admin;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.tritontube.web.application.cluster.ClusterMembershipException;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers one admin call: the reply, or the failure as a gRPC status whose code says what
 * kind of failure it is and whose description says what happened.
 */
final class AdminCalls {

    private static final Logger LOG = Logger.getLogger(AdminCalls.class.getName());

    private AdminCalls() {
    }

    static <T> void answer(StreamObserver<T> responses, String call, Supplier<T> work) {
        T reply;
        try {
            reply = work.get();
        } catch (ClusterMembershipException e) {
            LOG.log(Level.WARNING, "Admin call {0} refused: {1}", new Object[] {call, e.getMessage()});
            responses.onError(statusOf(e.reason()).withDescription(e.getMessage()).asRuntimeException());
            return;
        } catch (MetadataUnavailableException e) {
            LOG.log(Level.WARNING, "Admin call {0} failed: {1}", new Object[] {call, e.getMessage()});
            responses.onError(Status.UNAVAILABLE.withDescription(call + " failed, the ring's membership store does not "
                    + "answer: " + e.getMessage()).asRuntimeException());
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Admin call " + call + " failed", e);
            responses.onError(Status.INTERNAL.withDescription(call + " failed: " + e.getMessage()).asRuntimeException());
            return;
        }
        responses.onNext(reply);
        responses.onCompleted();
    }

    static Status statusOf(ClusterMembershipException.Reason reason) {
        return switch (reason) {
            case INVALID_ADDRESS -> Status.INVALID_ARGUMENT;
            case ALREADY_IN_RING -> Status.ALREADY_EXISTS;
            case NOT_IN_RING -> Status.NOT_FOUND;
            // Not UNAVAILABLE: that would read as "the admin server is down", and retrying
            // does not help until the operator starts the node.
            case NODE_UNREACHABLE, WOULD_LOSE_DATA -> Status.FAILED_PRECONDITION;
            // Both mean "nothing was changed, retry later": another change ran, or this one was rolled back.
            case CHANGE_IN_PROGRESS, MIGRATION_FAILED -> Status.ABORTED;
            // The server cannot serve anything yet, and retrying later succeeds without any change.
            case RING_NOT_LOADED -> Status.UNAVAILABLE;
        };
    }
}
