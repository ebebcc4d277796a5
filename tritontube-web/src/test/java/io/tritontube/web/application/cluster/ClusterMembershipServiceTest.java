package io.tritontube.web.application.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.storage.client.Sha256;
import io.tritontube.web.application.cluster.ClusterMembershipException.Reason;
import io.tritontube.web.domain.cluster.ClusterState;
import io.tritontube.web.domain.cluster.ClusterState.Migration;
import io.tritontube.web.domain.cluster.HashRing;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.cluster.RingPlacement;
import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.infrastructure.content.nw.LocalStorageNodes;
import io.tritontube.web.infrastructure.content.nw.RingContentStore;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteClusterStateRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The membership service against real storage daemons on loopback and a real SQLite file. */
class ClusterMembershipServiceTest {

    private static final int VIRTUAL_NODES = 32;
    private static final Duration NO_AUTOMATIC_REPAIR = Duration.ofHours(1);

    @TempDir
    Path temp;

    private LocalStorageNodes nodes;
    private List<NodeAddress> seed;
    private SqliteClusterStateRepository repository;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** Every file uploaded by a test, with its bytes. */
    private final Map<ContentKey, byte[]> uploaded = new LinkedHashMap<>();

    @BeforeEach
    void startThreeNodes() throws IOException {
        nodes = new LocalStorageNodes(temp.resolve("nodes"));
        seed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seed.add(nodes.start());
        }
        repository = SqliteClusterStateRepository.open(temp.resolve("metadata.db"));
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        repository.close();
        nodes.close();
    }

    @Test
    void addingANodeCopiesItItsFilesAndCountsExactlyTheCopies() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(web, 4, 10);
        NodeAddress fourth = nodes.start();
        HashRing before = web.ring();

        int moved = web.membership.addNode(fourth.value());

        HashRing after = web.ring();
        assertEquals(before.withNode(fourth), after);
        assertEquals(expectedCopies(before, after), moved);
        assertEquals(nodes.keysOn(fourth).size(), moved, "copies actually on the new node");
        assertEveryFileExactlyOnItsOwners(after);
        assertEquals(after.nodesInRingOrder(), web.membership.listNodes());
        assertTrue(repository.load().orElseThrow().migration().isEmpty());
    }

    @Test
    void aMigrationCopiesFromAnIntactOldOwnerNeverFromACorruptOne() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(web, 4, 10);
        NodeAddress corruptNode = seed.get(0);
        for (ContentKey key : uploaded.keySet()) {
            if (web.ring().ownersOf(key.ringKey()).contains(corruptNode)) {
                Files.write(onDisk(corruptNode, key), "rotten bytes".getBytes());
            }
        }
        NodeAddress fourth = nodes.start();

        web.membership.addNode(fourth.value());

        Set<String> copied = nodes.keysOn(fourth);
        assertFalse(copied.isEmpty());
        for (ContentKey key : uploaded.keySet()) {
            if (copied.contains(key.ringKey())) {
                assertArrayEquals(uploaded.get(key), Files.readAllBytes(onDisk(fourth, key)), key + " on the new node");
            }
        }
    }

    @Test
    void removingANodeMovesItsFilesToTheirNewOwners() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(web, 4, 10);
        HashRing before = web.ring();
        NodeAddress leaving = seed.get(1);

        int moved = web.membership.removeNode(leaving.value());

        HashRing after = web.ring();
        assertEquals(before.withoutNode(leaving), after);
        assertEquals(expectedCopies(before, after), moved);
        assertEquals(Set.of(), nodes.keysOn(leaving), "files left on the removed node");
        assertEveryFileExactlyOnItsOwners(after);
    }

    @Test
    void viewersSeeNoFailedReadWhileNodesComeAndGo() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(web, 6, 10);
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicBoolean changing = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger readsDuringChanges = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService readerThread = Executors.newSingleThreadExecutor();
        toClose.add(readerThread::shutdownNow);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (reading.get()) {
                for (Map.Entry<ContentKey, byte[]> file : uploaded.entrySet()) {
                    boolean duringChange = changing.get();
                    try {
                        if (!Arrays.equals(file.getValue(), read(web.store, file.getKey()))) {
                            failures.add(file.getKey() + ": wrong bytes");
                        }
                    } catch (IOException | RuntimeException e) {
                        failures.add(file.getKey() + ": " + e);
                    }
                    reads.incrementAndGet();
                    if (duringChange && changing.get()) {
                        readsDuringChanges.incrementAndGet();
                    }
                }
            }
        }, readerThread);
        await().until(() -> reads.get() > 0);

        changing.set(true);
        web.membership.addNode(nodes.start().value());
        web.membership.removeNode(seed.get(0).value());
        changing.set(false);
        reading.set(false);
        reader.get();

        assertEquals(List.of(), failures);
        assertTrue(readsDuringChanges.get() > 0, "reads made while the ring changed: " + readsDuringChanges.get());
        assertEveryFileExactlyOnItsOwners(web.ring());
    }

    @Test
    void refusesWhatItCannotDoAndChangesNothing() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        NodeAddress stopped = nodes.start();
        nodes.stop(stopped);

        assertRefused(Reason.ALREADY_IN_RING, () -> web.membership.addNode(seed.get(0).value()));
        assertRefused(Reason.NOT_IN_RING, () -> web.membership.removeNode("127.0.0.1:1"));
        assertRefused(Reason.INVALID_ADDRESS, () -> web.membership.addNode(""));
        assertRefused(Reason.INVALID_ADDRESS, () -> web.membership.addNode("no-port"));
        assertRefused(Reason.INVALID_ADDRESS, () -> web.membership.removeNode("host:http"));
        ClusterMembershipException unreachable = assertRefused(Reason.NODE_UNREACHABLE,
                () -> web.membership.addNode(stopped.value()));
        assertTrue(unreachable.getMessage().contains(stopped.value()), unreachable.getMessage());

        assertEquals(HashRing.of(seed, VIRTUAL_NODES, 2), web.ring());
        assertEquals(seed, repository.load().orElseThrow().nodes());
    }

    @Test
    void theLastNodeCannotBeRemoved() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        web.membership.removeNode(seed.get(0).value());
        web.membership.removeNode(seed.get(1).value());

        ClusterMembershipException refusal = assertRefused(Reason.WOULD_LOSE_DATA,
                () -> web.membership.removeNode(seed.get(2).value()));
        assertTrue(refusal.getMessage().contains("last node"), refusal.getMessage());
    }

    @Test
    void aDeadNodeIsRemovedWithItsFilesRestoredFromTheOtherReplicas() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(web, 4, 10);
        NodeAddress dead = seed.get(2);
        nodes.stop(dead);

        web.membership.removeNode(dead.value());

        HashRing after = web.ring();
        for (ContentKey key : uploaded.keySet()) {
            assertEquals(Set.copyOf(after.ownersOf(key.ringKey())), liveHolders(key, dead), "holders of " + key);
        }
    }

    @Test
    void withOneReplicaADeadNodeCannotBeRemovedItHoldsTheOnlyCopies() throws Exception {
        WebServer web = startWebServer(1, NO_AUTOMATIC_REPAIR);
        nodes.stop(seed.get(2));

        assertRefused(Reason.WOULD_LOSE_DATA, () -> web.membership.removeNode(seed.get(2).value()));
        assertEquals(seed, repository.load().orElseThrow().nodes());
    }

    @Test
    void aSecondChangeWhileOneRunsIsRefusedAtOnce() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        try (ServerSocket silentNode = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // Accepts connections and never answers: the health call waits for its deadline.
            CompletableFuture<Integer> slowAdd = CompletableFuture.supplyAsync(
                    () -> web.membership.addNode("127.0.0.1:" + silentNode.getLocalPort()));

            await().atMost(Duration.ofSeconds(3)).until(() -> refusalOf(() -> web.membership.addNode(seed.get(0).value()))
                    == Reason.CHANGE_IN_PROGRESS);

            Throwable failure = assertThrows(Exception.class, slowAdd::join).getCause();
            assertEquals(Reason.NODE_UNREACHABLE, ((ClusterMembershipException) failure).reason());
        }
    }

    @Test
    void aMigrationStoredByAnotherServerBlocksChanges() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        NodeAddress fourth = nodes.start();
        storeMigration(Migration.Kind.ADD, fourth);

        assertRefused(Reason.CHANGE_IN_PROGRESS, () -> web.membership.removeNode(seed.get(0).value()));
    }

    @Test
    void aMigrationInterruptedByACrashIsFinishedAtTheNextStart() throws Exception {
        WebServer crashed = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(crashed, 4, 10);
        NodeAddress fourth = nodes.start();
        storeMigration(Migration.Kind.ADD, fourth);
        crashed.close();

        WebServer restarted = startWebServer(2, NO_AUTOMATIC_REPAIR);

        await().atMost(Duration.ofSeconds(20)).until(() -> repository.load().orElseThrow().migration().isEmpty());
        List<NodeAddress> grown = new ArrayList<>(seed);
        grown.add(fourth);
        assertEquals(grown, repository.load().orElseThrow().nodes());
        assertEquals(HashRing.of(grown, VIRTUAL_NODES, 2), restarted.ring());
        // The copies the new ring no longer needs are deleted just after the switch.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEveryFileExactlyOnItsOwners(restarted.ring()));
    }

    @Test
    void anInterruptedMigrationThatCannotFinishIsRolledBack() throws Exception {
        WebServer crashed = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(crashed, 2, 10);
        NodeAddress fourth = nodes.start();
        storeMigration(Migration.Kind.ADD, fourth);
        crashed.close();
        nodes.stop(fourth);

        WebServer restarted = startWebServer(2, NO_AUTOMATIC_REPAIR);

        await().atMost(Duration.ofSeconds(20)).until(() -> repository.load().orElseThrow().migration().isEmpty());
        assertEquals(seed, repository.load().orElseThrow().nodes());
        assertEveryFileExactlyOnItsOwners(restarted.ring());
    }

    @Test
    void repairRestoresMissingCopiesAndReplacesCorruptedOnes() throws Exception {
        WebServer web = startWebServer(3, NO_AUTOMATIC_REPAIR);
        upload(web, 2, 5);
        List<ContentKey> keys = List.copyOf(uploaded.keySet());
        Files.delete(onDisk(seed.get(0), keys.get(0)));
        Files.write(onDisk(seed.get(1), keys.get(1)), "not the original bytes".getBytes());

        RepairReport report = web.membership.repair();

        assertEquals(new RepairReport(uploaded.size(), 1, 1, 0), report);
        for (NodeAddress node : seed) {
            for (ContentKey key : keys.subList(0, 2)) {
                assertArrayEquals(uploaded.get(key), Files.readAllBytes(onDisk(node, key)), key + " on " + node);
            }
        }
    }

    @Test
    void aCorruptCopyIsReplacedEvenWhenItTiesTheVote() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(web, 1, 3);
        ContentKey key = uploaded.keySet().iterator().next();
        Path corrupted = onDisk(web.ring().ownersOf(key.ringKey()).get(0), key);
        byte[] flipped = uploaded.get(key).clone();
        flipped[flipped.length / 2] ^= 0x5a;
        Files.write(corrupted, flipped);

        RepairReport report = web.membership.repair();

        assertEquals(new RepairReport(uploaded.size(), 0, 1, 0), report);
        assertArrayEquals(uploaded.get(key), Files.readAllBytes(corrupted));
    }

    @Test
    void repairLeavesCopiesAloneWhenNoneCanBeTrusted() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(web, 1, 3);
        ContentKey key = uploaded.keySet().iterator().next();
        NodeAddress owner = web.ring().ownersOf(key.ringKey()).get(1);
        byte[] other = "a different version, written and recorded as such".getBytes();
        web.store.clients().clientFor(owner).write(key.videoId().value(), key.fileName().value(), other.length,
                Sha256.of(new ByteArrayInputStream(other)), new ByteArrayInputStream(other)).get();

        RepairReport report = web.membership.repair();

        assertEquals(1, report.unrecoverable());
        assertArrayEquals(other, Files.readAllBytes(onDisk(owner, key)), "an untrusted copy is not overwritten blindly");
    }

    @Test
    void aNodeThatMissedUploadsGetsThemBackWhenItReturns() throws Exception {
        WebServer web = startWebServer(2, Duration.ofMillis(200));
        NodeAddress down = seed.get(0);
        nodes.stop(down);
        upload(web, 3, 10);
        assertFalse(web.store.nodesThatMissedWrites().isEmpty());

        nodes.restart(down);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEveryFileExactlyOnItsOwners(web.ring()));
    }

    @Test
    void aVideoDeletedWhileANodeWasDownIsDeletedThereWhenItAnswersAndNotRestored() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(web, 1, 10);
        NodeAddress down = seed.get(0);
        nodes.stop(down);
        web.store.deleteVideo(VideoId.of("video 0"));
        nodes.restart(down);

        RepairReport report = web.membership.repair();

        assertEquals(0, report.copiesRestored());
        for (NodeAddress node : seed) {
            assertEquals(Set.of(), nodes.keysOn(node), "files of the deleted video on " + node);
        }
    }

    @Test
    void aChangeThroughOneWebServerReachesAnotherOnTheSameRepository() throws Exception {
        WebServer first = startWebServer(2, NO_AUTOMATIC_REPAIR);
        WebServer second = startWebServer(2, NO_AUTOMATIC_REPAIR);
        NodeAddress fourth = nodes.start();

        first.membership.addNode(fourth.value());

        await().atMost(Duration.ofSeconds(5)).until(() -> second.membership.listNodes().contains(fourth));
        assertEquals(first.ring(), second.ring());
    }

    // ---- fixtures ----

    /** One web server's share of the cluster: its store and its membership service. */
    private final class WebServer implements AutoCloseable {
        final RingContentStore store = new RingContentStore(nodes.clients(), RingPlacement.empty());
        final ClusterMembershipService membership;

        WebServer(int replicas, Duration repairCheckInterval) {
            membership = new ClusterMembershipService(repository, store, Executors.defaultThreadFactory(), repairCheckInterval);
            membership.start(seed, VIRTUAL_NODES, replicas);
        }

        HashRing ring() {
            return store.placement().serving();
        }

        @Override
        public void close() {
            membership.close();
            store.close();
        }
    }

    private WebServer startWebServer(int replicas, Duration repairCheckInterval) {
        WebServer web = new WebServer(replicas, repairCheckInterval);
        toClose.add(web);
        return web;
    }

    private void upload(WebServer web, int videos, int filesPerVideo) throws IOException {
        Random random = new Random(videos * 31L + filesPerVideo);
        for (int v = 0; v < videos; v++) {
            for (int f = 0; f < filesPerVideo; f++) {
                ContentKey key = new ContentKey(VideoId.of("video " + v),
                        ContentFileName.of(f == 0 ? "manifest.mpd" : String.format("chunk-0-%05d.m4s", f)));
                byte[] bytes = new byte[2000 + random.nextInt(3000)];
                random.nextBytes(bytes);
                web.store.put(key, Files.write(Files.createTempFile(temp, "upload", ".bin"), bytes));
                uploaded.put(key, bytes);
            }
        }
    }

    private void storeMigration(Migration.Kind kind, NodeAddress node) {
        ClusterState state = repository.load().orElseThrow();
        List<NodeAddress> to = new ArrayList<>(state.nodes());
        if (kind == Migration.Kind.ADD) {
            to.add(node);
        } else {
            to.remove(node);
        }
        Migration migration = new Migration(kind, node, state.nodes(), to);
        assertTrue(repository.compareAndSet(state.revision(), new ClusterState(state.nodes(), state.virtualNodes(),
                state.replicas(), Optional.of(migration), 0)));
    }

    /** What a migration from {@code before} to {@code after} must copy: each file to each owner it gains. */
    private int expectedCopies(HashRing before, HashRing after) {
        int copies = 0;
        for (ContentKey key : uploaded.keySet()) {
            Set<NodeAddress> gained = new HashSet<>(after.ownersOf(key.ringKey()));
            before.ownersOf(key.ringKey()).forEach(gained::remove);
            copies += gained.size();
        }
        return copies;
    }

    private void assertEveryFileExactlyOnItsOwners(HashRing ring) {
        for (ContentKey key : uploaded.keySet()) {
            assertEquals(Set.copyOf(ring.ownersOf(key.ringKey())), nodes.holdersOf(key.ringKey()), "holders of " + key);
        }
    }

    private Set<NodeAddress> liveHolders(ContentKey key, NodeAddress dead) {
        Set<NodeAddress> holders = new HashSet<>(nodes.holdersOf(key.ringKey()));
        holders.remove(dead);
        return holders;
    }

    private Path onDisk(NodeAddress node, ContentKey key) {
        return nodes.directoryOf(node).resolve(key.videoId().value()).resolve(key.fileName().value());
    }

    private static byte[] read(RingContentStore store, ContentKey key) throws IOException {
        try (StoredContent content = store.open(key, ByteRange.WHOLE_FILE)
                .orElseThrow(() -> new IOException(key + " not found"))) {
            return content.stream().readAllBytes();
        }
    }

    private static ClusterMembershipException assertRefused(Reason reason, Runnable request) {
        ClusterMembershipException refusal = assertThrows(ClusterMembershipException.class, request::run);
        assertEquals(reason, refusal.reason(), refusal.getMessage());
        return refusal;
    }

    private static Reason refusalOf(Runnable request) {
        try {
            request.run();
            return null;
        } catch (ClusterMembershipException e) {
            return e.reason();
        }
    }
}
