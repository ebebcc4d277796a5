package io.tritontube.web.infrastructure.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.cluster.ClusterState;
import io.tritontube.web.domain.cluster.ClusterState.Migration;
import io.tritontube.web.domain.cluster.NodeAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteClusterStateRepositoryTest {

    private static final NodeAddress A = NodeAddress.of("localhost:8090");
    private static final NodeAddress B = NodeAddress.of("localhost:8091");
    private static final NodeAddress C = NodeAddress.of("[::1]:8092");

    @TempDir
    Path directory;

    private SqliteClusterStateRepository repository;

    @BeforeEach
    void open() {
        repository = SqliteClusterStateRepository.open(directory.resolve("metadata.db"));
    }

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void isEmptyUntilSeededAndSeedsOnlyOnce() {
        assertTrue(repository.load().isEmpty());

        assertTrue(repository.compareAndSet(0, state(List.of(A, B), Optional.empty())));
        assertFalse(repository.compareAndSet(0, state(List.of(C), Optional.empty())), "a second seed");

        assertEquals(List.of(A, B), repository.load().orElseThrow().nodes());
    }

    @Test
    void storesOnlyOverTheRevisionItWasReadAt() {
        repository.compareAndSet(0, state(List.of(A), Optional.empty()));
        long seeded = repository.load().orElseThrow().revision();

        assertTrue(repository.compareAndSet(seeded, state(List.of(A, B), Optional.empty())));
        assertFalse(repository.compareAndSet(seeded, state(List.of(A, C), Optional.empty())), "a stale writer");

        ClusterState stored = repository.load().orElseThrow();
        assertEquals(List.of(A, B), stored.nodes());
        assertTrue(stored.revision() > seeded);
    }

    @Test
    void keepsAMigrationAndTheSettingsAcrossARestart() {
        Migration adding = new Migration(Migration.Kind.ADD, C, List.of(A, B), List.of(A, B, C));
        repository.compareAndSet(0, state(List.of(A, B), Optional.of(adding)));
        repository.close();

        repository = SqliteClusterStateRepository.open(directory.resolve("metadata.db"));
        ClusterState reloaded = repository.load().orElseThrow();

        assertEquals(Optional.of(adding), reloaded.migration());
        assertEquals(List.of(A, B), reloaded.nodes());
        assertEquals(64, reloaded.virtualNodes());
        assertEquals(3, reloaded.replicas());
    }

    @Test
    void tellsWatchersEveryStoredStateUntilTheyStop() throws Exception {
        List<ClusterState> seen = new CopyOnWriteArrayList<>();
        AutoCloseable watch = repository.watch(seen::add);

        repository.compareAndSet(0, state(List.of(A), Optional.empty()));
        repository.compareAndSet(0, state(List.of(B), Optional.empty()));
        watch.close();
        repository.compareAndSet(repository.load().orElseThrow().revision(), state(List.of(C), Optional.empty()));

        assertEquals(1, seen.size(), "only the one successful store while watching");
        assertEquals(List.of(A), seen.get(0).nodes());
        assertTrue(seen.get(0).revision() > 0);
    }

    private static ClusterState state(List<NodeAddress> nodes, Optional<Migration> migration) {
        return new ClusterState(nodes, 64, 3, migration, 0);
    }
}
