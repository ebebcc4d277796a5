package io.tritontube.storage.client;

import io.grpc.Status;

/**
 * The node is down, unreachable or did not answer in time: try the next replica. Nothing
 * about the file itself is known.
 */
public class StorageNodeUnavailableException extends StorageException {

    public StorageNodeUnavailableException(String node, Status.Code code, String message, Throwable cause) {
        super(node, code, message, cause);
    }
}
