package io.tritontube.web.application.cluster;

import io.tritontube.storage.client.StorageChecksumMismatchException;
import io.tritontube.storage.client.StorageException;
import io.tritontube.storage.client.StoredFile;
import io.tritontube.web.domain.cluster.HashRing;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.infrastructure.content.nw.StorageNodeClients;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves files from one ring to the next in two steps that a membership change runs on either
 * side of switching the ring: first every file is copied to the owners the new ring adds
 * (node to node, through this process; the receiving node checks the SHA-256), then, once
 * the new ring serves, the copies it no longer needs are deleted. Nothing is deleted before
 * the switch, so a migration that fails or is interrupted can always go back to the old ring.
 */
final class RingMigration {

    private static final Logger LOG = Logger.getLogger(RingMigration.class.getName());

    /** Copies or deletes in flight at once: keeps a few streams per node busy without flooding them. */
    static final int PARALLEL_TRANSFERS = 8;

    private final StorageNodeClients clients;
    private final ExecutorService listingThreads;
    /** Every copy any migration of this server wrote, for the migration-progress metric. */
    private final LongAdder copiesWritten = new LongAdder();

    RingMigration(StorageNodeClients clients, ExecutorService listingThreads) {
        this.clients = clients;
        this.listingThreads = listingThreads;
    }

    /**
     * Copies every file of {@code from} to each owner that {@code to} gives it and {@code from}
     * did not, reading it from one of its old owners that answers. A source whose copy is
     * corrupt refuses the copy ({@link io.tritontube.storage.client.StorageClient#copyTo}
     * checks the Stat it takes anyway), so the next old owner is tried.
     *
     * @param reachable the nodes that answered before the migration began: the only sources
     * @return the number of file copies written
     * @throws ClusterMembershipException MIGRATION_FAILED when a listing or a copy failed
     */
    int copyToNewOwners(HashRing from, HashRing to, Set<NodeAddress> reachable) throws InterruptedException {
        ClusterScan scan = new ClusterScan(clients, listingThreads, PARALLEL_TRANSFERS, true);
        KeySightings sightings = new KeySightings();
        AtomicInteger copies = new AtomicInteger();
        List<NodeAddress> sources = from.nodesInRingOrder().stream().filter(reachable::contains).toList();
        scan.visitAll(sources, (source, file) -> {
            String key = ClusterScan.ringKey(file);
            List<NodeAddress> oldOwners = from.ownersOf(key);
            if (!oldOwners.contains(source)) {
                return; // a stray copy, not placed by this ring: never trusted as a source
            }
            List<NodeAddress> gaining = to.ownersOf(key).stream().filter(node -> !oldOwners.contains(node)).toList();
            if (gaining.isEmpty()) {
                return;
            }
            List<NodeAddress> candidates = sourcesInOrder(source, oldOwners, reachable);
            if (!sightings.firstSighting(key, candidates.size())) {
                return;
            }
            for (NodeAddress target : gaining) {
                scan.start("copying " + key + " to " + target,
                        () -> copyFromFirstThatHasIt(candidates, target, file).thenRun(() -> {
                            copies.incrementAndGet();
                            copiesWritten.increment();
                        }));
            }
        });
        if (scan.failed()) {
            throw new ClusterMembershipException(ClusterMembershipException.Reason.MIGRATION_FAILED,
                    "could not copy every file to its new owners: " + scan.failureSummary());
        }
        return copies.get();
    }

    /** File copies written by every migration since this server started; grows while one runs. */
    long copiesWrittenSinceStart() {
        return copiesWritten.sum();
    }

    /**
     * Deletes, on each of {@code nodes}, the files {@code from} placed there and {@code to} no
     * longer does. Best effort: a copy left behind only takes space, so failures are logged.
     *
     * @return the number of copies deleted
     */
    int deleteCopiesNoLongerOwned(HashRing from, HashRing to, Collection<NodeAddress> nodes) throws InterruptedException {
        ClusterScan scan = new ClusterScan(clients, listingThreads, PARALLEL_TRANSFERS, false);
        AtomicInteger deleted = new AtomicInteger();
        scan.visitAll(nodes, (node, file) -> {
            String key = ClusterScan.ringKey(file);
            if (from.ownersOf(key).contains(node) && !to.ownersOf(key).contains(node)) {
                scan.start("deleting " + key + " from " + node,
                        () -> clients.clientFor(node).delete(file.videoId(), file.fileName()).thenRun(deleted::incrementAndGet));
            }
        });
        if (scan.failed()) {
            LOG.log(Level.WARNING, "Some copies the ring no longer needs were not deleted; they only take space: {0}",
                    scan.failureSummary());
        }
        return deleted.get();
    }

    /** The node that listed the file first, then its other old owners that answer. */
    private static List<NodeAddress> sourcesInOrder(NodeAddress lister, List<NodeAddress> oldOwners, Set<NodeAddress> reachable) {
        List<NodeAddress> candidates = new ArrayList<>();
        candidates.add(lister);
        oldOwners.stream().filter(node -> !node.equals(lister) && reachable.contains(node)).forEach(candidates::add);
        return candidates;
    }

    /** Copies from the first candidate; if that fails, from the next, and so on. */
    private CompletableFuture<Long> copyFromFirstThatHasIt(List<NodeAddress> candidates, NodeAddress target, StoredFile file) {
        CompletableFuture<Long> attempt = copy(candidates.get(0), target, file);
        for (NodeAddress next : candidates.subList(1, candidates.size())) {
            attempt = attempt.exceptionallyCompose(failure -> {
                boolean corruptSource = StorageException.causeOf(failure)
                        .filter(StorageChecksumMismatchException.class::isInstance).isPresent();
                LOG.log(corruptSource ? Level.WARNING : Level.FINE, "Copying {0} to {1} failed ({2}); trying from {3}",
                        new Object[] {ClusterScan.ringKey(file), target, failure.getMessage(), next});
                return copy(next, target, file);
            });
        }
        return attempt;
    }

    private CompletableFuture<Long> copy(NodeAddress source, NodeAddress target, StoredFile file) {
        return clients.clientFor(source).copyTo(clients.clientFor(target), file.videoId(), file.fileName());
    }
}
