package io.tritontube.web.application.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.testkit.EtcdCluster;
import io.tritontube.web.domain.cluster.ClusterState;
import io.tritontube.web.domain.cluster.ClusterState.Migration;
import io.tritontube.web.domain.cluster.HashRing;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.infrastructure.content.nw.LocalStorageNodes;
import io.tritontube.web.infrastructure.content.nw.RingContentStore;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdClusterStateRepository;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdConnection;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdMigrationRunnerMark;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdRepairLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration whose web server died for good is finished by another web server of the same
 * etcd, without any restart: two membership services on a real etcd cluster and real storage
 * daemons, each with a connection, runner mark and lease of its own.
 */
class OrphanedMigrationTakeoverTest {

    private static final int VIRTUAL_NODES = 32;
    private static final int REPLICAS = 2;
    /** Short, so that the dead server's mark ends in a few seconds. */
    private static final Duration MARK_TTL = Duration.ofSeconds(3);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(200);

    @TempDir
    Path temp;

    private final String prefix = "/test-" + UUID.randomUUID() + "/";
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<ContentKey> uploaded = new ArrayList<>();
    private LocalStorageNodes nodes;
    private List<NodeAddress> seed;

    @BeforeEach
    void startThreeNodes() throws Exception {
        nodes = new LocalStorageNodes(temp.resolve("nodes"));
        toClose.add(nodes);
        seed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seed.add(nodes.start());
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void aMigrationWhoseServerDiedIsFinishedByAnotherServerOnlyOnceTheDeadServersMarkEnds() throws Exception {
        WebServer doomed = new WebServer();
        WebServer survivor = new WebServer();
        upload(doomed, 4, 10);
        NodeAddress fourth = nodes.start();
        // Step 1 of an AddNode, as the doomed server runs it: take the mark, store the migration.
        assertTrue(doomed.runner.take());
        storeMigration(doomed.repository, fourth);
        await().atMost(Duration.ofSeconds(10)).until(() -> survivor.store.placement().migratingTo().isPresent());

        // While its server lives, nobody else touches the migration, however long it takes.
        await("the migration to stay with its live runner").during(MARK_TTL.multipliedBy(2))
                .atMost(MARK_TTL.multipliedBy(3)).until(() -> survivor.repository.load().orElseThrow().migration().isPresent());

        doomed.die();

        await("the survivor to finish the migration").atMost(MARK_TTL.plusSeconds(10))
                .until(() -> survivor.repository.load().orElseThrow().migration().isEmpty());
        List<NodeAddress> grown = new ArrayList<>(seed);
        grown.add(fourth);
        assertEquals(grown, survivor.repository.load().orElseThrow().nodes());
        HashRing after = HashRing.of(grown, VIRTUAL_NODES, REPLICAS);
        await().atMost(Duration.ofSeconds(10)).until(() -> after.equals(survivor.store.placement().serving()));
        // The copies the new ring no longer needs are deleted just after the switch.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (ContentKey key : uploaded) {
                assertEquals(Set.copyOf(after.ownersOf(key.ringKey())), nodes.holdersOf(key.ringKey()), "holders of " + key);
            }
        });
        assertTrue(survivor.membership.addNode(nodes.start().value()) > 0, "changes are accepted again");
    }

    /** One web server: its own etcd connection, repositories, runner mark and membership service. */
    private final class WebServer {
        final EtcdConnection etcd = EtcdConnection.connect(EtcdCluster.shared().clientEndpoints());
        final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor();
        final EtcdClusterStateRepository repository = new EtcdClusterStateRepository(etcd, prefix);
        final RingContentStore store = new RingContentStore(nodes.clients(), new EtcdRepairLedger(etcd, prefix));
        final EtcdMigrationRunnerMark runner = new EtcdMigrationRunnerMark(etcd, prefix, MARK_TTL, renewals);
        final ClusterMembershipService membership = new ClusterMembershipService(repository, store, video -> true,
                runner, Executors.defaultThreadFactory(), CHECK_INTERVAL);
        private boolean dead;

        WebServer() {
            membership.start(seed, VIRTUAL_NODES, REPLICAS);
            toClose.add(this::stop);
        }

        /** As kill -9 does: everything stops and the connection goes, and nothing is given back. */
        void die() {
            dead = true;
            membership.close();
            renewals.shutdownNow();
            etcd.close();
        }

        private void stop() {
            if (!dead) {
                membership.close();
                runner.close();
                renewals.shutdownNow();
            }
            store.close();
            repository.close();
            if (!dead) {
                etcd.close();
            }
        }
    }

    private void upload(WebServer web, int videos, int filesPerVideo) throws Exception {
        Random random = new Random(7);
        for (int v = 0; v < videos; v++) {
            for (int f = 0; f < filesPerVideo; f++) {
                ContentKey key = new ContentKey(VideoId.of("video " + v), ContentFileName.of("chunk-" + f + ".m4s"));
                byte[] bytes = new byte[1000 + random.nextInt(2000)];
                random.nextBytes(bytes);
                web.store.put(key, Files.write(Files.createTempFile(temp, "upload", ".bin"), bytes));
                uploaded.add(key);
            }
        }
    }

    private static void storeMigration(EtcdClusterStateRepository repository, NodeAddress added) {
        ClusterState state = repository.load().orElseThrow();
        List<NodeAddress> grown = new ArrayList<>(state.nodes());
        grown.add(added);
        Migration migration = new Migration(Migration.Kind.ADD, added, state.nodes(), grown);
        assertTrue(repository.compareAndSet(state.revision(), new ClusterState(state.nodes(), state.virtualNodes(),
                state.replicas(), Optional.of(migration), 0)));
    }
}
