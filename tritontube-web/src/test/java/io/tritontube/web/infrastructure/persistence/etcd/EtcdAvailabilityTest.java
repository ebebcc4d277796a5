package io.tritontube.web.infrastructure.persistence.etcd;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.testkit.EtcdCluster;
import io.tritontube.web.domain.cluster.ClusterState;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What users notice when etcd members die: nothing with one of three down; with the quorum
 * lost, uploads fail fast with a 503-worthy error while ready videos keep playing; and
 * everything works again once the members return, with the same repositories.
 *
 * <p>Kills members, so it runs on a cluster of its own rather than the shared one.
 */
class EtcdAvailabilityTest {

    /** The connection's timeout plus generous room for a loaded CI machine. */
    private static final Duration FAILS_WITHIN = EtcdConnection.DEFAULT_TIMEOUT.plusSeconds(5);
    /** Well under the timeout: the cached answer must not wait for etcd. */
    private static final Duration CACHED_ANSWER_WITHIN = Duration.ofSeconds(1);
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private static EtcdCluster etcd;
    private EtcdConnection connection;
    private EtcdVideoRepository videos;
    private String prefix;

    @BeforeAll
    static void startOwnCluster() {
        etcd = EtcdCluster.start();
    }

    @AfterAll
    static void stopOwnCluster() {
        etcd.close();
    }

    @BeforeEach
    void connect() {
        connection = EtcdConnection.connect(etcd.clientEndpoints());
        prefix = "/test-" + UUID.randomUUID() + "/";
        videos = new EtcdVideoRepository(connection, prefix);
    }

    @AfterEach
    void restartKilledMembersAndDisconnect() {
        for (int member = 0; member < etcd.size(); member++) {
            if (!etcd.isRunning(member)) {
                etcd.restart(member);
            }
        }
        videos.close();
        connection.close();
    }

    @Test
    void withAnyOneMemberDownUploadsListingAndPlaybackGoOn() throws Exception {
        for (int member = 0; member < etcd.size(); member++) {
            etcd.kill(member);

            Video upload = Video.accepted(VideoId.of("while member " + member + " is down"), Instant.now());
            videos.create(upload);
            videos.update(upload.ready());

            assertEquals(Optional.of(upload.ready()), videos.find(upload.id()));
            assertEquals(upload.ready(), videos.listNewestFirst(Optional.empty(), 1).videos().get(0));
            etcd.restart(member);
        }
        assertEquals(3, videos.listNewestFirst(Optional.empty(), 10).videos().size());
    }

    @Test
    void withTheQuorumLostUploadsFailFastAndReadyVideosStillPlayUntilItReturns() throws Exception {
        Video ready = Video.accepted(VideoId.of("watched before the outage"), Instant.now()).ready();
        videos.create(ready);
        videos.find(ready.id());
        Video unseen = Video.accepted(VideoId.of("never read here"), Instant.now()).ready();
        new EtcdVideoRepository(connection, prefix).create(unseen);

        etcd.kill(1);
        etcd.kill(2);

        Video duringOutage = Video.accepted(VideoId.of("uploaded during the outage"), Instant.now());
        MetadataUnavailableException refused = assertTimeout(FAILS_WITHIN,
                () -> assertThrows(MetadataUnavailableException.class, () -> videos.create(duringOutage)));
        assertTrue(refused.getMessage().contains("create video 'uploaded during the outage'"), refused.getMessage());
        assertThrows(MetadataUnavailableException.class, () -> videos.find(unseen.id()),
                "no cached copy: the store must say it cannot answer, not that the video does not exist");
        assertEquals(Optional.of(ready), assertTimeout(CACHED_ANSWER_WITHIN, () -> videos.find(ready.id())),
                "a ready video keeps playing from the cache");

        etcd.restart(1);
        etcd.restart(2);

        await("uploads accepted again by the same repository").atMost(RECOVERY)
                .ignoreException(MetadataUnavailableException.class)
                .until(() -> {
                    videos.create(duringOutage);
                    return true;
                });
        assertEquals(List.of(duringOutage, unseen, ready), videos.listNewestFirst(Optional.empty(), 10).videos());
    }

    /**
     * The claim's server stays alive throughout, so its videos must never be failed for etcd's
     * outage: while etcd cannot answer it never reads as "not claimed", and once it is back the
     * claim is still there and kept, although the outage lasted longer than its time to live.
     */
    @Test
    void aProcessingClaimOutlivesAnEtcdOutageLongerThanItsTimeToLive() {
        Duration ttl = Duration.ofSeconds(10);
        VideoId video = VideoId.of("processing through the outage");
        ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor();
        try (EtcdProcessingClaims claims = new EtcdProcessingClaims(connection, prefix, ttl, renewals)) {
            assertTrue(claims.claim(video));

            etcd.kill(1);
            etcd.kill(2);
            Instant outageEnd = Instant.now().plus(ttl.plusSeconds(2));
            while (Instant.now().isBefore(outageEnd)) {
                assertThrows(MetadataUnavailableException.class, () -> claims.isClaimed(video),
                        "without a quorum etcd cannot tell, and must not read as unclaimed");
            }
            etcd.restart(1);
            etcd.restart(2);

            await("etcd to answer again").atMost(RECOVERY).ignoreException(MetadataUnavailableException.class)
                    .until(() -> claims.isClaimed(video));
            await("the claim to be kept after the outage").during(ttl.plusSeconds(2)).atMost(ttl.plusSeconds(10))
                    .until(() -> claims.isClaimed(video));
        } finally {
            renewals.shutdownNow();
        }
    }

    @Test
    void aRingChangeMadeAfterEtcdReturnsReachesAWatcherThatLivedThroughTheOutage() throws Exception {
        EtcdClusterStateRepository watchedServer = new EtcdClusterStateRepository(connection, prefix);
        List<ClusterState> heard = new CopyOnWriteArrayList<>();
        try (EtcdConnection otherConnection = EtcdConnection.connect(etcd.clientEndpoints());
             EtcdClusterStateRepository changingServer = new EtcdClusterStateRepository(otherConnection, prefix);
             AutoCloseable watch = watchedServer.watch(heard::add)) {
            for (int member = 0; member < etcd.size(); member++) {
                etcd.kill(member); // whichever member the watch stream was on, it breaks
            }
            for (int member = 0; member < etcd.size(); member++) {
                etcd.restart(member);
            }

            ClusterState ring = new ClusterState(List.of(NodeAddress.of("localhost:8090")), 256, 2, Optional.empty(), 0);
            await("ring stored again").atMost(RECOVERY).ignoreException(MetadataUnavailableException.class)
                    .until(() -> changingServer.compareAndSet(0, ring));

            await("ring change delivered").atMost(RECOVERY).until(() -> !heard.isEmpty());
            assertEquals(ring.nodes(), heard.get(0).nodes());
        } finally {
            watchedServer.close();
        }
    }
}
