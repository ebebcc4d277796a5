package io.tritontube.systemtest.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.proto.admin.AddNodeRequest;
import io.tritontube.proto.admin.ListNodesRequest;
import io.tritontube.systemtest.support.Cluster;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import io.tritontube.testkit.StorageDaemonProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web servers sharing one etcd serve one site: a second server sees the same videos and ring,
 * a node added through one is seen by the other, and a restarted server keeps both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRingTest {

    private static Cluster cluster;
    private static Cluster.WebServer first;
    private static Cluster.WebServer second;

    @BeforeAll
    static void startTwoWebServers(@TempDir Path videos) {
        cluster = Cluster.start("shared-ring", 3);
        first = cluster.web(0);
        assertEquals(303, first.site().upload(SampleVideos.testPattern(videos, "clip.mp4", 3), "shared.mp4").statusCode());
        first.site().awaitReady("shared", Duration.ofMinutes(3));
        second = cluster.startWebServer();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aSecondWebServerServesTheSameVideosFromTheSameRing() {
        assertEquals(nodes(first), nodes(second));
        assertTrue(second.site().get("/api/videos").body().contains("\"shared\""));
        assertEquals(200, second.site().getBytes(SiteClient.contentPath("shared", "manifest.mpd")).statusCode());
    }

    @Test
    @Order(2)
    void aNodeAddedThroughOneServerIsSeenByTheOther() {
        StorageDaemonProcess fourth = cluster.startStorageNode();

        first.admin().addNode(AddNodeRequest.newBuilder().setNodeAddress(fourth.address()).build());

        await("the second server to see the new node").atMost(Duration.ofSeconds(30))
                .until(() -> nodes(second).contains(fourth.address()));
        assertEquals(nodes(first), nodes(second));
        assertEquals(200, second.site().getBytes(SiteClient.contentPath("shared", "manifest.mpd")).statusCode());
    }

    @Test
    @Order(3)
    void aRestartedWebServerKeepsItsVideosAndItsRing() {
        List<String> ring = nodes(first);

        first.site().server().kill();
        first.site().server().restart();

        assertEquals(ring, nodes(first));
        assertEquals("ready", first.site().status("shared"));
        assertEquals(200, first.site().getBytes(SiteClient.contentPath("shared", "manifest.mpd")).statusCode());
    }

    private static List<String> nodes(Cluster.WebServer web) {
        return web.admin().listNodes(ListNodesRequest.getDefaultInstance()).getNodesList();
    }
}
