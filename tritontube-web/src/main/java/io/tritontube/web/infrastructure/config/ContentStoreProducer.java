package io.tritontube.web.infrastructure.config;

import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.infrastructure.content.fs.FileSystemContentStore;
import io.tritontube.web.infrastructure.content.nw.StorageRing;
import io.tritontube.web.interfaces.monitoring.MonitoredContentStore;
import io.tritontube.web.interfaces.monitoring.SiteMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the {@link ContentStore} of the configured {@code tritontube.content.kind}, counting
 * its failures in the site's metrics.
 */
@ApplicationScoped
public class ContentStoreProducer {

    private static final Logger LOG = Logger.getLogger(ContentStoreProducer.class.getName());

    @Inject
    TritonTubeSettings settings;

    @Inject
    SiteMetrics metrics;

    /** Built only when the nw kind is configured. */
    @Inject
    Instance<StorageRing> storageRing;

    @Produces
    @ApplicationScoped
    ContentStore contentStore() throws IOException {
        ContentKind kind = settings.contentKind();
        String options = settings.contentOptions();
        LOG.log(Level.INFO, "video content: {0} {1}", new Object[] {kind, options});
        ContentStore store = switch (kind) {
            case FS -> new FileSystemContentStore(Path.of(options));
            case NW -> storageRing.get().store();
        };
        return new MonitoredContentStore(store, metrics);
    }

    void close(@Disposes ContentStore store) {
        store.close();
    }
}
