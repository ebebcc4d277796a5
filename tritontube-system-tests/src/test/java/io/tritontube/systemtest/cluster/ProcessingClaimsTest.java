package io.tritontube.systemtest.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.systemtest.support.Cluster;
import io.tritontube.systemtest.support.PathSegments;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import java.nio.file.Path;
import java.time.Duration;
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
 * Two web servers on one etcd settle only the processing that really died: restarting one
 * leaves alone the video the other is processing, and the video of a server killed for good is
 * marked failed by the other, its files removed, within the claim's time to live and one look,
 * with no restart of anything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessingClaimsTest {

    /** EtcdProcessingClaims.DEFAULT_TTL: how long a claim outlives its server. */
    private static final Duration CLAIM_TTL = Duration.ofSeconds(15);
    /** How often each server looks for interrupted processing, instead of every 30 s. */
    private static final Duration RECOVERY_PERIOD = Duration.ofSeconds(2);
    /** For the etcd calls and the removal of the files on a loaded machine. */
    private static final Duration SLACK = Duration.ofSeconds(10);
    private static final String REASON = "interrupted by a server restart; upload again";

    private static Cluster cluster;
    private static Cluster.WebServer serverA;
    private static Cluster.WebServer serverB;
    /** A 720p MPEG-4 Part 2 clip: transcoded into a ladder, it takes far longer than a server's restart (about 20 s). */
    private static Path longClip;

    @BeforeAll
    static void startTwoWebServersOnOneEtcd(@TempDir Path videos) {
        longClip = SampleVideos.needingTranscode(videos, "long.mp4", 180, 1280, 720);
        cluster = Cluster.start("processing-claims", 2,
                Map.of("tritontube.processing.recovery-period", "PT" + RECOVERY_PERIOD.toSeconds() + "S"));
        serverA = cluster.web(0);
        serverB = cluster.startWebServer();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aVideoBeingProcessedOnOneServerBecomesReadyWhileTheOtherRestarts() {
        String id = "processed-through-a-restart";
        assertEquals(303, serverA.site().upload(longClip, id + ".mp4").statusCode());

        serverB.site().server().kill();
        serverB.site().server().restart();

        assertEquals("processing", serverB.site().status(id),
                "the restarted server's recovery ran while the other server still processes the video, and left it alone");
        serverA.site().awaitReady(id, Duration.ofMinutes(5));
        for (String file : serverB.site().dashFilesOf(id)) {
            assertEquals(200, serverB.site().getBytes(SiteClient.contentPath(id, file)).statusCode(), id + "/" + file);
        }
    }

    @Test
    @Order(2)
    void theVideoOfAServerKilledForGoodIsFailedByTheOtherWithItsFilesRemoved() {
        String id = "orphaned-by-a-crash";
        assertEquals(303, serverA.site().upload(longClip, id + ".mp4").statusCode());
        assertEquals("processing", serverB.site().status(id));

        serverA.site().server().kill();

        await("the surviving server to mark the video failed").atMost(CLAIM_TTL.plus(RECOVERY_PERIOD).plus(SLACK))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> serverB.site().status(id), status -> !status.equals("processing"));
        assertEquals("failed", serverB.site().status(id));
        String record = serverB.site().get("/api/videos/" + PathSegments.escape(id)).body();
        assertTrue(record.contains(REASON), record);
        await("its files to be removed from every storage node").atMost(SLACK)
                .until(() -> cluster.filesByNode(id).values().stream().allMatch(List::isEmpty));
    }
}
