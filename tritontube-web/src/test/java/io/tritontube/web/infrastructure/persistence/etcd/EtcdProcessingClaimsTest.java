package io.tritontube.web.infrastructure.persistence.etcd;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.testkit.FreePorts;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.VideoId;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * Processing claims against a real 3-member etcd cluster, each test in its own key prefix. Each
 * {@link EtcdProcessingClaims} stands for one web server: it has a lease of its own.
 */
class EtcdProcessingClaimsTest extends ServerLeaseFixture<EtcdProcessingClaims> {

    private static final VideoId CLIP = VideoId.of("clip ü?#%");

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
        serverThatCrashesAfter(doomed -> assertTrue(doomed.claim(CLIP)));

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

    @Override
    EtcdProcessingClaims server(EtcdConnection etcd, String keyPrefix, ScheduledExecutorService leaseRenewals) {
        return new EtcdProcessingClaims(etcd, keyPrefix, TTL, leaseRenewals);
    }
}
