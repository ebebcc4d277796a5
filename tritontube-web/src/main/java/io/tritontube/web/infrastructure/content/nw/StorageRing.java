package io.tritontube.web.infrastructure.content.nw;

import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.storage.client.StorageClient;
import io.tritontube.web.application.cluster.ClusterMembershipService;
import io.tritontube.web.application.cluster.VideoRecords;
import io.tritontube.web.domain.cluster.ClusterStateRepository;
import io.tritontube.web.domain.cluster.MigrationRunnerMark;
import io.tritontube.web.domain.cluster.RepairLedger;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.infrastructure.config.MetadataKind;
import io.tritontube.web.infrastructure.config.TritonTubeSettings;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdClusterStateRepository;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdConnection;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdMigrationRunnerMark;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdRepairLedger;
import io.tritontube.web.infrastructure.persistence.sqlite.LocalMigrationRunnerMark;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteClusterStateRepository;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteRepairLedger;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The {@code nw} content kind, assembled: one client per storage node, the ring content
 * store, the ring's membership, repair ledger and migration runner mark (in SQLite or etcd,
 * with the metadata) and the service that changes them. Created on first use, so a server running the {@code fs} kind
 * never builds it. Its settings are the {@code tritontube.ring.*} and {@code tritontube.grpc.*}
 * keys of {@link TritonTubeSettings}.
 *
 * <p>Assembling never waits for etcd: when it does not answer, the ring is loaded in the
 * background ({@link ClusterMembershipService#start}) and {@link #isLoaded()} is false meanwhile.
 */
@ApplicationScoped
public class StorageRing {

    @Inject
    TritonTubeSettings settings;

    /** The metadata's etcd connection, shared; resolved only when the metadata lives in etcd. */
    @Inject
    Instance<EtcdConnection> etcd;

    /** Asked by the repair pass whether a video still has its record. */
    @Inject
    VideoRepository videos;

    @Resource
    ManagedThreadFactory threads;

    private NetworkContentOptions options;
    private GrpcSecuritySettings security;
    private ExecutorService clientThreads;
    private ClusterStateRepository repository;
    /** Renews the etcd lease of the migration runner mark. */
    private ScheduledExecutorService runnerRenewals;
    private MigrationRunnerMark runner;
    private RingContentStore store;
    private ClusterMembershipService membership;

    @PostConstruct
    void assemble() {
        options = NetworkContentOptions.parse(settings.contentOptions());
        security = settings.grpcSecurity();
        clientThreads = Executors.newCachedThreadPool(threads);
        Duration firstAnswerTimeout = settings.storageFirstAnswerTimeout();
        StorageNodeClients clients = new StorageNodeClients(node -> StorageClient.builder(node.value())
                .security(security).executor(clientThreads).firstAnswerTimeout(firstAnswerTimeout).build());
        store = new RingContentStore(clients, openRepairLedger());
        repository = openMembershipRepository();
        VideoRecords records = video -> videos.find(video).isPresent();
        runnerRenewals = Executors.newSingleThreadScheduledExecutor(threads);
        runner = openRunnerMark();
        membership = new ClusterMembershipService(repository, store, records, runner, threads,
                settings.repairCheckInterval());
        membership.start(options.seedNodes(), settings.ringVirtualNodes(), settings.ringReplicas());
    }

    public RingContentStore store() {
        return store;
    }

    public ClusterMembershipService membership() {
        return membership;
    }

    public NetworkContentOptions options() {
        return options;
    }

    /** Token and TLS for this server's gRPC endpoints and calls. */
    public GrpcSecuritySettings security() {
        return security;
    }

    /** Whether the ring's membership is loaded: until then files can be neither read nor stored. */
    public boolean isLoaded() {
        return store.isLoaded();
    }

    @PreDestroy
    void shutDown() {
        membership.close();
        runner.close();
        runnerRenewals.shutdownNow();
        store.close();
        clientThreads.shutdownNow();
        repository.close();
    }

    /** The ring's membership lives with the metadata: in its SQLite file, or in its etcd. */
    private ClusterStateRepository openMembershipRepository() {
        if (settings.metadataKind() == MetadataKind.SQLITE) {
            return SqliteClusterStateRepository.open(Path.of(settings.metadataOptions()));
        }
        return new EtcdClusterStateRepository(etcd.get());
    }

    /**
     * The migration runner mark lives with the ring's membership: in etcd, where every web server
     * sees it; in memory with SQLite, whose file belongs to this one server.
     */
    private MigrationRunnerMark openRunnerMark() {
        if (settings.metadataKind() == MetadataKind.SQLITE) {
            return new LocalMigrationRunnerMark();
        }
        return new EtcdMigrationRunnerMark(etcd.get(), runnerRenewals);
    }

    /** The repair ledger lives with the ring's membership. */
    private RepairLedger openRepairLedger() {
        if (settings.metadataKind() == MetadataKind.SQLITE) {
            return SqliteRepairLedger.open(Path.of(settings.metadataOptions()));
        }
        return new EtcdRepairLedger(etcd.get());
    }
}
