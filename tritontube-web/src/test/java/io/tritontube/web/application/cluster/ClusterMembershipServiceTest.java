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
import io.tritontube.web.domain.cluster.ClusterStateRepository;
import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.infrastructure.content.nw.LocalStorageNodes;
import io.tritontube.web.infrastructure.content.nw.RingContentStore;
import io.tritontube.web.infrastructure.content.nw.RingNotLoadedException;
import io.tritontube.web.infrastructure.persistence.sqlite.LocalMigrationRunnerMark;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteClusterStateRepository;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteRepairLedger;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
    /** Videos whose metadata record is gone; every other video has one. */
    private final Set<VideoId> withoutRecord = ConcurrentHashMap.newKeySet();
    /** Videos whose record lookups fail, as when etcd does not answer. */
    private final Set<VideoId> unanswered = ConcurrentHashMap.newKeySet();
    private final VideoRecords records = video -> {
        if (unanswered.contains(video)) {
            throw new MetadataUnavailableException("etcd does not answer", null);
        }
        return !withoutRecord.contains(video);
    };

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
    void aRemovalRolledBackAtTheNextStartDeletesTheCopiesItHadWritten() throws Exception {
        WebServer crashed = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(crashed, 4, 10);
        NodeAddress leaving = seed.get(0);
        NodeAddress unreachable = seed.get(1);
        NodeAddress copiedTo = seed.get(2);
        HashRing before = crashed.ring();
        HashRing after = HashRing.of(List.of(unreachable, copiedTo), VIRTUAL_NODES, 2);
        storeMigration(Migration.Kind.REMOVE, leaving);
        // Before the crash, the removal had copied to one node the files it gains there...
        int copies = 0;
        for (Map.Entry<ContentKey, byte[]> file : uploaded.entrySet()) {
            String key = file.getKey().ringKey();
            if (after.ownersOf(key).contains(copiedTo) && !before.ownersOf(key).contains(copiedTo)) {
                crashed.store.clients().clientFor(copiedTo).write(file.getKey().videoId().value(),
                        file.getKey().fileName().value(), Files.write(Files.createTempFile(temp, "copy", ".bin"),
                                file.getValue())).get();
                copies++;
            }
        }
        assertTrue(copies > 0, "the removal gives " + copiedTo + " some files");
        crashed.close();
        // ...and at the next start the copies to the other one fail: the removal is rolled back.
        nodes.stop(unreachable);

        WebServer restarted = startWebServer(2, NO_AUTOMATIC_REPAIR);

        await().atMost(Duration.ofSeconds(20)).until(() -> repository.load().orElseThrow().migration().isEmpty());
        assertEquals(seed, repository.load().orElseThrow().nodes());
        nodes.restart(unreachable);
        // Copies the old ring does not place would never be read, repaired or deleted.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEveryFileExactlyOnItsOwners(restarted.ring()));
    }

    @Test
    void repairRestoresMissingCopiesAndReplacesCorruptedOnes() throws Exception {
        WebServer web = startWebServer(3, NO_AUTOMATIC_REPAIR);
        upload(web, 2, 5);
        List<ContentKey> keys = List.copyOf(uploaded.keySet());
        Files.delete(onDisk(seed.get(0), keys.get(0)));
        Files.write(onDisk(seed.get(1), keys.get(1)), "not the original bytes".getBytes());

        RepairReport report = web.membership.repair();

        assertEquals(new RepairReport(uploaded.size(), 1, 1, 0, 0, 0), report);
        for (ContentKey key : keys.subList(0, 2)) {
            assertUploadedBytesOn(seed, key);
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

        assertEquals(new RepairReport(uploaded.size(), 0, 1, 0, 0, 0), report);
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
        assertFalse(web.store.repairLedger().missedWrites().isEmpty());

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
    void aRestartedServerStillRepairsANodeThatMissedWritesBeforeTheRestart() throws Exception {
        WebServer crashed = startWebServer(2, NO_AUTOMATIC_REPAIR);
        NodeAddress down = seed.get(0);
        nodes.stop(down);
        upload(crashed, 3, 10);
        crashed.close();
        nodes.restart(down);

        WebServer restarted = startWebServer(2, Duration.ofMillis(200));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEveryFileExactlyOnItsOwners(restarted.ring()));
        await().atMost(Duration.ofSeconds(10)).until(() -> restarted.store.repairLedger().missedWrites().isEmpty());
    }

    @Test
    void aRestartedServerFinishesADeleteInsteadOfRestoringTheDeletedFiles() throws Exception {
        WebServer crashed = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(crashed, 2, 10);
        NodeAddress down = seed.get(0);
        VideoId deleted = VideoId.of("video 0");
        assertTrue(nodes.keysOn(down).stream().anyMatch(key -> key.startsWith(deleted + "/")), "the node holds some");
        nodes.stop(down);
        crashed.store.deleteVideo(deleted);
        // The record is left in place: the ledger alone must finish the delete, not the record check.
        crashed.close();
        nodes.restart(down);

        WebServer restarted = startWebServer(2, Duration.ofMillis(200));

        await().atMost(Duration.ofSeconds(30)).until(() -> restarted.store.repairLedger().unfinishedDeletes().isEmpty());
        for (NodeAddress node : seed) {
            assertTrue(nodes.keysOn(node).stream().noneMatch(key -> key.startsWith(deleted + "/")), "files on " + node);
        }
        uploaded.keySet().removeIf(key -> key.videoId().equals(deleted));
        assertEveryFileExactlyOnItsOwners(restarted.ring());
    }

    @Test
    void repairDeletesFilesOfVideosWithoutARecordAndLeavesThoseItCannotLookUp() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(web, 3, 5);
        VideoId deleted = VideoId.of("video 0");
        VideoId unknown = VideoId.of("video 1");
        withoutRecord.add(deleted);
        unanswered.add(unknown);
        ContentKey unknownsFile = uploaded.keySet().stream().filter(key -> key.videoId().equals(unknown)).findFirst()
                .orElseThrow();
        Files.delete(onDisk(web.ring().ownersOf(unknownsFile.ringKey()).get(0), unknownsFile));

        RepairReport report = web.membership.repair();

        assertEquals(new RepairReport(5, 0, 0, 0, 5 * 2, 0), report, "video 2 checked, video 0's copies deleted");
        for (NodeAddress node : seed) {
            assertTrue(nodes.keysOn(node).stream().noneMatch(key -> key.startsWith(deleted + "/")), "files on " + node);
        }
        assertEquals(1, nodes.holdersOf(unknownsFile.ringKey()).size(), "a video that cannot be looked up is left as it is");
    }

    @Test
    void repairDeletesAStrayCopyOnceEveryOwnerHoldsTheFileAndKeepsOneWhoseOwnerIsDown() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(web, 4, 10);
        HashRing ring = web.ring();
        NodeAddress down = seed.get(0);
        ContentKey ownedByLiveNodes = keyWhose(owners -> !owners.contains(down));
        ContentKey ownedByTheDownNode = keyWhose(owners -> owners.contains(down));
        // As an interrupted clean-up leaves them: each file also on the one node that does not own it.
        NodeAddress strayOfLive = down;
        NodeAddress strayOfDown = nonOwner(ring, ownedByTheDownNode);
        copyByHand(ownedByLiveNodes, strayOfLive);
        copyByHand(ownedByTheDownNode, strayOfDown);
        // The live owner's copy of the second file is lost too: repair restores it from the stray one.
        NodeAddress liveOwner = ring.ownersOf(ownedByTheDownNode.ringKey()).stream().filter(node -> !node.equals(down))
                .findFirst().orElseThrow();
        Files.delete(onDisk(liveOwner, ownedByTheDownNode));
        nodes.stop(down);

        RepairReport report = web.membership.repair();

        assertEquals(0, report.straysDeleted(), "the only stray copy of a file owned by live nodes is on the down one");
        assertEquals(1, report.copiesRestored(), "restored from the stray copy");
        assertTrue(nodes.holdersOf(ownedByTheDownNode.ringKey()).contains(strayOfDown),
                "an owner is down: it may lack the file, so the stray copy is kept");

        nodes.restart(down);

        RepairReport afterRestart = web.membership.repair();

        assertEquals(2, afterRestart.straysDeleted(), afterRestart.toString());
        assertEveryFileExactlyOnItsOwners(ring);
        for (ContentKey key : List.of(ownedByLiveNodes, ownedByTheDownNode)) {
            assertUploadedBytesOn(ring.ownersOf(key.ringKey()), key);
        }
    }

    @Test
    void strayCopiesAreKeptWhileAMembershipChangeIsStored() throws Exception {
        WebServer web = startWebServer(2, NO_AUTOMATIC_REPAIR);
        upload(web, 1, 3);
        ContentKey key = uploaded.keySet().iterator().next();
        NodeAddress stray = nonOwner(web.ring(), key);
        copyByHand(key, stray);
        storeMigration(Migration.Kind.REMOVE, seed.get(0));

        RepairReport report = web.membership.repair();

        assertEquals(0, report.straysDeleted());
        assertTrue(nodes.holdersOf(key.ringKey()).contains(stray), "a migration's copy to a new owner looks stray");
    }

    @Test
    void aServerStartedWhileItsRepositoryDoesNotAnswerLoadsTheRingWhenItDoes() throws Exception {
        UnreachableRepository unreachable = new UnreachableRepository();
        WebServer web = startWebServer(unreachable, 2, NO_AUTOMATIC_REPAIR);
        ContentKey key = new ContentKey(VideoId.of("early"), ContentFileName.of("manifest.mpd"));

        assertFalse(web.membership.isLoaded());
        assertRefused(Reason.RING_NOT_LOADED, web.membership::listNodes);
        assertRefused(Reason.RING_NOT_LOADED, web.membership::repair);
        assertThrows(RingNotLoadedException.class, () -> web.store.open(key, ByteRange.WHOLE_FILE));

        unreachable.answering = true;

        await().atMost(Duration.ofSeconds(15)).until(web.membership::isLoaded);
        assertEquals(HashRing.of(seed, VIRTUAL_NODES, 2), web.ring());
        upload(web, 1, 3);
        assertEveryFileExactlyOnItsOwners(web.ring());
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
        /** Its repair ledger shares the membership's SQLite file, as on a real server. */
        final RingContentStore store = new RingContentStore(nodes.clients(),
                SqliteRepairLedger.open(temp.resolve("metadata.db")));
        final ClusterMembershipService membership;

        WebServer(ClusterStateRepository membershipRepository, int replicas, Duration repairCheckInterval) {
            membership = new ClusterMembershipService(membershipRepository, store, records, new LocalMigrationRunnerMark(),
                    Executors.defaultThreadFactory(), repairCheckInterval);
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
        return startWebServer(repository, replicas, repairCheckInterval);
    }

    private WebServer startWebServer(ClusterStateRepository membershipRepository, int replicas,
                                     Duration repairCheckInterval) {
        WebServer web = new WebServer(membershipRepository, replicas, repairCheckInterval);
        toClose.add(web);
        return web;
    }

    /** The test's repository, failing every call as an unreachable etcd does until told to answer. */
    private final class UnreachableRepository implements ClusterStateRepository {
        volatile boolean answering;

        @Override
        public Optional<ClusterState> load() {
            requireAnswering();
            return repository.load();
        }

        @Override
        public boolean compareAndSet(long expectedRevision, ClusterState next) {
            requireAnswering();
            return repository.compareAndSet(expectedRevision, next);
        }

        @Override
        public AutoCloseable watch(Consumer<ClusterState> listener) {
            return repository.watch(listener);
        }

        /** The test closes the repository it wraps. */
        @Override
        public void close() {
        }

        private void requireAnswering() {
            if (!answering) {
                throw new MetadataUnavailableException("etcd does not answer", null);
            }
        }
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

    /** The first file uploaded whose owners match. */
    private ContentKey keyWhose(Predicate<List<NodeAddress>> owners) {
        HashRing ring = HashRing.of(seed, VIRTUAL_NODES, repository.load().orElseThrow().replicas());
        return uploaded.keySet().stream().filter(key -> owners.test(ring.ownersOf(key.ringKey()))).findFirst()
                .orElseThrow();
    }

    private static NodeAddress nonOwner(HashRing ring, ContentKey key) {
        return ring.nodesInRingOrder().stream().filter(node -> !ring.ownersOf(key.ringKey()).contains(node))
                .findFirst().orElseThrow();
    }

    /** Writes the file's bytes straight into the node's directory, as an old ring's copy would be. */
    private void copyByHand(ContentKey key, NodeAddress node) throws IOException {
        Path copy = onDisk(node, key);
        Files.createDirectories(copy.getParent());
        Files.write(copy, uploaded.get(key));
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

    private void assertUploadedBytesOn(List<NodeAddress> holders, ContentKey key) throws IOException {
        for (NodeAddress node : holders) {
            assertArrayEquals(uploaded.get(key), Files.readAllBytes(onDisk(node, key)), key + " on " + node);
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
