package io.tritontube.web.infrastructure.config;

import io.tritontube.web.application.RecoveryPeriod;
import io.tritontube.web.domain.video.ProcessingClaims;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdConnection;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdProcessingClaims;
import io.tritontube.web.infrastructure.persistence.etcd.EtcdVideoRepository;
import io.tritontube.web.infrastructure.persistence.sqlite.LocalProcessingClaims;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteVideoRepository;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the {@link VideoRepository} and the {@link ProcessingClaims} of the configured
 * {@code tritontube.metadata.kind}, and, for etcd, the one client connection that the metadata,
 * the claims and the ring's membership share.
 */
@ApplicationScoped
public class MetadataStoreProducer {

    private static final Logger LOG = Logger.getLogger(MetadataStoreProducer.class.getName());

    @Inject
    TritonTubeSettings settings;

    /** Renews the etcd lease of this server's processing claims. */
    @Resource
    ManagedScheduledExecutorService scheduler;

    private EtcdConnection etcd;

    @Produces
    @ApplicationScoped
    VideoRepository videoRepository() {
        MetadataKind kind = settings.metadataKind();
        String options = settings.metadataOptions();
        LOG.log(Level.INFO, "video metadata: {0} {1}", new Object[] {kind, options});
        return switch (kind) {
            case SQLITE -> SqliteVideoRepository.open(Path.of(options));
            case ETCD -> new EtcdVideoRepository(etcdConnection());
        };
    }

    void close(@Disposes VideoRepository repository) {
        repository.close();
    }

    /** In the server's memory for SQLite, whose file no other server shares; in etcd, under a lease of this server's. */
    @Produces
    @ApplicationScoped
    ProcessingClaims processingClaims() {
        return switch (settings.metadataKind()) {
            case SQLITE -> new LocalProcessingClaims();
            case ETCD -> new EtcdProcessingClaims(etcdConnection(), scheduler);
        };
    }

    void close(@Disposes ProcessingClaims claims) {
        claims.close();
    }

    @Produces
    @Singleton
    RecoveryPeriod recoveryPeriod() {
        return new RecoveryPeriod(settings.processingRecoveryPeriod());
    }

    /**
     * The etcd connection, opened on first use and closed with this bean: every user gets the
     * same one, so its lifetime is this bean's, not the injection point's.
     */
    @Produces
    @Dependent
    synchronized EtcdConnection etcdConnection() {
        if (settings.metadataKind() != MetadataKind.ETCD) {
            throw new IllegalStateException("no etcd connection: tritontube.metadata.kind is " + settings.metadataKind());
        }
        if (etcd == null) {
            etcd = EtcdConnection.connect(settings.metadataOptions());
        }
        return etcd;
    }

    @PreDestroy
    synchronized void closeEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }
}
