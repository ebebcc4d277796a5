package io.tritontube.web.application.cluster;

import io.tritontube.storage.client.StorageException;
import io.tritontube.storage.client.StoredFile;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.infrastructure.content.nw.StorageNodeClients;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One pass over the files of several nodes: their listings stream in parallel (one thread
 * per node, never a whole listing in memory) and the work each file needs (copies, stats,
 * deletes) runs asynchronously, at most {@code parallelism} at a time; a listing waits while
 * every slot is busy. Failures are collected; a pass that must be all-or-nothing (a
 * migration's copies) stops at the first, a best-effort one (deleting old copies) goes on.
 */
final class ClusterScan {

    /** Called for each file listed, on that node's listing thread. */
    @FunctionalInterface
    interface FileVisitor {
        void visit(NodeAddress node, StoredFile file) throws InterruptedException;
    }

    /** Enough failure messages to explain what went wrong, without flooding the reply. */
    private static final int FAILURES_REPORTED = 5;

    private final StorageNodeClients clients;
    private final ExecutorService listingThreads;
    private final int parallelism;
    private final boolean stopAtFirstFailure;
    private final Semaphore slots;
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    ClusterScan(StorageNodeClients clients, ExecutorService listingThreads, int parallelism,
                boolean stopAtFirstFailure) {
        this.clients = clients;
        this.listingThreads = listingThreads;
        this.parallelism = parallelism;
        this.stopAtFirstFailure = stopAtFirstFailure;
        this.slots = new Semaphore(parallelism);
    }

    /** The ring key of a listed file, as {@link io.tritontube.web.domain.content.ContentKey#ringKey()} forms it. */
    static String ringKey(StoredFile file) {
        return file.videoId() + "/" + file.fileName();
    }

    /**
     * Lists every file of {@code nodes}, calling {@code visitor} for each, and returns when
     * the listings and all the work they started have finished.
     */
    void visitAll(Collection<NodeAddress> nodes, FileVisitor visitor) throws InterruptedException {
        Map<NodeAddress, Future<?>> listings = new LinkedHashMap<>();
        for (NodeAddress node : nodes) {
            listings.put(node, listingThreads.submit(() -> {
                visitFilesOf(node, visitor);
                return null;
            }));
        }
        for (Map.Entry<NodeAddress, Future<?>> listing : listings.entrySet()) {
            try {
                listing.getValue().get();
            } catch (ExecutionException e) {
                String reason = StorageException.causeOf(e).map(Throwable::getMessage).orElseGet(() -> String.valueOf(e.getCause()));
                failures.add("listing the files of " + listing.getKey() + " failed: " + reason);
            }
        }
        awaitWork();
    }

    /** Returns when all the work {@link #start started} so far has finished. */
    void awaitWork() throws InterruptedException {
        slots.acquire(parallelism);
        slots.release(parallelism);
    }

    /**
     * Runs {@code work} once a slot is free, waiting for one meanwhile. A failure is recorded
     * as {@code description} and the failure's message.
     */
    void start(String description, Supplier<CompletableFuture<?>> work) throws InterruptedException {
        slots.acquire();
        CompletableFuture<?> running;
        try {
            running = work.get();
        } catch (RuntimeException e) {
            slots.release();
            failures.add(description + ": " + e.getMessage());
            return;
        }
        running.whenComplete((result, failure) -> {
            if (failure != null) {
                failures.add(description + ": " + StorageException.causeOf(failure)
                        .map(Throwable::getMessage).orElseGet(() -> String.valueOf(failure)));
            }
            slots.release();
        });
    }

    boolean failed() {
        return !failures.isEmpty();
    }

    /** The first few failures, and how many there were in all. */
    String failureSummary() {
        List<String> all = new ArrayList<>(failures);
        String shown = String.join("; ", all.subList(0, Math.min(FAILURES_REPORTED, all.size())));
        return all.size() <= FAILURES_REPORTED ? shown : shown + "; and " + (all.size() - FAILURES_REPORTED) + " more";
    }

    private void visitFilesOf(NodeAddress node, FileVisitor visitor) throws InterruptedException {
        try (Stream<StoredFile> files = clients.clientFor(node).listAll()) {
            Iterator<StoredFile> listing = files.iterator();
            while (listing.hasNext() && !(stopAtFirstFailure && failed())) {
                visitor.visit(node, listing.next());
            }
        }
    }
}
