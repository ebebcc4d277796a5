package io.tritontube.web.application.cluster;

/**
 * A membership change, status or repair that was refused or failed. {@link #reason()} says
 * which, so the admin service can answer with the matching gRPC status; the message says
 * what happened in words an operator can act on.
 */
public class ClusterMembershipException extends RuntimeException {

    /** Why the request did not succeed. */
    public enum Reason {
        /** The node address is empty or not {@code host:port}. */
        INVALID_ADDRESS,
        /** The node to add is already in the ring. */
        ALREADY_IN_RING,
        /** The node to remove is not in the ring. */
        NOT_IN_RING,
        /** The node to add does not answer a health call. Nothing changed. */
        NODE_UNREACHABLE,
        /** The change would lose files: removing the last node, or too many nodes are down. */
        WOULD_LOSE_DATA,
        /** Another membership change or repair is running (here or on another web server). */
        CHANGE_IN_PROGRESS,
        /** Copying files failed part-way; the ring was rolled back to what it was. */
        MIGRATION_FAILED,
        /** The ring's membership is not loaded yet: its store did not answer since the server started. */
        RING_NOT_LOADED
    }

    private final Reason reason;

    public ClusterMembershipException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ClusterMembershipException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
