package io.tritontube.web.infrastructure.persistence.etcd;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.testkit.EtcdCluster;
import io.tritontube.testkit.FreePorts;
import io.tritontube.web.domain.video.MetadataUnavailableException;
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
 * The migration runner mark against a real 3-member etcd cluster, each test in its own key
 * prefix. Each {@link EtcdMigrationRunnerMark} stands for one web server.
 */
class EtcdMigrationRunnerMarkTest {

    /** Short, so that a mark outliving it is seen in a few seconds. */
    private static final Duration TTL = Duration.ofSeconds(3);

    private static EtcdConnection connection;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor();
    private String prefix;
    private EtcdMigrationRunnerMark serverA;
    private EtcdMigrationRunnerMark serverB;

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
        EtcdConnection doomedConnection = EtcdConnection.connect(EtcdCluster.shared().clientEndpoints());
        ScheduledExecutorService doomedRenewals = Executors.newSingleThreadScheduledExecutor();
        EtcdMigrationRunnerMark doomed = new EtcdMigrationRunnerMark(doomedConnection, prefix, TTL, doomedRenewals);
        assertTrue(doomed.take());

        // A crash: renewals stop and the connection goes, without revoking anything.
        doomedRenewals.shutdownNow();
        doomedConnection.close();

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

    private EtcdMigrationRunnerMark server(EtcdConnection etcd) {
        return new EtcdMigrationRunnerMark(etcd, prefix, TTL, renewals);
    }
}
