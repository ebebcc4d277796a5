package io.tritontube.storage.client;

import io.grpc.Status;
import java.io.IOException;
import java.util.Optional;

/**
 * A storage call failed. The subclasses are the failures a caller reacts to differently;
 * anything else (a refused name, a bad token, a range past the end) is this class, with the
 * node's status {@link #code()} and message.
 */
public class StorageException extends IOException {

    private final String node;
    private final Status.Code code;

    public StorageException(String node, Status.Code code, String message, Throwable cause) {
        super(node + ": " + message, cause);
        this.node = node;
        this.code = code;
    }

    /** Address of the node the call went to. */
    public String node() {
        return node;
    }

    /** The gRPC status code that describes the failure. */
    public Status.Code code() {
        return code;
    }

    /**
     * The storage failure behind {@code failure}, if there is one: futures wrap it in
     * {@code ExecutionException} or {@code CompletionException}, streams in
     * {@code UncheckedIOException}.
     */
    public static Optional<StorageException> causeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StorageException storageException) {
                return Optional.of(storageException);
            }
        }
        return Optional.empty();
    }
}
