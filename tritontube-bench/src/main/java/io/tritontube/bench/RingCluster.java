package io.tritontube.bench;

import io.tritontube.storage.client.StorageClient;
import io.tritontube.testkit.StorageDaemonProcess;
import io.tritontube.web.application.ContentPublisher;
import io.tritontube.web.application.cluster.ClusterMembershipService;
import io.tritontube.web.domain.cluster.HashRing;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.infrastructure.content.nw.RingContentStore;
import io.tritontube.web.infrastructure.content.nw.StorageNodeClients;
import io.tritontube.web.infrastructure.persistence.sqlite.LocalMigrationRunnerMark;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteClusterStateRepository;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteRepairLedger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Storage daemons as real processes, and in this JVM the web tier's side of them as the web
 * server assembles it ({@code StorageRing}): one client per node, the ring content store, the
 * membership service (its state in SQLite) and the content publisher with the server's
 * settings.
 */
final class RingCluster implements AutoCloseable {

    /** The server's storage executor runs 8 puts at once ({@code VideoProcessingService}). */
    static final int PUBLISHING_THREADS = 8;
    /** The server's bound on bytes in flight per video ({@code VideoProcessingService.MAX_BYTES_IN_FLIGHT}). */
    static final int MAX_BYTES_IN_FLIGHT = 64 * 1024 * 1024;

    private final Path directory;
    private final List<StorageDaemonProcess> daemons = new ArrayList<>();
    private final ExecutorService clientThreads = Executors.newCachedThreadPool();
    private final ExecutorService publishingThreads = Executors.newFixedThreadPool(PUBLISHING_THREADS);
    private final StorageNodeClients clients;
    private final RingContentStore store;
    private final SqliteClusterStateRepository repository;
    private final LocalMigrationRunnerMark migrationRunner = new LocalMigrationRunnerMark();
    private final ClusterMembershipService membership;
    private final ContentPublisher publisher;

    private RingCluster(Path directory) {
        this.directory = directory;
        this.clients = new StorageNodeClients(node -> StorageClient.builder(node.value()).executor(clientThreads).build());
        this.store = new RingContentStore(clients, SqliteRepairLedger.open(directory.resolve("cluster.db")));
        this.repository = SqliteClusterStateRepository.open(directory.resolve("cluster.db"));
        // Every video the benchmark stores is one it keeps: none is taken for the leftover of a delete.
        this.membership = new ClusterMembershipService(repository, store, video -> true, migrationRunner,
                Executors.defaultThreadFactory(), Duration.ofHours(1));
        this.publisher = new ContentPublisher(store, publishingThreads, MAX_BYTES_IN_FLIGHT);
    }

    /** {@code nodes} daemons in a ring of {@code replicas} copies per file, with the default virtual nodes. */
    static RingCluster start(Path directory, int nodes, int replicas) {
        RingCluster cluster = new RingCluster(directory);
        try {
            for (int i = 0; i < nodes; i++) {
                cluster.startDaemon();
            }
            cluster.membership.start(cluster.addresses(), HashRing.DEFAULT_VIRTUAL_NODES, replicas);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** A further daemon, running but not in the ring. */
    StorageDaemonProcess startDaemon() {
        StorageDaemonProcess daemon = StorageDaemonProcess.start(directory);
        daemons.add(daemon);
        return daemon;
    }

    List<NodeAddress> addresses() {
        return daemons.stream().map(daemon -> NodeAddress.of(daemon.address())).toList();
    }

    RingContentStore store() {
        return store;
    }

    StorageNodeClients clients() {
        return clients;
    }

    ClusterMembershipService membership() {
        return membership;
    }

    ContentPublisher publisher() {
        return publisher;
    }

    @Override
    public void close() {
        membership.close();
        migrationRunner.close();
        store.close();
        repository.close();
        publishingThreads.shutdownNow();
        clientThreads.shutdownNow();
        daemons.forEach(StorageDaemonProcess::close);
    }
}
