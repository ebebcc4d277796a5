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
 * owners (size and SHA-256 from the nodes' own disks, with the SHA-256 recorded when each copy
 * was written); owners without it get a copy, owners whose copy is corrupt or differs from the
 * good one get it overwritten from an intact copy ({@link RepairPlan}).
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
            return fix(file, answeringOwners, copiesFound(stats), suspects, tally);
        });
    }

    /**
     * @param owners the live owners whose Stat answered: only they are written to; a node whose
     *               Stat failed holds something unknown, so it is left alone
     * @param copies the Stat of every copy found
     */
    private CompletableFuture<Void> fix(StoredFile file, List<NodeAddress> owners, Map<NodeAddress, FileStat> copies,
                                        Set<NodeAddress> suspects, Tally tally) {
        String key = ClusterScan.ringKey(file);
        Optional<RepairPlan> decided = RepairPlan.decide(owners, copies, suspects);
        if (decided.isEmpty()) {
            tally.unrecoverable.incrementAndGet();
            LOG.log(Level.SEVERE, "No copy of {0} can be trusted: {1}; left as it is", new Object[] {key, describe(copies)});
            return CompletableFuture.completedFuture(null);
        }
        RepairPlan plan = decided.get();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (NodeAddress owner : plan.missingOn()) {
            LOG.log(Level.INFO, "Restoring the missing replica of {0} on {1} from {2}", new Object[] {key, owner, plan.source()});
            writes.add(copy(plan.source(), owner, file).thenRun(tally.restored::incrementAndGet));
        }
        for (NodeAddress owner : plan.replacedOn()) {
            LOG.log(Level.WARNING, "The copy of {0} on {1} {2}: replacing it from {3}",
                    new Object[] {key, owner, whatIsWrong(copies.get(owner), plan.goodDigest()), plan.source()});
            writes.add(copy(plan.source(), owner, file).thenRun(tally.replaced::incrementAndGet));
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Long> copy(NodeAddress source, NodeAddress target, StoredFile file) {
        return clients.clientFor(source).copyTo(clients.clientFor(target), file.videoId(), file.fileName());
    }

    /** The copies that exist; nodes whose Stat failed are left out. */
    private static Map<NodeAddress, FileStat> copiesFound(Map<NodeAddress, CompletableFuture<Optional<FileStat>>> stats) {
        Map<NodeAddress, FileStat> copies = new LinkedHashMap<>();
        stats.forEach((node, stat) -> {
            if (!stat.isCompletedExceptionally()) {
                stat.join().ifPresent(found -> copies.put(node, found));
            }
        });
        return copies;
    }

    private static String whatIsWrong(FileStat copy, Sha256 good) {
        return copy.intact()
                ? "has SHA-256 " + copy.sha256() + ", not the good " + good
                : "is corrupt: its SHA-256 is " + copy.sha256() + " but " + copy.recordedSha256().orElseThrow()
                        + " was recorded when it was written";
    }

    /** Each copy's node and digest, and whether it is corrupt, for the log. */
    private static String describe(Map<NodeAddress, FileStat> copies) {
        List<String> described = new ArrayList<>();
        copies.forEach((node, copy) -> described.add(node + " " + copy.sha256() + (copy.intact() ? "" : " (corrupt)")));
        return described.isEmpty() ? "no copy" : String.join(", ", described);
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
