package io.tritontube.web.application.cluster;

import io.tritontube.web.application.cluster.ClusterMembershipException.Reason;
import io.tritontube.web.domain.cluster.ClusterState;
import io.tritontube.web.domain.cluster.ClusterState.Migration;
import io.tritontube.web.domain.cluster.ClusterStateRepository;
import io.tritontube.web.domain.cluster.HashRing;
import io.tritontube.web.domain.cluster.MigrationRunnerMark;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.cluster.RepairLedger;
import io.tritontube.web.domain.cluster.RingPlacement;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.infrastructure.content.nw.RingContentStore;
import io.tritontube.web.infrastructure.content.nw.StorageNodeClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds and removes storage nodes while the site keeps serving, and reports and repairs the
 * cluster.
 *
 * <p><b>A membership change</b> runs in four steps, each leaving a consistent ring behind:
 * <ol>
 *   <li>the migration (old and new node lists) is stored with compare-and-set; from then on,
 *       here and on every web server watching the repository, reads try the new owners then
 *       the old, and writes go to both;</li>
 *   <li>every file is copied to the owners the new ring adds ({@link RingMigration});</li>
 *   <li>the new ring is stored, without the migration: it now serves;</li>
 *   <li>copies the new ring no longer needs are deleted.</li>
 * </ol>
 * If copying fails, the old ring is stored back (nothing was deleted, so it is complete), the
 * copies already written are deleted, and the caller gets {@link Reason#MIGRATION_FAILED}.
 *
 * <p><b>One change at a time.</b> A second change, or a repair, requested while one runs is
 * refused at once with {@link Reason#CHANGE_IN_PROGRESS} rather than queued: a migration can
 * take minutes and an admin command that silently waits behind another looks hung. Across web
 * servers the stored migration is the lock.
 *
 * <p><b>A migration whose web server died</b> is resumed by another, or by the same one when it
 * restarts: the server running a migration holds the {@link MigrationRunnerMark}, taken before
 * step 1 and given back after step 4, which dies with it. Each server looks at start, and then
 * at every repair check, for a stored migration without a live runner; the first to take the
 * mark resumes it in the background. Copying again is harmless (writes replace), so it simply
 * runs steps 2-4 again; if it cannot finish (a node gone), it is rolled back to the old ring.
 * The ring is consistent throughout, because until step 3 the old ring holds every file.
 *
 * <p><b>Repair</b> runs on demand and, automatically, when a node that was down, missed writes
 * or still holds files of videos deleted meanwhile answers again. The last two are read from
 * the store's {@link RepairLedger}, which outlives a restart and is shared by the web servers
 * of one etcd, so the repair still happens after the server that saw the outage restarted.
 * Files of videos with no metadata record are deleted, not restored ({@link VideoRecords}).
 * Copies on nodes that do not own them (strays: an interrupted step 4, or a node down during a
 * roll-back's clean-up) are deleted once every owner holds a good copy, and only while no
 * membership change is stored ({@link StrayCopies}).
 *
 * <p><b>Starting while the repository does not answer</b> (etcd down): the server starts
 * anyway and loads the ring in the background, trying again every
 * {@value #RING_LOAD_RETRY_SECONDS} s; until then the store refuses reads and writes and the
 * admin operations are refused with {@link Reason#RING_NOT_LOADED}.
 */
public final class ClusterMembershipService implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClusterMembershipService.class.getName());
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /** Short: until the ring is loaded the site cannot serve a single video. */
    static final long RING_LOAD_RETRY_SECONDS = 2;
    /** Failed load attempts logged at WARNING: the first, then one in this many. */
    private static final int LOAD_FAILURES_PER_WARNING = 10;

    private final ClusterStateRepository repository;
    private final RingContentStore store;
    private final RepairLedger ledger;
    private final MigrationRunnerMark runner;
    private final StorageNodeClients clients;
    private final NodeProbe probe;
    private final RingMigration migration;
    private final ReplicaRepair repair;
    private final ExecutorService workers;
    private final ScheduledExecutorService repairChecks;
    private final Duration repairCheckInterval;
    private final ReentrantLock changeLock = new ReentrantLock();
    private final Object applying = new Object();
    /** Guarded by {@link #applying}: the revision of the state the store follows. */
    private long appliedRevision = -1;
    /** Nodes that did not answer at the last automatic check: a repair runs when they return. */
    private Set<NodeAddress> downAtLastCheck = Set.of();
    private AutoCloseable watch;

    /**
     * @param store               the content store whose placement this service sets, and whose
     *                            {@link RingContentStore#repairLedger() repair ledger} it reads
     * @param records             whether a video still has its metadata record, for repair
     * @param runner              marks this server as the runner of the migration it stores or
     *                            resumes; not owned
     * @param threads             makes the threads of listings and background work (a managed
     *                            thread factory in the application server)
     * @param repairCheckInterval how often to look for nodes that came back and need a repair,
     *                            and for a migration whose runner died
     */
    public ClusterMembershipService(ClusterStateRepository repository, RingContentStore store, VideoRecords records,
                                    MigrationRunnerMark runner, ThreadFactory threads, Duration repairCheckInterval) {
        this.repository = repository;
        this.store = store;
        this.ledger = store.repairLedger();
        this.runner = runner;
        this.clients = store.clients();
        this.probe = new NodeProbe(clients);
        this.workers = Executors.newCachedThreadPool(threads);
        this.repairChecks = Executors.newSingleThreadScheduledExecutor(threads);
        this.migration = new RingMigration(clients, workers);
        this.repair = new ReplicaRepair(clients, workers, records);
        this.repairCheckInterval = repairCheckInterval;
    }

    /**
     * Loads the stored ring, or stores {@code seedNodes} with these settings when none is
     * stored yet (the first start of the first web server); then follows every change stored
     * by any web server, resumes a migration that a crash interrupted, and starts the
     * automatic repair checks. A stored ring's settings win over the ones given here.
     *
     * <p>When the repository does not answer, this returns anyway and the loading is retried
     * in the background until it succeeds ({@link #isLoaded()}).
     *
     * @throws IllegalArgumentException when the seed lists a node twice or the settings are out of range
     */
    public void start(List<NodeAddress> seedNodes, int virtualNodes, int replicas) {
        HashRing.of(seedNodes, virtualNodes, replicas); // validates the command line before anything is stored
        watch = repository.watch(this::follow);
        loadRing(seedNodes, virtualNodes, replicas, 1);
    }

    /** Whether the ring is loaded: before, nothing can be read, stored or administered. */
    public boolean isLoaded() {
        return store.isLoaded();
    }

    /** One attempt to load (or seed) the ring and start the background work; on failure, schedules the next. */
    private void loadRing(List<NodeAddress> seedNodes, int virtualNodes, int replicas, int attempt) {
        ClusterState state;
        try {
            state = repository.load().orElseGet(() -> seed(seedNodes, virtualNodes, replicas));
        } catch (RuntimeException e) {
            Level level = attempt == 1 || attempt % LOAD_FAILURES_PER_WARNING == 0 ? Level.WARNING : Level.FINE;
            LOG.log(level, "Could not load the storage ring''s membership (attempt {0}: {1}); until it is loaded, "
                    + "content reads and uploads answer 503 and admin calls UNAVAILABLE. Trying again every {2} s",
                    new Object[] {attempt, e.getMessage(), RING_LOAD_RETRY_SECONDS});
            repairChecks.schedule(() -> loadRing(seedNodes, virtualNodes, replicas, attempt + 1),
                    RING_LOAD_RETRY_SECONDS, TimeUnit.SECONDS);
            return;
        }
        if (attempt > 1) {
            LOG.log(Level.INFO, "Loaded the storage ring''s membership at attempt {0}", attempt);
        }
        if (state.virtualNodes() != virtualNodes || state.replicas() != replicas) {
            LOG.log(Level.WARNING, "The stored ring uses {0} virtual nodes and {1} replicas; the configured {2} and {3} "
                    + "are ignored (changing them would move most files)",
                    new Object[] {state.virtualNodes(), state.replicas(), virtualNodes, replicas});
        }
        follow(state);
        if (state.migration().isPresent()) {
            workers.execute(this::resumeOrphanedMigration);
        }
        long intervalMillis = repairCheckInterval.toMillis();
        repairChecks.scheduleWithFixedDelay(() -> {
            takeOverOrphanedMigration();
            repairIfNodesCameBack();
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Adds a node and moves to it the files the new ring gives it.
     *
     * @return the number of file copies written to new owners
     * @throws ClusterMembershipException INVALID_ADDRESS, ALREADY_IN_RING, NODE_UNREACHABLE,
     *                                    WOULD_LOSE_DATA, CHANGE_IN_PROGRESS, MIGRATION_FAILED or
     *                                    RING_NOT_LOADED
     */
    public int addNode(String address) {
        NodeAddress node = parse(address);
        requireLoaded();
        return underChangeLock("add " + node, () -> {
            ClusterState state = idleState();
            if (state.nodes().contains(node)) {
                throw new ClusterMembershipException(Reason.ALREADY_IN_RING, "storage node " + node + " is already in the ring");
            }
            NodeStatus candidate = probe.probe(node);
            if (!candidate.reachable()) {
                clients.retainOnly(store.placement().allNodes());
                throw new ClusterMembershipException(Reason.NODE_UNREACHABLE, "storage node " + node
                        + " does not answer a health call (" + candidate.error().orElse("no answer")
                        + "); start it first. Nothing changed");
            }
            List<NodeAddress> grown = new ArrayList<>(state.nodes());
            grown.add(node);
            return migrate(state, new Migration(Migration.Kind.ADD, node, state.nodes(), grown));
        });
    }

    /**
     * Removes a node after copying its files to their new owners.
     *
     * @return the number of file copies written to new owners
     * @throws ClusterMembershipException INVALID_ADDRESS, NOT_IN_RING, WOULD_LOSE_DATA,
     *                                    CHANGE_IN_PROGRESS, MIGRATION_FAILED or RING_NOT_LOADED
     */
    public int removeNode(String address) {
        NodeAddress node = parse(address);
        requireLoaded();
        return underChangeLock("remove " + node, () -> {
            ClusterState state = idleState();
            if (!state.nodes().contains(node)) {
                throw new ClusterMembershipException(Reason.NOT_IN_RING, "storage node " + node + " is not in the ring");
            }
            if (state.nodes().size() == 1) {
                throw new ClusterMembershipException(Reason.WOULD_LOSE_DATA, "storage node " + node
                        + " is the last node of the ring and holds every file; add another node first");
            }
            List<NodeAddress> shrunk = new ArrayList<>(state.nodes());
            shrunk.remove(node);
            return migrate(state, new Migration(Migration.Kind.REMOVE, node, state.nodes(), shrunk));
        });
    }

    /**
     * The nodes serving now, in ring order (during a migration: the ring being migrated from).
     *
     * @throws ClusterMembershipException RING_NOT_LOADED
     */
    public List<NodeAddress> listNodes() {
        requireLoaded();
        return store.placement().serving().nodesInRingOrder();
    }

    /**
     * Every node of the ring with its answer to a health call.
     *
     * @throws ClusterMembershipException RING_NOT_LOADED
     */
    public ClusterStatus status() {
        requireLoaded();
        RingPlacement placement = store.placement();
        Set<NodeAddress> nodes = new LinkedHashSet<>(placement.serving().nodesInRingOrder());
        placement.migratingTo().ifPresent(target -> nodes.addAll(target.nodesInRingOrder()));
        try {
            return new ClusterStatus(List.copyOf(probe.probe(nodes).values()),
                    placement.serving().replicas(), placement.serving().virtualNodes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the storage nodes", e);
        }
    }

    /**
     * Checks every file on every node that answers, restoring missing replicas, replacing
     * corrupted ones and deleting stray copies.
     *
     * @throws ClusterMembershipException CHANGE_IN_PROGRESS while a membership change runs, or
     *                                    RING_NOT_LOADED
     */
    public RepairReport repair() {
        requireLoaded();
        return underChangeLock("repair", this::repairNow);
    }

    /** Stops following the repository, the background work and its threads. */
    @Override
    public void close() {
        repairChecks.shutdownNow();
        workers.shutdownNow();
        try {
            // Lets an interrupted migration store its roll-back before the repository closes.
            workers.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Stopping the ring membership watch failed", e);
            }
        }
    }

    // ---- membership change steps ----

    /** Steps 1-4, as the marked runner: a server that dies during them leaves the migration to another. */
    private int migrate(ClusterState before, Migration change) throws InterruptedException {
        if (!runner.take()) {
            throw new ClusterMembershipException(Reason.CHANGE_IN_PROGRESS, "cannot " + describe(change)
                    + ": another web server is starting or finishing a membership change; retry when it has finished");
        }
        try {
            HashRing from = ring(change.fromNodes(), before);
            Set<NodeAddress> reachable = reachableOrRefuse(from, change);
            ClusterState migrating = storeOrRefuse(before, withMigration(before, change));
            return finish(migrating, change, reachable);
        } finally {
            runner.release();
        }
    }

    /** Steps 2-4, from a stored migration: copy, switch, delete. Rolls back when copying fails. */
    private int finish(ClusterState migrating, Migration change, Set<NodeAddress> reachable) throws InterruptedException {
        HashRing from = ring(change.fromNodes(), migrating);
        HashRing to = ring(change.toNodes(), migrating);
        int copies;
        try {
            copies = migration.copyToNewOwners(from, to, reachable);
        } catch (RuntimeException | InterruptedException e) {
            rollBack(migrating, change);
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new ClusterMembershipException(Reason.MIGRATION_FAILED, "could not " + describe(change)
                    + ", the ring is back to " + change.fromNodes() + ": " + e.getMessage(), e);
        }
        ClusterState switched = new ClusterState(change.toNodes(), migrating.virtualNodes(), migrating.replicas(),
                Optional.empty(), 0);
        if (!repository.compareAndSet(migrating.revision(), switched)) {
            repository.load().ifPresent(this::follow);
            throw new ClusterMembershipException(Reason.CHANGE_IN_PROGRESS, "the ring was changed by someone else while "
                    + "this server tried to " + describe(change) + "; the files were copied, the stored ring was kept");
        }
        repository.load().ifPresent(this::follow);
        Set<NodeAddress> cleaned = new LinkedHashSet<>(from.nodesInRingOrder());
        cleaned.addAll(to.nodesInRingOrder());
        cleaned.retainAll(reachableOrNew(reachable, change));
        int deleted = migration.deleteCopiesNoLongerOwned(from, to, cleaned);
        clients.retainOnly(store.placement().allNodes());
        LOG.log(Level.INFO, "Done: {0}; {1} file copies written to new owners, {2} copies no longer needed deleted",
                new Object[] {describe(change), copies, deleted});
        return copies;
    }

    private void rollBack(ClusterState migrating, Migration change) {
        ClusterState restored = new ClusterState(change.fromNodes(), migrating.virtualNodes(), migrating.replicas(),
                Optional.empty(), 0);
        boolean rolledBack = repository.compareAndSet(migrating.revision(), restored);
        if (rolledBack) {
            LOG.log(Level.WARNING, "Rolled back the attempt to {0}; the ring is {1}", new Object[] {describe(change), change.fromNodes()});
        } else {
            LOG.log(Level.SEVERE, "Could not roll back the attempt to {0}: the stored ring changed meanwhile", describe(change));
        }
        repository.load().ifPresent(this::follow);
        if (rolledBack) {
            deleteCopiesOfAbandonedChange(migrating, change);
        }
    }

    /**
     * Deletes the copies a rolled-back change wrote to the owners it would have added: the old
     * ring does not place them there, so nothing would ever read, repair or delete them, and
     * after a removal they would leave files on more nodes than there are replicas. Like step
     * 4 it runs once the old ring serves, and only on nodes that answer; it is skipped when the
     * server is stopping (a copy left behind only takes space).
     */
    private void deleteCopiesOfAbandonedChange(ClusterState migrating, Migration change) {
        if (workers.isShutdown()) {
            return;
        }
        HashRing from = ring(change.fromNodes(), migrating);
        HashRing to = ring(change.toNodes(), migrating);
        try {
            Set<NodeAddress> answering = NodeProbe.reachable(probe.probe(to.nodesInRingOrder()));
            int deleted = migration.deleteCopiesNoLongerOwned(to, from, answering);
            LOG.log(Level.INFO, "Deleted the {0} copies the abandoned attempt to {1} had written",
                    new Object[] {deleted, describe(change)});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The nodes of {@code from} that answer now.
     *
     * @throws ClusterMembershipException WOULD_LOSE_DATA when as many nodes as there are
     *                                    replicas are down: some files may have no live copy to move
     */
    private Set<NodeAddress> reachableOrRefuse(HashRing from, Migration change) throws InterruptedException {
        Map<NodeAddress, NodeStatus> answers = probe.probe(from.nodesInRingOrder());
        Set<NodeAddress> down = NodeProbe.unreachable(answers);
        if (!down.isEmpty() && down.size() >= from.replicas()) {
            throw new ClusterMembershipException(Reason.WOULD_LOSE_DATA, "cannot " + describe(change) + ": storage node(s) "
                    + down + " do not answer, and with " + from.replicas() + " replica(s) some files may have no other "
                    + "copy; bring them back first. Nothing changed");
        }
        if (!down.isEmpty()) {
            LOG.log(Level.WARNING, "Storage node(s) {0} do not answer; their files are copied from other replicas",
                    down);
        }
        return NodeProbe.reachable(answers);
    }

    private static Set<NodeAddress> reachableOrNew(Set<NodeAddress> reachable, Migration change) {
        Set<NodeAddress> nodes = new LinkedHashSet<>(reachable);
        if (change.kind() == Migration.Kind.ADD) {
            nodes.add(change.node());
        }
        return nodes;
    }

    /**
     * Part of the periodic check: a stored migration whose runner mark is gone (its web server
     * died) is resumed here, in the background. Cheap when there is none: the followed ring
     * says whether a migration is stored, without asking the repository.
     */
    private void takeOverOrphanedMigration() {
        if (store.placement().migratingTo().isEmpty()) {
            return;
        }
        try {
            if (!runner.isHeld()) {
                workers.execute(this::resumeOrphanedMigration);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell whether a web server still runs the stored membership change ({0}); "
                    + "looking again in {1}", new Object[] {e.getMessage(), repairCheckInterval});
        }
    }

    /**
     * A stored migration with no live runner, found at start or by the periodic check: finish
     * it, or roll it back, as its runner. Does nothing when this server is busy with a change
     * or repair (the next check looks again), or when another server takes the mark first.
     */
    private void resumeOrphanedMigration() {
        if (!changeLock.tryLock()) {
            return;
        }
        try {
            if (!runner.take()) {
                return;
            }
            try {
                resumeStoredMigration();
            } finally {
                runner.release();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Resuming the interrupted migration failed; the next check tries again", e);
        } finally {
            changeLock.unlock();
        }
    }

    /** Under the change lock and the runner mark. */
    private void resumeStoredMigration() {
        try {
            // Read under the mark: the migration may have been finished by its runner meanwhile.
            ClusterState state = repository.load().orElseThrow();
            Optional<Migration> interrupted = state.migration();
            if (interrupted.isEmpty()) {
                return;
            }
            Migration change = interrupted.get();
            LOG.log(Level.WARNING, "Found an unfinished attempt to {0} whose web server stopped during it: resuming it",
                    describe(change));
            Set<NodeAddress> reachable;
            try {
                reachable = reachableOrRefuse(ring(change.fromNodes(), state), change);
            } catch (ClusterMembershipException e) {
                LOG.log(Level.WARNING, "Cannot resume: {0}", e.getMessage());
                rollBack(state, change);
                return;
            }
            finish(state, change, reachable);
        } catch (ClusterMembershipException e) {
            LOG.log(Level.SEVERE, "Resuming the interrupted migration failed: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- repair ----

    private RepairReport repairNow() throws InterruptedException {
        RingPlacement placement;
        long followedRevision;
        synchronized (applying) {
            placement = store.placement();
            followedRevision = appliedRevision;
        }
        HashRing ring = placement.serving();
        // Read before the pass: a write missed during it gets a later mark and is not forgotten after it.
        Map<NodeAddress, Long> missedWrites = ledger.missedWrites();
        Map<NodeAddress, NodeStatus> answers = probe.probe(ring.nodesInRingOrder());
        Set<NodeAddress> reachable = NodeProbe.reachable(answers);
        LOG.log(Level.INFO, "Repair started on {0}; not answering: {1}", new Object[] {reachable,
                answers.values().stream().filter(status -> !status.reachable()).toList()});
        // First, so that the copies of a deleted video are not taken for missing replicas.
        store.finishDeletes(reachable);
        RepairReport report = repair.repair(ring, reachable, missedWrites.keySet(),
                () -> isIdleAtRevision(followedRevision));
        missedWrites.forEach((node, mark) -> {
            if (reachable.contains(node) || !placement.allNodes().contains(node)) {
                ledger.forgetMissedWrites(node, mark);
            }
        });
        LOG.log(Level.INFO, "Repair finished: {0}", report);
        return report;
    }

    /**
     * The automatic repair: runs when a node that was down at an earlier check, or that the
     * ledger says missed writes or still holds files of deleted videos, answers. While a
     * membership change holds the lock it waits for a later check.
     */
    private void repairIfNodesCameBack() {
        try {
            List<NodeAddress> nodes = store.placement().serving().nodesInRingOrder();
            Set<NodeAddress> owedRepairs = new LinkedHashSet<>(ledger.missedWrites().keySet());
            owedRepairs.addAll(ledger.unfinishedDeletes().keySet());
            Set<NodeAddress> downNow = NodeProbe.unreachable(probe.probe(nodes));
            Set<NodeAddress> cameBack = new LinkedHashSet<>(downAtLastCheck);
            cameBack.addAll(owedRepairs);
            cameBack.removeAll(downNow);
            cameBack.retainAll(nodes);
            if (cameBack.isEmpty()) {
                downAtLastCheck = downNow;
                return;
            }
            if (!changeLock.tryLock()) {
                downAtLastCheck = union(downAtLastCheck, downNow);
                return;
            }
            try {
                LOG.log(Level.INFO, "Storage node(s) {0} answer again after missing writes or being down: repairing",
                        cameBack);
                repairNow();
                downAtLastCheck = downNow;
            } finally {
                changeLock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MetadataUnavailableException e) {
            LOG.log(Level.WARNING, "The automatic repair check could not read the repair ledger ({0}); it runs again in {1}",
                    new Object[] {e.getMessage(), repairCheckInterval});
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The automatic repair check failed; it runs again in " + repairCheckInterval, e);
        }
    }

    /**
     * Whether the stored ring is still the one the repair pass follows, with no migration under
     * way: stray copies are deleted only then. A repository that does not answer means no.
     */
    private boolean isIdleAtRevision(long followedRevision) {
        try {
            return repository.load()
                    .filter(state -> state.migration().isEmpty() && state.revision() == followedRevision)
                    .isPresent();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the ring membership ({0}); stray copies are kept this pass",
                    e.getMessage());
            return false;
        }
    }

    private static Set<NodeAddress> union(Set<NodeAddress> first, Set<NodeAddress> second) {
        Set<NodeAddress> union = new LinkedHashSet<>(first);
        union.addAll(second);
        return Set.copyOf(union);
    }

    // ---- state ----

    private ClusterState seed(List<NodeAddress> nodes, int virtualNodes, int replicas) {
        ClusterState seeded = new ClusterState(nodes, virtualNodes, replicas, Optional.empty(), 0);
        if (repository.compareAndSet(0, seeded)) {
            LOG.log(Level.INFO, "Seeded the ring with {0} ({1} virtual nodes, {2} replicas)",
                    new Object[] {nodes, virtualNodes, replicas});
        }
        // Load either way: another web server may have seeded it first.
        return repository.load().orElseThrow(() -> new IllegalStateException("the ring membership was not stored"));
    }

    /**
     * Makes the content store follow {@code state} unless a newer one is already followed:
     * local changes and watch events can arrive in either order. Revisions only grow (SQLite
     * counts them, etcd uses the key's modification revision).
     */
    private void follow(ClusterState state) {
        synchronized (applying) {
            if (state.revision() <= appliedRevision) {
                return;
            }
            store.usePlacement(RingPlacement.of(state));
            appliedRevision = state.revision();
            LOG.log(Level.INFO, "The ring is now {0}{1}", new Object[] {state.nodes(),
                    state.migration().map(change -> " (" + describe(change) + " in progress)").orElse("")});
        }
    }

    private void requireLoaded() {
        if (!isLoaded()) {
            throw new ClusterMembershipException(Reason.RING_NOT_LOADED, "the storage ring's membership is not loaded "
                    + "yet: its store did not answer when this server started; the server keeps trying, retry shortly");
        }
    }

    /** The stored state, which must have no migration under way. */
    private ClusterState idleState() {
        ClusterState state = repository.load()
                .orElseThrow(() -> new IllegalStateException("the ring membership is not stored; was the service started?"));
        state.migration().ifPresent(change -> {
            throw new ClusterMembershipException(Reason.CHANGE_IN_PROGRESS, "another membership change is in progress ("
                    + describe(change) + "); retry when it has finished");
        });
        return state;
    }

    private ClusterState storeOrRefuse(ClusterState expected, ClusterState next) {
        if (!repository.compareAndSet(expected.revision(), next)) {
            throw new ClusterMembershipException(Reason.CHANGE_IN_PROGRESS,
                    "the ring was changed meanwhile (by another web server?); retry");
        }
        ClusterState stored = repository.load().orElseThrow();
        follow(stored);
        return stored;
    }

    private static ClusterState withMigration(ClusterState state, Migration change) {
        return new ClusterState(state.nodes(), state.virtualNodes(), state.replicas(), Optional.of(change), 0);
    }

    private static HashRing ring(List<NodeAddress> nodes, ClusterState settings) {
        return HashRing.of(nodes, settings.virtualNodes(), settings.replicas());
    }

    private static NodeAddress parse(String address) {
        try {
            return NodeAddress.of(Objects.requireNonNullElse(address, "").trim());
        } catch (IllegalArgumentException e) {
            throw new ClusterMembershipException(Reason.INVALID_ADDRESS, e.getMessage(), e);
        }
    }

    private static String describe(Migration change) {
        return (change.kind() == Migration.Kind.ADD ? "add " : "remove ") + "storage node " + change.node();
    }

    @FunctionalInterface
    private interface Change<T> {
        T run() throws InterruptedException;
    }

    private <T> T underChangeLock(String what, Change<T> change) {
        if (!changeLock.tryLock()) {
            throw new ClusterMembershipException(Reason.CHANGE_IN_PROGRESS,
                    "cannot " + what + ": another membership change or repair is running; retry when it has finished");
        }
        try {
            return change.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        } finally {
            changeLock.unlock();
        }
    }

    /** File copies written by migrations since this server started: how far a running one has got. */
    public long migratedCopies() {
        return migration.copiesWrittenSinceStart();
    }

}
