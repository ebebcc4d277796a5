package io.tritontube.systemtest.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tritontube.proto.admin.ListNodesRequest;
import io.tritontube.systemtest.support.Cluster;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.EtcdCluster;
import io.tritontube.testkit.SampleVideos;
import io.tritontube.testkit.StorageDaemonProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web server restarted in the middle of an outage: what it owed the storage nodes (replicas
 * a dead node missed, files of a video deleted meanwhile) is still done once the node returns;
 * and a web server started while etcd is down comes up and serves as soon as etcd does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartDuringOutageTest {

    private static final Duration PROCESSING = Duration.ofMinutes(3);
    private static final Duration REPAIR = Duration.ofSeconds(90);

    private static Cluster cluster;
    private static Path videos;

    @BeforeAll
    static void startCluster(@TempDir Path dir) {
        videos = dir;
        // Repair checks every 2 s instead of 30 s, so the test waits for them briefly.
        cluster = Cluster.start("restart-during-outage", 3, Map.of("tritontube.ring.repair-check-seconds", "2"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aWebServerRestartedDuringANodeOutageStillRepairsTheNodeAndFinishesTheDelete() {
        SiteClient site = cluster.web(0).site();
        uploadAndAwaitReady(site, "kept");
        uploadAndAwaitReady(site, "doomed");
        StorageDaemonProcess victim = cluster.storageNodes().stream()
                .max(Comparator.comparingInt(node -> node.filesOf("doomed").size())).orElseThrow();
        assertFalse(victim.filesOf("doomed").isEmpty(), "the victim holds files of the video to delete");

        victim.kill();
        uploadAndAwaitReady(site, "during-outage");
        assertEquals(204, delete(site, "doomed").statusCode());
        site.server().kill();
        // Back before the web server: the restarted server never sees it down, so only what the
        // dead server recorded in etcd can tell it that the node missed writes and a delete.
        victim.restart();
        site.server().restart();

        await("the returning node to get back every replica it missed, and to lose the deleted video's files")
                .atMost(REPAIR).pollInterval(Duration.ofSeconds(1))
                .until(() -> everyFileOnExactlyReplicas(site, "during-outage") && victim.filesOf("doomed").isEmpty());
        assertTrue(cluster.storageNodes().stream().allMatch(node -> node.filesOf("doomed").isEmpty()),
                "no node holds the deleted video's files");
        assertTrue(everyFileOnExactlyReplicas(site, "kept"));
        assertEveryFilePlays(site, "during-outage");
    }

    @Test
    @Order(2)
    void aWebServerStartedWhileEtcdIsDownServesOnceEtcdIsBack() {
        // One Payara at a time on this machine: the first web server has done its part.
        cluster.web(0).site().server().stop();
        EtcdCluster etcd = cluster.etcd();
        for (int member = 0; member < etcd.size(); member++) {
            etcd.kill(member);
        }

        Cluster.WebServer web = cluster.startWebServerAnswering();

        SiteClient site = web.site();
        HttpResponse<String> content = site.get(SiteClient.contentPath("kept", "manifest.mpd"));
        assertEquals(503, content.statusCode(), content.body());
        assertTrue(content.body().contains("storage ring is not loaded yet"), content.body());
        HttpResponse<String> upload = site.upload(SampleVideos.testPattern(videos, "too-early.mp4", 2), "too-early.mp4");
        assertEquals(503, upload.statusCode(), upload.body());
        StatusRuntimeException adminRefusal = assertThrows(StatusRuntimeException.class,
                () -> web.admin().listNodes(ListNodesRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAVAILABLE, adminRefusal.getStatus().getCode(), adminRefusal.getMessage());
        assertEquals(503, site.get("/health").statusCode());

        for (int member = 0; member < etcd.size(); member++) {
            etcd.restart(member);
        }

        Path clip = SampleVideos.testPattern(videos, "after-etcd.mp4", 4);
        await("an upload to be accepted once etcd answers again").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> site.upload(clip, "after-etcd.mp4").statusCode(), status -> status == 303);
        site.awaitReady("after-etcd", PROCESSING);
        assertEveryFilePlays(site, "after-etcd");
        assertEquals(3, web.admin().listNodes(ListNodesRequest.getDefaultInstance()).getNodesCount());
    }

    private static void uploadAndAwaitReady(SiteClient site, String id) {
        Path clip = SampleVideos.testPattern(videos, id + ".mp4", 4);
        HttpResponse<String> upload = site.upload(clip, id + ".mp4");
        assertEquals(303, upload.statusCode(), upload.body());
        site.awaitReady(id, PROCESSING);
    }

    private static HttpResponse<String> delete(SiteClient site, String id) {
        return site.send(HttpRequest.newBuilder(site.uri("/api/videos/" + id)).DELETE().build());
    }

    /** Each of the video's DASH files on exactly {@link Cluster#REPLICAS} storage nodes. */
    private static boolean everyFileOnExactlyReplicas(SiteClient site, String id) {
        List<String> files = site.dashFilesOf(id);
        return files.stream().allMatch(file -> cluster.storageNodes().stream()
                .filter(node -> node.filesOf(id).contains(file)).count() == Cluster.REPLICAS);
    }

    private static void assertEveryFilePlays(SiteClient site, String id) {
        for (String file : site.dashFilesOf(id)) {
            assertEquals(200, site.getBytes(SiteClient.contentPath(id, file)).statusCode(), id + "/" + file);
        }
    }
}
