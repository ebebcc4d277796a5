package io.tritontube.storage.client;

import io.grpc.Status;

/** The node answered and does not hold the file. */
public class StorageFileNotFoundException extends StorageException {

    public StorageFileNotFoundException(String node, String message, Throwable cause) {
        super(node, Status.Code.NOT_FOUND, message, cause);
    }
}
