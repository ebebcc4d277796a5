package io.tritontube.web.infrastructure.content.nw;

import io.tritontube.storage.client.Sha256;
import io.tritontube.storage.client.StorageClient;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.cluster.RepairLedger;
import io.tritontube.web.domain.cluster.RingPlacement;
import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The packaged files spread over the storage daemons by the consistent-hash ring, each on
 * {@code replicas} nodes.
 *
 * <ul>
 *   <li>A put writes every replica in parallel and succeeds when at least one is stored: a
 *       node that is down does not fail the upload, nor does a hung one hold it for long
 *       ({@link ReplicaWrites}); either is logged and recorded in the
 *       {@link #repairLedger() repair ledger} for the repair pass.</li>
 *   <li>A read goes to the first replica that has the file and fails over to the next,
 *       before or during the stream; a replica that does not answer quickly is asked last
 *       for a while ({@link FailoverContent}).</li>
 *   <li>The ring itself is an immutable {@link RingPlacement}; {@link #usePlacement} swaps it
 *       as a whole, so no request sees half a membership change.</li>
 * </ul>
 * Until the first placement is given (the membership is loaded) every operation fails with
 * {@link RingNotLoadedException}: with no ring, a read would find nothing and a delete would
 * reach no node, both silently.
 */
public final class RingContentStore implements ContentStore {

    private static final Logger LOG = Logger.getLogger(RingContentStore.class.getName());

    private final StorageNodeClients clients;
    /**
     * Puts hold the read side while they write, a placement change takes the write side: the
     * change waits for writes begun under the old placement, so a migration that starts
     * listing files right after the change sees every one of them. Fair, so a steady stream
     * of uploads cannot hold a change off forever.
     */
    private final ReadWriteLock placementChange = new ReentrantReadWriteLock(true);
    private final BufferedRepairLedger repairLedger;
    private volatile RingPlacement placement = RingPlacement.empty();
    private volatile boolean loaded;

    /**
     * A store that follows no ring yet: {@link #usePlacement} gives it one.
     *
     * @param repairLedger where missed writes and unfinished deletes are recorded; closed with this store
     */
    public RingContentStore(StorageNodeClients clients, RepairLedger repairLedger) {
        this.clients = clients;
        this.repairLedger = new BufferedRepairLedger(repairLedger);
    }

    /** The placement requests follow now: {@link RingPlacement#empty()} until one is given. */
    public RingPlacement placement() {
        return placement;
    }

    /** Whether a placement was given: until then, nothing can be read, stored or deleted. */
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * Makes every later request follow {@code next}, once the writes in flight under the
     * current placement have finished; then closes the channels of nodes no longer in it.
     */
    public void usePlacement(RingPlacement next) {
        placementChange.writeLock().lock();
        try {
            placement = next;
            loaded = true;
        } finally {
            placementChange.writeLock().unlock();
        }
        clients.retainOnly(next.allNodes());
    }

    /**
     * The nodes that missed writes and the deletes still to finish, as this store records them:
     * its records never fail (what the ledger's store does not take waits in memory), its reads
     * hand the ledger what waited first.
     */
    public RepairLedger repairLedger() {
        return repairLedger;
    }

    /** The client pool this store reads and writes through, shared with migrations and repairs. */
    public StorageNodeClients clients() {
        return clients;
    }

    @Override
    public void put(ContentKey key, Path source) throws IOException {
        long size = Files.size(source);
        Sha256 digest = Sha256.ofFile(source);
        placementChange.readLock().lock();
        try {
            requireLoaded("store " + key);
            List<NodeAddress> targets = placement.holdersOf(key.ringKey());
            if (targets.isEmpty()) {
                throw new IOException("cannot store " + key + ": the ring has no storage nodes");
            }
            Map<NodeAddress, CompletableFuture<Long>> writes = new LinkedHashMap<>();
            for (NodeAddress node : targets) {
                writes.put(node, startWrite(node, key, size, digest, source));
            }
            List<String> failures = new ArrayList<>();
            new ReplicaWrites(key, clients, writes).await().forEach((node, failure) -> {
                repairLedger.recordMissedWrite(node);
                failures.add(node + ": " + failure.getMessage());
                LOG.log(Level.WARNING, "Storage node {0} missed {1} ({2}); the repair pass will restore that replica",
                        new Object[] {node, key, failure.getMessage()});
            });
            if (failures.size() == targets.size()) {
                throw new IOException("could not store " + key + " on any replica: " + String.join("; ", failures));
            }
        } finally {
            placementChange.readLock().unlock();
        }
    }

    @Override
    public Optional<StoredContent> open(ContentKey key, ByteRange range) throws IOException {
        requireLoaded("read " + key);
        return FailoverContent.open(key, range, placement.holdersOf(key.ringKey()), clients);
    }

    /**
     * Asks every node of the ring to delete the video's files. A node that cannot be reached
     * keeps its copies for now: it is logged and recorded in the repair ledger, and {@link #finishDeletes} (run
     * by every repair) deletes them once it answers. Only when no node could be asked does
     * this fail.
     */
    @Override
    public void deleteVideo(VideoId videoId) throws IOException {
        requireLoaded("delete the files of video " + videoId);
        Set<NodeAddress> nodes = placement.allNodes();
        List<String> failures = new ArrayList<>();
        deleteOn(nodes, videoId).forEach((node, failure) -> {
            failures.add(node + ": " + failure.getMessage());
            repairLedger.recordUnfinishedDelete(node, videoId);
            LOG.log(Level.WARNING, "Could not delete the files of video {0} on storage node {1} ({2}); "
                    + "they are deleted when it answers again", new Object[] {videoId, node, failure.getMessage()});
        });
        if (!nodes.isEmpty() && failures.size() == nodes.size()) {
            throw new IOException("could not delete the files of video " + videoId + " on any storage node: "
                    + String.join("; ", failures));
        }
    }

    /**
     * Deletes, on those of {@code reachable} that were down for it, the files of every video
     * deleted meanwhile, and forgets the deletes owed by nodes no longer in the ring.
     *
     * @throws RuntimeException when the repair ledger cannot be read
     */
    public void finishDeletes(Set<NodeAddress> reachable) throws InterruptedException {
        Set<NodeAddress> ringNodes = placement.allNodes();
        for (Map.Entry<NodeAddress, Set<VideoId>> owed : repairLedger.unfinishedDeletes().entrySet()) {
            NodeAddress node = owed.getKey();
            for (VideoId videoId : owed.getValue()) {
                if (!ringNodes.contains(node)) {
                    repairLedger.forgetUnfinishedDelete(node, videoId);
                    LOG.log(Level.INFO, "Storage node {0} left the ring: its copies of deleted video {1} are no longer "
                            + "tracked", new Object[] {node, videoId});
                } else if (reachable.contains(node) && deleteOnOrInterrupted(node, videoId)) {
                    repairLedger.forgetUnfinishedDelete(node, videoId);
                    LOG.log(Level.INFO, "Deleted the files of video {0} left on storage node {1}", new Object[] {videoId, node});
                }
            }
        }
    }

    private boolean deleteOnOrInterrupted(NodeAddress node, VideoId videoId) throws InterruptedException {
        try {
            return deleteOn(Set.of(node), videoId).isEmpty();
        } catch (InterruptedIOException e) {
            InterruptedException interrupted = new InterruptedException(e.getMessage());
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    /** Deletes the video on each node in parallel; returns the failures by node. */
    private Map<NodeAddress, IOException> deleteOn(Set<NodeAddress> nodes, VideoId videoId) throws InterruptedIOException {
        Map<NodeAddress, CompletableFuture<Integer>> deletes = new LinkedHashMap<>();
        for (NodeAddress node : nodes) {
            deletes.put(node, onClient(node, client -> client.deleteVideo(videoId.value())));
        }
        Map<NodeAddress, IOException> failures = new LinkedHashMap<>();
        for (Map.Entry<NodeAddress, CompletableFuture<Integer>> delete : deletes.entrySet()) {
            awaitOutcome(delete.getValue()).ifPresent(failure -> failures.put(delete.getKey(), failure));
        }
        return failures;
    }

    @Override
    public void close() {
        clients.close();
        repairLedger.close();
    }

    private void requireLoaded(String operation) throws RingNotLoadedException {
        if (!loaded) {
            throw new RingNotLoadedException(operation);
        }
    }

    private CompletableFuture<Long> startWrite(NodeAddress node, ContentKey key, long size, Sha256 digest, Path source)
            throws IOException {
        // Opened here, not on the client's thread, so a missing source fails the put itself.
        InputStream content = Files.newInputStream(source);
        return onClient(node, client -> client.write(key.videoId().value(), key.fileName().value(), size, digest, content))
                .whenComplete((written, failure) -> {
                    if (failure != null) {
                        closeQuietly(content);
                    }
                });
    }

    /** Runs {@code call} on {@code node}'s client; a client that cannot be built is a failed call. */
    private <T> CompletableFuture<T> onClient(NodeAddress node, Function<StorageClient, CompletableFuture<T>> call) {
        try {
            return call.apply(clients.clientFor(node));
        } catch (UncheckedIOException e) {
            return CompletableFuture.failedFuture(e.getCause());
        }
    }

    /** Waits for {@code call}; empty when it succeeded, else the storage (or local) failure. */
    private static Optional<IOException> awaitOutcome(Future<?> call) throws InterruptedIOException {
        try {
            call.get();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(ReplicaWrites.failureOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new InterruptedIOException("interrupted while waiting for a storage node");
        }
    }

    private static void closeQuietly(InputStream content) {
        try {
            content.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing a put's source failed", e);
        }
    }
}
