package io.tritontube.web.infrastructure.content.nw;

import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.storage.client.StorageClient;
import io.tritontube.web.application.cluster.ClusterMembershipService;
import io.tritontube.web.domain.cluster.ClusterStateRepository;
import io.tritontube.web.domain.cluster.HashRing;
import io.tritontube.web.domain.cluster.RingPlacement;
import io.tritontube.web.infrastructure.config.MetadataKind;
import io.tritontube.web.infrastructure.config.TritonTubeSettings;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdClusterStateRepository;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdConnection;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteClusterStateRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code nw} content kind, assembled: one client per storage node, the ring content
 * store, the ring's membership (in SQLite or etcd, with the metadata) and the service that
 * changes it. Created on first use, so a server running the {@code fs} kind never builds it.
 *
 * <table>
 * <caption>Settings read here (MicroProfile Config: system property or environment variable)</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code tritontube.ring.vnodes}</td><td>{@value HashRing#DEFAULT_VIRTUAL_NODES}</td>
 *     <td>virtual nodes per storage node (the launcher's {@code -vnodes})</td></tr>
 * <tr><td>{@code tritontube.ring.replicas}</td><td>{@value HashRing#DEFAULT_REPLICAS}</td>
 *     <td>copies of each file (the launcher's {@code -replicas})</td></tr>
 * <tr><td>{@code tritontube.ring.repair-check-seconds}</td><td>30</td>
 *     <td>how often to look for nodes that came back and need a repair</td></tr>
 * <tr><td>{@code tritontube.grpc.token}</td><td>none</td>
 *     <td>bearer token the admin service requires and the storage nodes are sent</td></tr>
 * <tr><td>{@code tritontube.grpc.tls.cert}, {@code tritontube.grpc.tls.key}</td><td>none</td>
 *     <td>PEM certificate chain and key the admin service presents (TLS when set)</td></tr>
 * <tr><td>{@code tritontube.grpc.tls.ca}</td><td>none</td>
 *     <td>PEM certificates trusted for the storage nodes (TLS to them when set)</td></tr>
 * </table>
 * The environment variables are the keys upper-cased with {@code _}: {@code TRITONTUBE_GRPC_TOKEN},
 * {@code TRITONTUBE_GRPC_TLS_CERT}, ..., the same the storage daemons and admin CLI read.
 */
@ApplicationScoped
public class StorageRing {

    private static final Logger LOG = Logger.getLogger(StorageRing.class.getName());

    @Inject
    TritonTubeSettings settings;

    @Inject
    @ConfigProperty(name = "tritontube.ring.vnodes")
    Optional<Integer> virtualNodes;

    @Inject
    @ConfigProperty(name = "tritontube.ring.replicas")
    Optional<Integer> replicas;

    @Inject
    @ConfigProperty(name = "tritontube.ring.repair-check-seconds", defaultValue = "30")
    long repairCheckSeconds;

    @Inject
    @ConfigProperty(name = "tritontube.grpc.token")
    Optional<String> token;

    @Inject
    @ConfigProperty(name = "tritontube.grpc.tls.cert")
    Optional<String> tlsCertificate;

    @Inject
    @ConfigProperty(name = "tritontube.grpc.tls.key")
    Optional<String> tlsPrivateKey;

    @Inject
    @ConfigProperty(name = "tritontube.grpc.tls.ca")
    Optional<String> tlsTrustedCa;

    /** The metadata's etcd connection, shared; resolved only when the metadata lives in etcd. */
    @Inject
    Instance<EtcdConnection> etcd;

    @Resource
    ManagedThreadFactory threads;

    private NetworkContentOptions options;
    private GrpcSecuritySettings security;
    private ExecutorService clientThreads;
    private ClusterStateRepository repository;
    private RingContentStore store;
    private ClusterMembershipService membership;

    @PostConstruct
    void assemble() {
        options = NetworkContentOptions.parse(settings.contentOptions());
        security = new GrpcSecuritySettings(token.orElse(null),
                GrpcSecuritySettings.pathOrNull(tlsCertificate.orElse(null)),
                GrpcSecuritySettings.pathOrNull(tlsPrivateKey.orElse(null)),
                GrpcSecuritySettings.pathOrNull(tlsTrustedCa.orElse(null)));
        clientThreads = Executors.newCachedThreadPool(threads);
        StorageNodeClients clients = new StorageNodeClients(node -> StorageClient.builder(node.value())
                .security(security).executor(clientThreads).build());
        store = new RingContentStore(clients, RingPlacement.empty());
        repository = openMembershipRepository();
        membership = new ClusterMembershipService(repository, store, threads, Duration.ofSeconds(repairCheckSeconds));
        membership.start(options.seedNodes(), virtualNodes.orElse(HashRing.DEFAULT_VIRTUAL_NODES),
                replicas.orElse(HashRing.DEFAULT_REPLICAS));
        LOG.log(Level.INFO, "Storage ring ready: {0}", store.placement().serving());
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

    @PreDestroy
    void shutDown() {
        membership.close();
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
}
