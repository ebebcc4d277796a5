package io.tritontube.web.infrastructure.persistence.etcd;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.testkit.EtcdCluster;
import io.tritontube.testkit.FreePorts;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.VideoId;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Processing claims against a real 3-member etcd cluster, each test in its own key prefix. Each
 * {@link EtcdProcessingClaims} stands for one web server: it has a lease of its own.
 */
class EtcdProcessingClaimsTest {

    /** Short, so that a claim outliving it is seen in a few seconds. */
    private static final Duration TTL = Duration.ofSeconds(3);
    private static final VideoId CLIP = VideoId.of("clip ü?#%");

    private static EtcdConnection connection;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor();
    private String prefix;
    private EtcdProcessingClaims serverA;
    private EtcdProcessingClaims serverB;

    @BeforeAll
    static void connect() {
        connection = EtcdConnection.connect(EtcdCluster.shared().clientEndpoints());
    }

    @AfterAll
    static void disconnect() {
        connection.close();
    }

    @BeforeEach
    void twoServers() {
        prefix = "/test-" + UUID.randomUUID() + "/";
        serverA = server(connection);
        serverB = server(connection);
    }

    @AfterEach
    void stopServers() {
        serverA.close();
        serverB.close();
        renewals.shutdownNow();
    }

    @Test
    void aClaimIsExclusiveAcrossServersAndOnlyItsHolderReleasesIt() {
        assertTrue(serverA.claim(CLIP));
        assertFalse(serverB.claim(CLIP), "claimed by another server");
        assertFalse(serverA.claim(CLIP), "claimed by this server already: a second upload of the id must not share it");

        serverB.release(CLIP);
        assertTrue(serverB.isClaimed(CLIP), "a server never releases another's claim");

        serverA.release(CLIP);
        assertFalse(serverB.isClaimed(CLIP));
        assertTrue(serverB.claim(CLIP));
    }

    @Test
    void theClaimsOfAServerThatDiedEndWithinTheirTimeToLive() {
        EtcdConnection doomedConnection = EtcdConnection.connect(EtcdCluster.shared().clientEndpoints());
        ScheduledExecutorService doomedRenewals = Executors.newSingleThreadScheduledExecutor();
        EtcdProcessingClaims doomed = new EtcdProcessingClaims(doomedConnection, prefix, TTL, doomedRenewals);
        assertTrue(doomed.claim(CLIP));

        // A crash: renewals stop and the connection goes, without revoking anything.
        doomedRenewals.shutdownNow();
        doomedConnection.close();

        assertTrue(serverB.isClaimed(CLIP), "the claim outlives its server for up to its time to live");
        await("the dead server's claim to end").atMost(TTL.plusSeconds(3))
                .until(() -> !serverB.isClaimed(CLIP));
        assertTrue(serverB.claim(CLIP));
    }

    @Test
    void aLiveServerKeepsItsClaimLongAfterItsTimeToLive() {
        assertTrue(serverA.claim(CLIP));

        await("the claim to stay").during(TTL.multipliedBy(3)).atMost(TTL.multipliedBy(4))
                .until(() -> serverB.isClaimed(CLIP));
    }

    @Test
    void aServerThatStopsEndsItsClaimsAtOnce() {
        assertTrue(serverA.claim(CLIP));

        serverA.close();

        assertFalse(serverB.isClaimed(CLIP));
    }

    @Test
    void anEtcdThatDoesNotAnswerIsNeverReadAsNoClaim() {
        try (EtcdConnection nowhere = EtcdConnection.connect("127.0.0.1:" + FreePorts.pick(), Duration.ofSeconds(1))) {
            EtcdProcessingClaims unreachable = server(nowhere);

            assertThrows(MetadataUnavailableException.class, () -> unreachable.isClaimed(CLIP));
            assertThrows(MetadataUnavailableException.class, () -> unreachable.claim(CLIP));
            unreachable.close();
        }
    }

    private EtcdProcessingClaims server(EtcdConnection etcd) {
        return new EtcdProcessingClaims(etcd, prefix, TTL, renewals);
    }
}
