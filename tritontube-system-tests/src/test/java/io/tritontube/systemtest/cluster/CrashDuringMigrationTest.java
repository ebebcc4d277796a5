package io.tritontube.systemtest.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.tritontube.admin.ExitStatus;
import io.tritontube.proto.admin.ListNodesRequest;
import io.tritontube.storage.client.Sha256;
import io.tritontube.systemtest.support.AdminCliRun;
import io.tritontube.systemtest.support.Cluster;
import io.tritontube.systemtest.support.Ffmpeg;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.systemtest.support.StoredRing;
import io.tritontube.testkit.SampleVideos;
import io.tritontube.testkit.StorageDaemonProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web server killed (SIGKILL) in the middle of AddNode, then of RemoveNode, while the
 * migration copies files: after a restart on the same etcd the interrupted migration is
 * finished or rolled back, the ring is exactly the old or the new one, and every file of every
 * video is on exactly {@value Cluster#REPLICAS} of its nodes, byte for byte, and plays. The
 * second change runs on the ring the first one settled on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashDuringMigrationTest {

    /**
     * Four 2-minute videos of 67 files each (4 s segments): a membership change then copies
     * about 130 files, which takes 2-3 s on 2 cores, while the kill follows the first copies
     * within a tenth of a second. More content would only slow the checks after each restart.
     */
    private static final int VIDEOS = 4;
    private static final int CLIP_SECONDS = 120;
    private static final Duration SETTLING = Duration.ofSeconds(60);
    private static final String IN_PROGRESS = "tritontube_migration_in_progress";
    private static final String COPIES = "tritontube_migration_file_copies";

    /**
     * Video id to each file the storage nodes hold of it (manifest, playlists, segments) to the
     * SHA-256 of the file as stored by the upload, before any membership change.
     */
    private static final Map<String, Map<String, Sha256>> CHECKSUMS = new LinkedHashMap<>();

    private static Cluster cluster;
    private static Cluster.WebServer web;

    @BeforeAll
    static void startClusterAndUpload(@TempDir Path videos) {
        cluster = Cluster.start("crash-during-migration", 3);
        web = cluster.web(0);
        Path clip = SampleVideos.testPattern(videos, "clip.mp4", CLIP_SECONDS);
        List<String> ids = IntStream.rangeClosed(1, VIDEOS).mapToObj(i -> "migrating-" + i).toList();
        for (String id : ids) {
            assertEquals(303, web.site().upload(clip, id + ".mp4").statusCode());
        }
        for (String id : ids) {
            web.site().awaitReady(id, Duration.ofMinutes(3));
            Map<String, Sha256> files = new TreeMap<>();
            for (StorageDaemonProcess node : cluster.storageNodes()) {
                node.filesOf(id).forEach(file -> files.putIfAbsent(file, checksumOfCopy(node, id, file)));
            }
            assertTrue(files.keySet().containsAll(web.site().dashFilesOf(id)), id + " stored " + files.keySet());
            CHECKSUMS.put(id, files);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aWebServerKilledDuringAddNodeComesBackOnTheOldOrTheNewRingWithNothingLost() throws Exception {
        List<String> before = StoredRing.in(cluster.etcd()).nodes();
        StorageDaemonProcess joining = cluster.startStorageNode();
        List<String> grown = new ArrayList<>(before);
        grown.add(joining.address());

        AdminCliRun add = killWebServerDuring("add", joining.address());
        restartAndAwaitASettledRing();

        assertCutOffThenSettledOnOneOf(add, before, grown);
    }

    @Test
    @Order(2)
    void aWebServerKilledDuringRemoveNodeComesBackOnTheOldOrTheNewRingWithNothingLost() throws Exception {
        List<String> before = StoredRing.in(cluster.etcd()).nodes();
        String leaving = before.get(0);
        List<String> shrunk = before.stream().filter(node -> !node.equals(leaving)).toList();

        AdminCliRun remove = killWebServerDuring("remove", leaving);
        restartAndAwaitASettledRing();

        assertCutOffThenSettledOnOneOf(remove, before, shrunk);
    }

    /**
     * Runs the admin CLI's {@code command NODE} on another thread and kills the web server once
     * the migration has written some copies, before it has finished.
     *
     * @return what the CLI reported
     */
    private static AdminCliRun killWebServerDuring(String command, String node) throws Exception {
        double copiesBefore = web.site().metric(COPIES);
        CompletableFuture<AdminCliRun> change = CompletableFuture.supplyAsync(
                () -> AdminCliRun.of(command, web.adminAddress(), node));

        double copied = await(command + " " + node + " to be copying files")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .failFast(() -> {
                    if (change.isDone()) {
                        throw new AssertionError(command + " ended before the web server could be killed during it"
                                + " (give the migration more files): " + change.join().output());
                    }
                })
                .until(() -> web.site().metric(IN_PROGRESS) == 1 ? web.site().metric(COPIES) - copiesBefore : 0,
                        copies -> copies > 0);
        web.site().server().kill();

        assertTrue(StoredRing.in(cluster.etcd()).migrating(),
                "the kill interrupted the migration after " + copied + " copies: it is still stored in etcd");
        System.out.printf("%s %s: web server killed after %.0f copies%n", command, node, copied);
        return change.get(30, TimeUnit.SECONDS);
    }

    /** Boots the killed web server again, on the same etcd and ports, and waits until its ring has settled. */
    private static void restartAndAwaitASettledRing() {
        long restarting = System.nanoTime();
        web.site().server().restart();
        await("the restarted web server to finish or roll back the interrupted migration")
                .atMost(SETTLING)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(StatusRuntimeException.class)
                .until(CrashDuringMigrationTest::settled);
        System.out.printf("the ring settled on %s %.1f s after the restart%n",
                StoredRing.in(cluster.etcd()).nodes(), (System.nanoTime() - restarting) / 1e9);
    }

    /** No migration is stored, and the web server's ListNodes answers with the stored ring. */
    private static boolean settled() {
        StoredRing stored = StoredRing.in(cluster.etcd());
        List<String> listed = web.admin().withDeadlineAfter(5, TimeUnit.SECONDS)
                .listNodes(ListNodesRequest.getDefaultInstance()).getNodesList();
        return !stored.migrating() && Set.copyOf(listed).equals(Set.copyOf(stored.nodes()));
    }

    private static void assertCutOffThenSettledOnOneOf(AdminCliRun cutOff, List<String> before, List<String> after) {
        assertEquals(ExitStatus.UNREACHABLE.code(), cutOff.exitCode(), "the caller saw its connection die: " + cutOff.output());
        assertTrue(cutOff.output().contains("UNAVAILABLE"), cutOff.output());

        Set<String> ring = Set.copyOf(StoredRing.in(cluster.etcd()).nodes());
        assertTrue(ring.equals(Set.copyOf(before)) || ring.equals(Set.copyOf(after)),
                "the ring settled on " + ring + ", neither the old " + before + " nor the new " + after);
        AdminCliRun list = AdminCliRun.of("list", web.adminAddress());
        assertEquals(0, list.exitCode(), list.output());
        assertEquals(ring, listedNodes(list.output()), list.output());
        assertEquals(0, web.site().metric(IN_PROGRESS), "the restarted server reports no migration");

        // Copies the settled ring does not place (step 4, or a roll-back's clean-up) are deleted just after it is stored.
        await("every file on exactly " + Cluster.REPLICAS + " nodes of " + ring)
                .atMost(SETTLING)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> CHECKSUMS.forEach((id, files) -> {
                    Map<String, List<String>> holders = holdersByFile(id, ring);
                    assertEquals(files.keySet(), holders.keySet(), "the files of " + id + " on " + ring);
                    holders.forEach((file, nodes) -> assertEquals(Cluster.REPLICAS, nodes.size(), id + "/" + file + " is on " + nodes));
                }));
        assertEveryCopyHasTheUploadedBytes(ring);
        assertEveryVideoIsServedWholeAndPlays();
    }

    /** Each file of the video that nodes of {@code ring} hold on disk, with those nodes. */
    private static Map<String, List<String>> holdersByFile(String videoId, Set<String> ring) {
        Map<String, List<String>> holders = new TreeMap<>();
        cluster.filesByNode(videoId).forEach((node, files) -> {
            if (ring.contains(node)) {
                files.forEach(file -> holders.computeIfAbsent(file, name -> new ArrayList<>()).add(node));
            }
        });
        return holders;
    }

    private static void assertEveryCopyHasTheUploadedBytes(Set<String> ring) {
        for (StorageDaemonProcess node : cluster.storageNodes()) {
            if (ring.contains(node.address())) {
                CHECKSUMS.forEach((id, files) -> node.filesOf(id).forEach(file -> assertEquals(files.get(file),
                        checksumOfCopy(node, id, file), id + "/" + file + " on " + node.address())));
            }
        }
    }

    private static void assertEveryVideoIsServedWholeAndPlays() {
        CHECKSUMS.forEach((id, files) -> {
            files.forEach((file, uploaded) -> assertEquals(uploaded, servedChecksum(id, file), id + "/" + file));
            assertNull(Ffmpeg.decodeFailure(web.site().uri(SiteClient.contentPath(id, "manifest.mpd"))), id);
        });
    }

    private static Sha256 servedChecksum(String videoId, String file) {
        HttpResponse<byte[]> response = web.site().getBytes(SiteClient.contentPath(videoId, file));
        assertEquals(200, response.statusCode(), videoId + "/" + file);
        try {
            return Sha256.of(new ByteArrayInputStream(response.body()));
        } catch (IOException e) {
            throw new AssertionError("could not checksum " + videoId + "/" + file, e);
        }
    }

    /** The SHA-256 of the copy on {@code node}'s disk. */
    private static Sha256 checksumOfCopy(StorageDaemonProcess node, String videoId, String file) {
        Path copy = node.baseDir().resolve(videoId).resolve(file);
        try {
            return Sha256.ofFile(copy);
        } catch (IOException e) {
            throw new AssertionError("could not read " + copy, e);
        }
    }

    /** The nodes the CLI's {@code list} printed, one {@code "  - host:port"} line each. */
    private static Set<String> listedNodes(String output) {
        return output.lines()
                .filter(line -> line.startsWith("  - "))
                .map(line -> line.substring("  - ".length()).strip())
                .collect(Collectors.toSet());
    }
}
