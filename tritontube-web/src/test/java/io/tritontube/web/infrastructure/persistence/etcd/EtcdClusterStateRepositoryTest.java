package io.tritontube.web.infrastructure.persistence.etcd;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.testkit.EtcdCluster;
import io.tritontube.web.domain.cluster.ClusterState;
import io.tritontube.web.domain.cluster.ClusterState.Migration;
import io.tritontube.web.domain.cluster.NodeAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ring's membership against a real 3-member etcd cluster. Two repositories with their own
 * connections stand for two web servers that share nothing but the etcd endpoints.
 */
class EtcdClusterStateRepositoryTest {

    private static final NodeAddress N8090 = NodeAddress.of("localhost:8090");
    private static final NodeAddress N8091 = NodeAddress.of("localhost:8091");
    private static final NodeAddress N8096 = NodeAddress.of("localhost:8096");
    private static final Duration DELIVERY = Duration.ofSeconds(10);

    private EtcdConnection firstServersEtcd;
    private EtcdConnection secondServersEtcd;
    private EtcdClusterStateRepository firstServer;
    private EtcdClusterStateRepository secondServer;

    @BeforeEach
    void twoServersOnOneEtcd() {
        String endpoints = EtcdCluster.shared().clientEndpoints();
        String prefix = "/test-" + UUID.randomUUID() + "/";
        firstServersEtcd = EtcdConnection.connect(endpoints);
        secondServersEtcd = EtcdConnection.connect(endpoints);
        firstServer = new EtcdClusterStateRepository(firstServersEtcd, prefix);
        secondServer = new EtcdClusterStateRepository(secondServersEtcd, prefix);
    }

    @AfterEach
    void stopServers() {
        firstServer.close();
        secondServer.close();
        firstServersEtcd.close();
        secondServersEtcd.close();
    }

    @Test
    void theFirstStateIsStoredOnlyWhenNoneIs() {
        assertEquals(Optional.empty(), firstServer.load());

        assertTrue(firstServer.compareAndSet(0, ring(List.of(N8090, N8091), Optional.empty())));
        assertFalse(secondServer.compareAndSet(0, ring(List.of(N8096), Optional.empty())), "a second seed loses");

        ClusterState stored = secondServer.load().orElseThrow();
        assertEquals(List.of(N8090, N8091), stored.nodes());
        assertEquals(256, stored.virtualNodes());
        assertEquals(2, stored.replicas());
        assertTrue(stored.revision() > 0);
    }

    @Test
    void aWriterWithAStaleRevisionLosesAndChangesNothing() {
        firstServer.compareAndSet(0, ring(List.of(N8090), Optional.empty()));
        long readByBoth = firstServer.load().orElseThrow().revision();

        Migration adding = new Migration(Migration.Kind.ADD, N8096, List.of(N8090), List.of(N8090, N8096));
        assertTrue(firstServer.compareAndSet(readByBoth, ring(List.of(N8090), Optional.of(adding))));
        assertFalse(secondServer.compareAndSet(readByBoth, ring(List.of(N8090, N8091), Optional.empty())));

        ClusterState stored = secondServer.load().orElseThrow();
        assertEquals(List.of(N8090), stored.nodes());
        assertEquals(Optional.of(adding), stored.migration());
        assertTrue(stored.revision() > readByBoth);
    }

    @Test
    void aStateStoredByOneServerReachesTheOtherServersWatcher() throws Exception {
        List<ClusterState> heardBySecond = new CopyOnWriteArrayList<>();
        try (AutoCloseable watch = secondServer.watch(heardBySecond::add)) {
            firstServer.compareAndSet(0, ring(List.of(N8090), Optional.empty()));
            long seeded = firstServer.load().orElseThrow().revision();
            firstServer.compareAndSet(seeded, ring(List.of(N8090, N8096), Optional.empty()));

            await().atMost(DELIVERY).until(() -> heardBySecond.size() == 2);
            assertEquals(List.of(List.of(N8090), List.of(N8090, N8096)),
                    heardBySecond.stream().map(ClusterState::nodes).toList(), "every change, in order");
            assertEquals(firstServer.load(), Optional.of(heardBySecond.get(1)), "with the stored revision");
        }
    }

    @Test
    void aClosedWatchHearsNothingMore() throws Exception {
        List<ClusterState> heardByClosed = new CopyOnWriteArrayList<>();
        List<ClusterState> heardByOpen = new CopyOnWriteArrayList<>();
        AutoCloseable closed = secondServer.watch(heardByClosed::add);
        try (AutoCloseable open = secondServer.watch(heardByOpen::add)) {
            closed.close();

            firstServer.compareAndSet(0, ring(List.of(N8091), Optional.empty()));

            await().atMost(DELIVERY).until(() -> heardByOpen.size() == 1);
            assertEquals(List.of(), heardByClosed);
        }
    }

    private static ClusterState ring(List<NodeAddress> nodes, Optional<Migration> migration) {
        return new ClusterState(nodes, 256, 2, migration, 0);
    }
}
