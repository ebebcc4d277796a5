package io.tritontube.storage.client;

import io.grpc.Status;

/**
 * Bytes did not match their SHA-256: a write the node refused (nothing was stored), or a read
 * whose content differs from what the node digested (that copy is corrupt).
 */
public class StorageChecksumMismatchException extends StorageException {

    public StorageChecksumMismatchException(String node, String message, Throwable cause) {
        super(node, Status.Code.DATA_LOSS, message, cause);
    }
}
