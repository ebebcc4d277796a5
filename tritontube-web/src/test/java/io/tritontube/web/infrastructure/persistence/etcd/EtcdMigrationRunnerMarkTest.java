package io.tritontube.web.infrastructure.persistence.etcd;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.testkit.FreePorts;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * The migration runner mark against a real 3-member etcd cluster, each test in its own key
 * prefix. Each {@link EtcdMigrationRunnerMark} stands for one web server.
 */
class EtcdMigrationRunnerMarkTest extends ServerLeaseFixture<EtcdMigrationRunnerMark> {

    @Test
    void onlyOneServerHoldsTheMarkAndOnlyItsHolderGivesItBack() {
        assertFalse(serverB.isHeld());
        assertTrue(serverA.take());
        assertFalse(serverB.take(), "held by another server");
        assertFalse(serverA.take(), "held by this server already: a second change must not share it");

        serverB.release();
        assertTrue(serverB.isHeld(), "a server never gives back another's mark");

        serverA.release();
        assertFalse(serverB.isHeld());
        assertTrue(serverB.take());
    }

    @Test
    void theMarkOfAServerThatDiedEndsWithinItsTimeToLive() {
        serverThatCrashesAfter(doomed -> assertTrue(doomed.take()));

        assertTrue(serverB.isHeld(), "the mark outlives its server for up to its time to live");
        await("the dead server's mark to end").atMost(TTL.plusSeconds(3)).until(() -> !serverB.isHeld());
        assertTrue(serverB.take());
    }

    @Test
    void aLiveServerKeepsItsMarkLongAfterItsTimeToLive() {
        assertTrue(serverA.take());

        await("the mark to stay").during(TTL.multipliedBy(3)).atMost(TTL.multipliedBy(4)).until(serverB::isHeld);
    }

    @Test
    void aServerThatStopsGivesItsMarkBackAtOnce() {
        assertTrue(serverA.take());

        serverA.close();

        assertFalse(serverB.isHeld());
    }

    @Test
    void anEtcdThatDoesNotAnswerIsNeverReadAsNoRunner() {
        try (EtcdConnection nowhere = EtcdConnection.connect("127.0.0.1:" + FreePorts.pick(), Duration.ofSeconds(1))) {
            EtcdMigrationRunnerMark unreachable = server(nowhere);

            assertThrows(MetadataUnavailableException.class, unreachable::isHeld);
            assertThrows(MetadataUnavailableException.class, unreachable::take);
            unreachable.close();
        }
    }

    @Override
    EtcdMigrationRunnerMark server(EtcdConnection etcd, String keyPrefix, ScheduledExecutorService leaseRenewals) {
        return new EtcdMigrationRunnerMark(etcd, keyPrefix, TTL, leaseRenewals);
    }
}
