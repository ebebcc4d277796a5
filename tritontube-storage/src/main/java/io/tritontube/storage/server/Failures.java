package io.tritontube.storage.server;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tritontube.storage.server.disk.ContentMismatchException;
import io.tritontube.storage.server.disk.SymbolicLinkRefusedException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what went wrong in a call into the status the client gets, and logs it at a level that
 * matches whose fault it is: the client's mistakes briefly, the node's own failures in full.
 */
final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    private Failures() {
    }

    /** A failure of {@code operation} (which names the file) as the status to close the call with. */
    static StatusRuntimeException toStatus(String operation, Throwable failure) {
        Throwable cause = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
        Status status = classify(cause);
        String message = operation + ": " + describe(cause);
        if (status.getCode() == Status.Code.INTERNAL) {
            LOG.log(Level.SEVERE, "Failed to " + operation, cause);
        } else if (status.getCode() == Status.Code.NOT_FOUND) {
            LOG.log(Level.FINE, "Refused {0}", message);
        } else {
            LOG.log(Level.WARNING, "Refused {0} ({1})", new Object[] {message, status.getCode()});
        }
        return status.withDescription(message).asRuntimeException();
    }

    /** A refusal decided by the service itself, logged like the others. */
    static StatusRuntimeException refuse(String operation, Status status, String reason) {
        LOG.log(Level.WARNING, "Refused {0}: {1} ({2})", new Object[] {operation, reason, status.getCode()});
        return status.withDescription(operation + ": " + reason).asRuntimeException();
    }

    private static Status classify(Throwable failure) {
        if (failure instanceof IllegalArgumentException) {
            return Status.INVALID_ARGUMENT;
        }
        if (failure instanceof SymbolicLinkRefusedException) {
            return Status.PERMISSION_DENIED;
        }
        if (failure instanceof NoSuchFileException) {
            return Status.NOT_FOUND;
        }
        if (failure instanceof ContentMismatchException) {
            return Status.DATA_LOSS;
        }
        return Status.INTERNAL;
    }

    private static String describe(Throwable failure) {
        if (failure instanceof NoSuchFileException) {
            return "no such file on this node";
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}
