package io.tritontube.systemtest.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import io.tritontube.systemtest.support.Cluster;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site against a real 3-member etcd cluster losing members: one down disturbs nobody; two
 * down stop uploads with a clear 503 while ready videos keep playing; members back, everything
 * recovers without a restart. The steps build on each other and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtcdAvailabilityTest {

    private static Cluster cluster;
    private static SiteClient site;
    private static Path clip;

    @BeforeAll
    static void startCluster(@TempDir Path videos) {
        cluster = Cluster.start("etcd-availability", 3);
        site = cluster.web(0).site();
        clip = SampleVideos.testPattern(videos, "clip.mp4", 3);
        assertEquals(303, site.upload(clip, "before-the-outage.mp4").statusCode());
        site.awaitReady("before-the-outage", Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void withOneMemberDownUploadsListingAndPlaybackGoOn() {
        cluster.etcd().kill(0);

        assertEquals(303, site.upload(clip, "one-member-down.mp4").statusCode());
        site.awaitReady("one-member-down", Duration.ofMinutes(3));
        assertTrue(site.get("/api/videos").body().contains("\"one-member-down\""));
        assertPlays("before-the-outage");
        assertPlays("one-member-down");
    }

    @Test
    @Order(2)
    void withQuorumLostUploadsGet503AndReadyVideosKeepPlaying() {
        cluster.etcd().kill(1);

        HttpResponse<String> upload = site.upload(clip, "no-quorum.mp4");

        assertEquals(503, upload.statusCode(), upload.body());
        assertTrue(!upload.body().isBlank(), "a message says why");
        assertPlays("before-the-outage");
        assertEquals(200, site.get("/videos/before-the-outage").statusCode());
    }

    @Test
    @Order(3)
    void whenQuorumReturnsEverythingRecoversWithoutARestart() {
        cluster.etcd().restart(0);
        cluster.etcd().restart(1);
        cluster.etcd().awaitHealthy();

        await("uploads to be accepted again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> site.upload(clip, "after-the-outage.mp4").statusCode(), status -> status == 303 || status == 409);
        site.awaitReady("after-the-outage", Duration.ofMinutes(3));
        assertTrue(site.get("/api/videos").body().contains("\"after-the-outage\""));
    }

    private static void assertPlays(String id) {
        assertEquals(200, site.getBytes(SiteClient.contentPath(id, "manifest.mpd")).statusCode(), id + " manifest");
        assertEquals(200, site.getBytes(SiteClient.contentPath(id, "init-0.m4s")).statusCode(), id + " init segment");
        assertEquals(200, site.getBytes(SiteClient.contentPath(id, "chunk-0-00001.m4s")).statusCode(), id + " first segment");
    }
}
