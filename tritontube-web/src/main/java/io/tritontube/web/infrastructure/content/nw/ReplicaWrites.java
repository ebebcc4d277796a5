package io.tritontube.web.infrastructure.content.nw;

import io.grpc.Status;
import io.tritontube.storage.client.StorageException;
import io.tritontube.storage.client.StorageNodeUnavailableException;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.content.ContentKey;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The parallel writes of one file to its replicas, awaited so that a hung replica cannot hold
 * the upload. Until one replica has stored the file every write gets all the time its client
 * allows (bytes keep flowing, so a large file is never cut). Once one has, the others get twice
 * as long as it took (a slower disk or a colder JVM may well need that), at least the client's
 * first-answer timeout, and a node already known to be silent gets no time at all. A write cut short is cancelled (the node discards what it
 * received) and reported like any failed write, for the caller to record for the repair pass.
 */
final class ReplicaWrites {

    private final ContentKey key;
    private final StorageNodeClients clients;
    private final Map<NodeAddress, CompletableFuture<Long>> writes;
    private final long startedNanos = System.nanoTime();

    /** @param writes the writes of {@code key}, just started, by node */
    ReplicaWrites(ContentKey key, StorageNodeClients clients, Map<NodeAddress, CompletableFuture<Long>> writes) {
        this.key = key;
        this.clients = clients;
        this.writes = new LinkedHashMap<>(writes);
    }

    /**
     * Waits for the writes as the class says.
     *
     * @return the failed (or cut) writes by node, each with its failure; empty when every replica stored the file
     * @throws InterruptedIOException when interrupted, after cancelling every write still running
     */
    Map<NodeAddress, IOException> await() throws InterruptedIOException {
        Optional<NodeAddress> firstToStore = awaitFirstStored();
        long graceNanos = firstToStore.map(this::graceAfterFirstStored).orElse(0L);
        long deadline = System.nanoTime() + graceNanos;
        Map<NodeAddress, IOException> failures = new LinkedHashMap<>();
        for (Map.Entry<NodeAddress, CompletableFuture<Long>> write : writes.entrySet()) {
            NodeAddress node = write.getKey();
            long waitNanos = clients.isSilent(node) ? 0 : deadline - System.nanoTime();
            outcomeWithin(node, write.getValue(), waitNanos).ifPresent(failure -> failures.put(node, failure));
        }
        return failures;
    }

    /**
     * The storage (or local) failure of a call that completed exceptionally: the failure a
     * caller can act on, rather than the future's wrapper.
     */
    static IOException failureOf(ExecutionException failed) {
        return StorageException.causeOf(failed).<IOException>map(storageFailure -> storageFailure)
                .orElseGet(() -> new IOException(failed.getCause().getMessage(), failed.getCause()));
    }

    /** The node whose write succeeded first; empty once every write has ended without one. */
    private Optional<NodeAddress> awaitFirstStored() throws InterruptedIOException {
        CompletableFuture<Optional<NodeAddress>> first = new CompletableFuture<>();
        writes.forEach((node, write) -> write.thenRun(() -> first.complete(Optional.of(node))));
        CompletableFuture.allOf(writes.values().toArray(CompletableFuture[]::new))
                .whenComplete((allStored, someFailed) -> first.complete(Optional.empty()));
        try {
            return first.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("completed only with a value, yet failed", e);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private long graceAfterFirstStored(NodeAddress firstToStore) {
        Duration firstAnswerTimeout = clients.clientFor(firstToStore).firstAnswerTimeout();
        return Math.max(firstAnswerTimeout.toNanos(), 2 * (System.nanoTime() - startedNanos));
    }

    /** Waits up to {@code waitNanos} for the write to {@code node}; empty when it stored the file. */
    private Optional<IOException> outcomeWithin(NodeAddress node, Future<Long> write, long waitNanos)
            throws InterruptedIOException {
        try {
            write.get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
            clients.noteAnswered(node);
            return Optional.empty();
        } catch (TimeoutException e) {
            write.cancel(true);
            StorageNodeUnavailableException cut = new StorageNodeUnavailableException(node.value(),
                    Status.Code.DEADLINE_EXCEEDED, "store of " + key + " cut short: still unfinished "
                    + Duration.ofNanos(System.nanoTime() - startedNanos).toMillis()
                    + " ms after it began, when another replica had stored it", e);
            clients.noteFailedCall(node, cut);
            return Optional.of(cut);
        } catch (ExecutionException e) {
            IOException failure = failureOf(e);
            if (failure instanceof StorageException storageFailure) {
                clients.noteFailedCall(node, storageFailure);
            }
            return Optional.of(failure);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        writes.values().forEach(write -> write.cancel(true));
        return new InterruptedIOException("interrupted while storing " + key + " on its replicas");
    }
}
