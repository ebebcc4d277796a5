package io.tritontube.web.interfaces.monitoring;

import io.tritontube.web.infrastructure.config.ContentKind;
import io.tritontube.web.infrastructure.config.TritonTubeSettings;
import io.tritontube.web.infrastructure.content.nw.StorageRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Migration progress. {@code tritontube_migration_in_progress}: 1 while storage nodes are being
 * added or removed (the stored ring names a ring it migrates to), else 0, read from the ring
 * this server follows, so every web server of a cluster reports a migration that any of them
 * runs. {@code tritontube_migration_file_copies}: the file copies this server's migrations have
 * written since it started, growing while one runs. Registered only for the {@code nw} content
 * kind, the only one with a ring.
 */
@ApplicationScoped
public class MigrationGauge {

    @Inject
    TritonTubeSettings settings;

    @Inject
    Instance<StorageRing> storageRing;

    @Inject
    MetricRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (settings.contentKind() != ContentKind.NW) {
            return;
        }
        StorageRing ring = storageRing.get();
        registry.gauge(Metadata.builder().withName("tritontube_migration_in_progress")
                        .withDescription("1 while storage nodes are being added or removed").build(),
                ring, r -> r.store().placement().migratingTo().isPresent() ? 1 : 0);
        registry.gauge(Metadata.builder().withName("tritontube_migration_file_copies")
                        .withDescription("file copies written by migrations since this server started").build(),
                ring, r -> r.membership().migratedCopies());
    }
}
