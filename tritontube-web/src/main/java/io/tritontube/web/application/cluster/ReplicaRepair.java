package io.tritontube.web.application.cluster;

import io.tritontube.storage.client.FileStat;
import io.tritontube.storage.client.Sha256;
import io.tritontube.storage.client.StoredFile;
import io.tritontube.web.domain.cluster.HashRing;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.infrastructure.content.nw.StorageNodeClients;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Restores every file's replicas, and deletes the files of deleted videos: each file found on
 * any node whose video has a metadata record is checked on all its live owners (size and
 * SHA-256 from the nodes' own disks, with the SHA-256 recorded when each copy was written);
 * owners without it get a copy, owners whose copy is corrupt or differs from the good one get
 * it overwritten from an intact copy ({@link RepairPlan}). A file whose video has
 * no record ({@link RecordVerdicts}) is deleted from every node that lists it, so that a delete
 * the ledger lost cannot be undone by restoring its files.
 *
 * <p>Once every file is fixed, the copies found on nodes that do not own them (strays, left by
 * an interrupted migration or roll-back) are deleted where {@link StrayCopies} finds every owner
 * holding a good copy, the Stats being taken afresh, after the fixes. A stray copy can be the
 * source of a fix before that: it may be the only good copy left.
 */
final class ReplicaRepair {

    private static final Logger LOG = Logger.getLogger(ReplicaRepair.class.getName());

    /** Files examined at once; each costs a digest of every copy on its nodes. */
    private static final int PARALLEL_FILES = 8;

    private final StorageNodeClients clients;
    private final ExecutorService listingThreads;
    private final VideoRecords records;

    ReplicaRepair(StorageNodeClients clients, ExecutorService listingThreads, VideoRecords records) {
        this.clients = clients;
        this.listingThreads = listingThreads;
        this.records = records;
    }

    /**
     * @param reachable      nodes that answer now: only they are listed, asked and written to
     * @param suspects       nodes whose copies are trusted last (they missed writes while down)
     * @param ringStillIdle  asked before stray copies are deleted: false once a membership change
     *                       has begun, whose copies to new owners look like strays to this ring
     */
    RepairReport repair(HashRing ring, Set<NodeAddress> reachable, Set<NodeAddress> suspects,
                        BooleanSupplier ringStillIdle) throws InterruptedException {
        ClusterScan scan = new ClusterScan(clients, listingThreads, PARALLEL_FILES, false);
        KeySightings sightings = new KeySightings();
        RecordVerdicts verdicts = new RecordVerdicts(records);
        Tally tally = new Tally();
        Queue<StrayCopy> strays = new ConcurrentLinkedQueue<>();
        List<NodeAddress> listed = ring.nodesInRingOrder().stream().filter(reachable::contains).toList();
        scan.visitAll(listed, (lister, file) -> {
            String key = ClusterScan.ringKey(file);
            RecordVerdicts.Verdict verdict = verdicts.of(file.videoId());
            if (verdict == RecordVerdicts.Verdict.NO_RECORD) {
                // Every node that lists the file deletes its own copy: no need to pick one handler.
                scan.start("deleting " + key + " on " + lister, () -> deleteOrphan(lister, file, tally));
                return;
            }
            if (verdict == RecordVerdicts.Verdict.UNKNOWN) {
                return;
            }
            List<NodeAddress> owners = ring.ownersOf(key);
            if (!owners.contains(lister)) {
                strays.add(new StrayCopy(lister, file));
            }
            List<NodeAddress> liveOwners = owners.stream().filter(reachable::contains).toList();
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
        deleteStrayCopies(ring, reachable, strays, suspects, ringStillIdle, tally);
        return tally.report();
    }

    /** A copy listed by a node that does not own its file. */
    private record StrayCopy(NodeAddress node, StoredFile file) {
    }

    private void deleteStrayCopies(HashRing ring, Set<NodeAddress> reachable, Collection<StrayCopy> strays,
                                   Set<NodeAddress> suspects, BooleanSupplier ringStillIdle, Tally tally)
            throws InterruptedException {
        if (strays.isEmpty()) {
            return;
        }
        ClusterScan deletions = new ClusterScan(clients, listingThreads, PARALLEL_FILES, false);
        for (StrayCopy stray : strays) {
            String key = ClusterScan.ringKey(stray.file());
            if (!ringStillIdle.getAsBoolean()) {
                LOG.log(Level.INFO, "A membership change is stored, or the ring changed during the repair pass: the "
                        + "stray copies left are kept, a migration's copies to new owners would look stray");
                break;
            }
            deletions.start("deleting the stray copy of " + key + " on " + stray.node(),
                    () -> deleteIfEveryOwnerHoldsIt(ring.ownersOf(key), reachable, stray, suspects, tally));
        }
        deletions.awaitWork();
        if (deletions.failed()) {
            LOG.log(Level.WARNING, "Some stray copies were not deleted; they only take space: {0}",
                    deletions.failureSummary());
        }
    }

    /**
     * Stats the live owners and the stray copy afresh, and deletes the stray copy if
     * {@link StrayCopies} allows it: never while an owner is down.
     */
    private CompletableFuture<Void> deleteIfEveryOwnerHoldsIt(List<NodeAddress> owners, Set<NodeAddress> reachable,
                                                             StrayCopy stray, Set<NodeAddress> suspects, Tally tally) {
        Set<NodeAddress> asked = new LinkedHashSet<>(owners);
        asked.retainAll(reachable);
        asked.add(stray.node());
        Map<NodeAddress, CompletableFuture<Optional<FileStat>>> stats = statEach(asked, stray.file());
        return allSettled(stats).thenCompose(settled -> {
            String key = ClusterScan.ringKey(stray.file());
            if (!StrayCopies.mayDelete(owners, answered(stats), copiesFound(stats), suspects)) {
                LOG.log(Level.INFO, "Keeping the stray copy of {0} on {1}: not every owner of {2} holds a good copy",
                        new Object[] {key, stray.node(), owners});
                return CompletableFuture.completedFuture(null);
            }
            return clients.clientFor(stray.node()).delete(stray.file().videoId(), stray.file().fileName())
                    .thenAccept(deleted -> {
                        if (deleted) {
                            tally.straysDeleted.incrementAndGet();
                            LOG.log(Level.INFO, "Deleted the stray copy of {0} on {1}, which does not own it",
                                    new Object[] {key, stray.node()});
                        }
                    });
        });
    }

    private CompletableFuture<Void> repairFile(StoredFile file, NodeAddress lister, List<NodeAddress> liveOwners,
                                               Set<NodeAddress> suspects, Tally tally) {
        Set<NodeAddress> asked = new LinkedHashSet<>(liveOwners);
        asked.add(lister);
        Map<NodeAddress, CompletableFuture<Optional<FileStat>>> stats = statEach(asked, file);
        return allSettled(stats).thenCompose(settled -> {
            Set<NodeAddress> answered = answered(stats);
            List<NodeAddress> answeringOwners = liveOwners.stream().filter(answered::contains).toList();
            return fix(file, answeringOwners, copiesFound(stats), suspects, tally);
        });
    }

    private Map<NodeAddress, CompletableFuture<Optional<FileStat>>> statEach(Collection<NodeAddress> nodes, StoredFile file) {
        Map<NodeAddress, CompletableFuture<Optional<FileStat>>> stats = new LinkedHashMap<>();
        for (NodeAddress node : nodes) {
            stats.put(node, clients.clientFor(node).stat(file.videoId(), file.fileName()));
        }
        return stats;
    }

    /** Completes, never exceptionally, once every Stat has answered or failed. */
    private static CompletableFuture<Void> allSettled(Map<NodeAddress, CompletableFuture<Optional<FileStat>>> stats) {
        return CompletableFuture.allOf(stats.values().stream()
                .map(stat -> stat.handle((answer, failure) -> null)).toArray(CompletableFuture[]::new));
    }

    /** The nodes whose Stat answered, whether or not they hold the file. */
    private static Set<NodeAddress> answered(Map<NodeAddress, CompletableFuture<Optional<FileStat>>> stats) {
        Set<NodeAddress> answered = new LinkedHashSet<>();
        stats.forEach((node, stat) -> {
            if (!stat.isCompletedExceptionally()) {
                answered.add(node);
            }
        });
        return answered;
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

    private CompletableFuture<Boolean> deleteOrphan(NodeAddress node, StoredFile file, Tally tally) {
        return clients.clientFor(node).delete(file.videoId(), file.fileName()).thenApply(deleted -> {
            if (deleted) {
                tally.orphansDeleted.incrementAndGet();
                LOG.log(Level.INFO, "Deleted {0} on {1}: its video has no metadata record (deleted while the node was "
                        + "down?)", new Object[] {ClusterScan.ringKey(file), node});
            }
            return deleted;
        });
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
        final AtomicInteger orphansDeleted = new AtomicInteger();
        final AtomicInteger straysDeleted = new AtomicInteger();

        RepairReport report() {
            return new RepairReport(checked.get(), restored.get(), replaced.get(), unrecoverable.get(),
                    orphansDeleted.get(), straysDeleted.get());
        }
    }
}
