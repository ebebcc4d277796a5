package io.tritontube.web.application.cluster;

import io.tritontube.storage.client.FileStat;
import io.tritontube.storage.client.Sha256;
import io.tritontube.storage.client.StoredFile;
import io.tritontube.web.domain.cluster.HashRing;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.infrastructure.content.nw.StorageNodeClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Restores every file's replicas: each file found on any node is checked on all its live
 * owners (size and SHA-256 from the nodes' own disks); owners without it get a copy, owners
 * whose copy differs from the good one ({@link ReplicaVotes}) get it overwritten.
 */
final class ReplicaRepair {

    private static final Logger LOG = Logger.getLogger(ReplicaRepair.class.getName());

    /** Files examined at once; each costs a digest of every copy on its nodes. */
    private static final int PARALLEL_FILES = 8;

    private final StorageNodeClients clients;
    private final ExecutorService listingThreads;

    ReplicaRepair(StorageNodeClients clients, ExecutorService listingThreads) {
        this.clients = clients;
        this.listingThreads = listingThreads;
    }

    /**
     * @param reachable nodes that answer now: only they are listed, asked and written to
     * @param suspects  nodes whose copies are trusted last (they missed writes while down)
     */
    RepairReport repair(HashRing ring, Set<NodeAddress> reachable, Set<NodeAddress> suspects) throws InterruptedException {
        ClusterScan scan = new ClusterScan(clients, listingThreads, PARALLEL_FILES, false);
        KeySightings sightings = new KeySightings();
        Tally tally = new Tally();
        List<NodeAddress> listed = ring.nodesInRingOrder().stream().filter(reachable::contains).toList();
        scan.visitAll(listed, (lister, file) -> {
            String key = ClusterScan.ringKey(file);
            List<NodeAddress> liveOwners = ring.ownersOf(key).stream().filter(reachable::contains).toList();
            if (sightings.firstSighting(key, liveOwners.size())) {
                tally.checked.incrementAndGet();
                scan.start("repairing " + key, () -> repairFile(file, lister, liveOwners, suspects, tally)
                        .whenComplete((done, failure) -> {
                            if (failure != null) {
                                tally.unrecoverable.incrementAndGet();
                            }
                        }));
            }
        });
        if (scan.failed()) {
            LOG.log(Level.WARNING, "The repair pass could not finish everything: {0}", scan.failureSummary());
        }
        return tally.report();
    }

    private CompletableFuture<Void> repairFile(StoredFile file, NodeAddress lister, List<NodeAddress> liveOwners,
                                               Set<NodeAddress> suspects, Tally tally) {
        Set<NodeAddress> asked = new LinkedHashSet<>(liveOwners);
        asked.add(lister);
        Map<NodeAddress, CompletableFuture<Optional<FileStat>>> stats = new LinkedHashMap<>();
        for (NodeAddress node : asked) {
            stats.put(node, clients.clientFor(node).stat(file.videoId(), file.fileName()));
        }
        CompletableFuture<?>[] settled = stats.values().stream()
                .map(stat -> stat.handle((answer, failure) -> null)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(settled).thenCompose(allSettled -> {
            List<NodeAddress> answeringOwners = liveOwners.stream()
                    .filter(owner -> !stats.get(owner).isCompletedExceptionally()).toList();
            return fix(file, answeringOwners, digestsOf(stats), suspects, tally);
        });
    }

    /**
     * @param owners the live owners whose Stat answered: only they are written to; a node whose
     *               Stat failed holds something unknown, so it is left alone
     * @param copies the digest of every copy found
     */
    private CompletableFuture<Void> fix(StoredFile file, List<NodeAddress> owners, Map<NodeAddress, Sha256> copies,
                                        Set<NodeAddress> suspects, Tally tally) {
        String key = ClusterScan.ringKey(file);
        Map<NodeAddress, Sha256> ownerCopies = new LinkedHashMap<>(copies);
        ownerCopies.keySet().retainAll(owners);
        Optional<Sha256> good = ReplicaVotes.goodDigest(ownerCopies, copies, suspects);
        if (good.isEmpty()) {
            tally.unrecoverable.incrementAndGet();
            LOG.log(Level.SEVERE, "No copy of {0} can be trusted, its copies disagree: {1}; left as it is", new Object[] {key, copies});
            return CompletableFuture.completedFuture(null);
        }
        List<NodeAddress> goodSources = copies.entrySet().stream()
                .filter(copy -> copy.getValue().equals(good.get())).map(Map.Entry::getKey).toList();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (NodeAddress owner : owners) {
            Sha256 held = copies.get(owner);
            if (held == null) {
                LOG.log(Level.INFO, "Restoring the missing replica of {0} on {1}", new Object[] {key, owner});
                writes.add(copy(goodSources.get(0), owner, file).thenRun(tally.restored::incrementAndGet));
            } else if (!held.equals(good.get())) {
                LOG.log(Level.WARNING, "The copy of {0} on {1} has SHA-256 {2}, not {3}: replacing it",
                        new Object[] {key, owner, held, good.get()});
                writes.add(copy(goodSources.get(0), owner, file).thenRun(tally.replaced::incrementAndGet));
            }
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Long> copy(NodeAddress source, NodeAddress target, StoredFile file) {
        return clients.clientFor(source).copyTo(clients.clientFor(target), file.videoId(), file.fileName());
    }

    /** The digests of the copies that exist; nodes whose Stat failed are left out. */
    private static Map<NodeAddress, Sha256> digestsOf(Map<NodeAddress, CompletableFuture<Optional<FileStat>>> stats) {
        Map<NodeAddress, Sha256> digests = new LinkedHashMap<>();
        stats.forEach((node, stat) -> {
            if (!stat.isCompletedExceptionally()) {
                stat.join().ifPresent(found -> digests.put(node, found.sha256()));
            }
        });
        return digests;
    }

    private static final class Tally {
        final AtomicInteger checked = new AtomicInteger();
        final AtomicInteger restored = new AtomicInteger();
        final AtomicInteger replaced = new AtomicInteger();
        final AtomicInteger unrecoverable = new AtomicInteger();

        RepairReport report() {
            return new RepairReport(checked.get(), restored.get(), replaced.get(), unrecoverable.get());
        }
    }
}
