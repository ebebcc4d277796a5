package io.tritontube.storage.client;

import io.grpc.Status;

/** Turns a failed call's gRPC status into the storage exception a caller can act on. */
final class StorageErrors {

    private StorageErrors() {
    }

    static StorageException fromGrpc(String node, String operation, Throwable failure) {
        if (failure instanceof StorageException alreadyMapped) {
            return alreadyMapped;
        }
        Status status = Status.fromThrowable(failure);
        String message = operation + " failed: " + status.getCode()
                + (status.getDescription() == null ? "" : " (" + status.getDescription() + ")");
        return switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED ->
                    new StorageNodeUnavailableException(node, status.getCode(), message, failure);
            case NOT_FOUND -> new StorageFileNotFoundException(node, message, failure);
            case DATA_LOSS -> new StorageChecksumMismatchException(node, message, failure);
            default -> new StorageException(node, status.getCode(), message, failure);
        };
    }

    static StorageNodeUnavailableException noAnswer(String node, String operation, long waitedMillis) {
        return new StorageNodeUnavailableException(node, Status.Code.DEADLINE_EXCEEDED,
                operation + " got no answer within " + waitedMillis + " ms", null);
    }
}
