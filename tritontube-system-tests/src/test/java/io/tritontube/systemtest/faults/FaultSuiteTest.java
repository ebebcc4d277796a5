package io.tritontube.systemtest.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.proto.admin.AddNodeRequest;
import io.tritontube.proto.admin.ListNodesRequest;
import io.tritontube.storage.client.Sha256;
import io.tritontube.storage.client.StorageClient;
import io.tritontube.storage.client.StorageException;
import io.tritontube.systemtest.support.AdminCliRun;
import io.tritontube.systemtest.support.Cluster;
import io.tritontube.systemtest.support.SegmentReader;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import io.tritontube.testkit.StorageDaemonProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults survived with nothing lost, hostile input refused with nothing stored: a storage
 * node dying during uploads and coming back, a corrupted replica, the web server killed while
 * it packages a video, and clients that try to escape or skip authentication.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    private static final Duration PROCESSING = Duration.ofMinutes(3);
    private static final FaultFigures FIGURES = new FaultFigures();
    /** Video id to every file name it has in storage (the manifest and what it names). */
    private static final Map<String, List<String>> FILES = new LinkedHashMap<>();

    private static Cluster cluster;
    private static Cluster.WebServer web;
    private static Path videos;

    @BeforeAll
    static void startCluster(@TempDir Path dir) {
        videos = dir;
        // Repair checks every 2 s instead of 30 s, so the test waits for it briefly.
        cluster = Cluster.start("faults", 3, Map.of("tritontube.ring.repair-check-seconds", "2"));
        web = cluster.web(0);
        for (String id : List.of("steady-one", "steady-two")) {
            uploadAndAwaitReady(id, 8);
        }
    }

    @AfterAll
    static void stopClusterAndPrintFigures() {
        System.out.println(FIGURES.report());
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void uploadsDuringAStorageOutageSucceedAndTheReturningNodeIsRepaired() throws Exception {
        StorageDaemonProcess victim = cluster.storageNodes().get(1);
        try (SegmentReader viewer = SegmentReader.start(web.site(), Map.copyOf(FILES))) {
            victim.kill();

            uploadAndAwaitReady("during-outage", 4);
            assertEveryFilePlays("during-outage");

            victim.restart();
            await("the returning node to be repaired: every file back to " + Cluster.REPLICAS + " copies")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(FaultSuiteTest::everyFileHasExactlyReplicas);
            viewer.close();
            record(viewer);
        }
        assertEquals(0, filesLost());
    }

    @Test
    @Order(2)
    void aCorruptedReplicaIsReplacedFromAGoodCopyByTheRepairCommand() throws IOException {
        String file = FILES.get("steady-one").get(1);
        List<StorageDaemonProcess> holders = holdersOf("steady-one", file);
        Path corrupted = holders.get(0).baseDir().resolve("steady-one").resolve(file);
        Path good = holders.get(1).baseDir().resolve("steady-one").resolve(file);
        byte[] original = Files.readAllBytes(good);
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 0x5a;
        Files.write(corrupted, flipped);

        AdminCliRun repair = AdminCliRun.of("repair", web.adminAddress());

        assertEquals(0, repair.exitCode(), repair.output());
        assertTrue(repair.output().toLowerCase().contains("corrupt"), repair.output());
        assertArrayEquals(original, Files.readAllBytes(corrupted), "the corrupted copy was replaced by the good one");
        assertTrue(everyFileHasExactlyReplicas());
    }

    @Test
    @Order(3)
    void aWebServerKilledWhilePackagingNeverShowsAHalfStoredVideo() {
        Path clip = SampleVideos.testPattern(videos, "long.mp4", 40);
        assertEquals(303, web.site().upload(clip, "crashed-mid-processing.mp4").statusCode());

        web.site().server().kill();
        web.site().server().restart();

        await("the interrupted video to be marked failed").atMost(Duration.ofSeconds(60))
                .until(() -> web.site().status("crashed-mid-processing"), status -> !status.equals("processing"));
        assertEquals("failed", web.site().status("crashed-mid-processing"), "never ready with missing files");
        await("the interrupted video's files to be removed").atMost(Duration.ofSeconds(60))
                .until(() -> cluster.storageNodes().stream().allMatch(node -> node.filesOf("crashed-mid-processing").isEmpty()));
        FILES.keySet().forEach(FaultSuiteTest::assertEveryFilePlays);
        assertEquals(0, filesLost());
    }

    @Test
    @Order(4)
    void aHostileStorageClientCannotEscapeTheBaseDirectory() throws IOException {
        StorageDaemonProcess node = cluster.storageNodes().get(0);
        byte[] payload = "not yours".getBytes();
        try (StorageClient client = StorageClient.connect(node.address())) {
            for (String[] name : List.of(new String[] {"..", "x"}, new String[] {"ok", "../../escape"},
                    new String[] {"a/b", "x"}, new String[] {"ok", "/etc/passwd"}, new String[] {"ok", "a\\b"},
                    new String[] {"ok", "nul\0byte"}, new String[] {"", "x"})) {
                Status.Code code = writeRefusal(client, name[0], name[1], payload);
                FIGURES.badInput(code == Status.Code.INVALID_ARGUMENT || code == Status.Code.PERMISSION_DENIED);
                assertTrue(code == Status.Code.INVALID_ARGUMENT || code == Status.Code.PERMISSION_DENIED,
                        String.join("/", name) + " answered " + code);
            }
        }
        assertTrue(Files.notExists(node.baseDir().getParent().resolve("escape")));
    }

    @Test
    @Order(5)
    void malformedAdminRequestsAreRefusedAndChangeNothing() {
        List<String> before = nodesInRing();
        for (String address : List.of("", "no-port", "host:", ":8090", "host:notaport", "host:70000")) {
            StatusRuntimeException refusal = assertThrows(StatusRuntimeException.class,
                    () -> web.admin().addNode(AddNodeRequest.newBuilder().setNodeAddress(address).build()));
            FIGURES.badInput(refusal.getStatus().getCode() == Status.Code.INVALID_ARGUMENT);
            assertEquals(Status.Code.INVALID_ARGUMENT, refusal.getStatus().getCode(), "'" + address + "'");
        }
        assertEquals(before, nodesInRing());
    }

    @Test
    @Order(6)
    void aStorageDaemonWithATokenRefusesCallsWithoutIt() throws Exception {
        StorageDaemonProcess guarded = cluster.startStorageNode("--token", "fault-suite-secret");
        byte[] payload = "guarded".getBytes();
        try (StorageClient stranger = StorageClient.connect(guarded.address());
             StorageClient owner = StorageClient.connect(guarded.address(),
                     new GrpcSecuritySettings("fault-suite-secret", null, null, null))) {
            Status.Code code = writeRefusal(stranger, "guarded", "file", payload);
            FIGURES.badInput(code == Status.Code.UNAUTHENTICATED);
            assertEquals(Status.Code.UNAUTHENTICATED, code);
            assertTrue(guarded.filesOf("guarded").isEmpty(), "nothing stored without the token");

            owner.write("guarded", "file", payload.length, Sha256.of(new ByteArrayInputStream(payload)), new ByteArrayInputStream(payload)).get();
            assertEquals(List.of("file"), guarded.filesOf("guarded"));
        }
    }

    private static Status.Code writeRefusal(StorageClient client, String videoId, String fileName, byte[] payload)
            throws IOException {
        try {
            client.write(videoId, fileName, payload.length, Sha256.of(new ByteArrayInputStream(payload)), new ByteArrayInputStream(payload)).get();
            return Status.Code.OK;
        } catch (ExecutionException e) {
            return StorageException.causeOf(e).map(StorageException::code).orElseThrow(() -> new AssertionError(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void uploadAndAwaitReady(String id, int seconds) {
        Path clip = SampleVideos.testPattern(videos, id + ".mp4", seconds);
        assertEquals(303, web.site().upload(clip, id + ".mp4").statusCode());
        web.site().awaitReady(id, PROCESSING);
        FILES.put(id, web.site().dashFilesOf(id));
    }

    private static void assertEveryFilePlays(String id) {
        FIGURES.videosChecked.incrementAndGet();
        for (String file : FILES.get(id)) {
            int status = web.site().getBytes(SiteClient.contentPath(id, file)).statusCode();
            FIGURES.segmentsRead.incrementAndGet();
            if (status != 200) {
                FIGURES.failedReads.incrementAndGet();
            }
            assertEquals(200, status, id + "/" + file);
        }
    }

    private static void record(SegmentReader viewer) {
        FIGURES.segmentsRead.addAndGet(viewer.reads());
        FIGURES.failedReads.addAndGet(viewer.failures().size());
        assertEquals(List.of(), viewer.failures(), "failed reads during the outage");
    }

    private static List<String> nodesInRing() {
        return web.admin().listNodes(ListNodesRequest.getDefaultInstance()).getNodesList();
    }

    private static List<StorageDaemonProcess> holdersOf(String id, String file) {
        List<String> ring = nodesInRing();
        return cluster.storageNodes().stream()
                .filter(node -> ring.contains(node.address()) && node.filesOf(id).contains(file)).toList();
    }

    private static boolean everyFileHasExactlyReplicas() {
        return FILES.entrySet().stream().allMatch(video -> video.getValue().stream()
                .allMatch(file -> holdersOf(video.getKey(), file).size() == Cluster.REPLICAS));
    }

    private static int filesLost() {
        int lost = (int) FILES.entrySet().stream().mapToLong(video -> video.getValue().stream()
                .filter(file -> holdersOf(video.getKey(), file).isEmpty()).count()).sum();
        FIGURES.filesLost.set(lost);
        return lost;
    }
}
