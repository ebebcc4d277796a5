package io.tritontube.storage.client;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/** Completes a future with the single answer of a unary call, or its mapped failure. */
final class UnaryCall<R> implements StreamObserver<R> {

    private final String node;
    private final String operation;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private R answer;

    UnaryCall(String node, String operation) {
        this.node = node;
        this.operation = operation;
    }

    CompletableFuture<R> result() {
        return result;
    }

    @Override
    public void onNext(R value) {
        answer = value;
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(StorageErrors.fromGrpc(node, operation, failure));
    }

    @Override
    public void onCompleted() {
        result.complete(answer);
    }
}
