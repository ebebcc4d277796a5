package io.tritontube.web.interfaces.admin;

import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.infrastructure.config.ContentKind;
import io.tritontube.web.infrastructure.config.TritonTubeSettings;
import io.tritontube.web.infrastructure.content.nw.StorageRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;

/**
 * Starts the admin gRPC service when the application starts with the {@code nw} content
 * kind, on the first address of the nw option, and stops it before the application's beans
 * go away. A failure to bind fails the deployment: a ring nobody can administer is a
 * misconfiguration to fix, not to run with.
 */
@ApplicationScoped
public class AdminEndpoint {

    /** Long enough for short calls to finish; a running migration is rolled back or resumed later anyway. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    @Inject
    TritonTubeSettings settings;

    @Inject
    Instance<StorageRing> storageRing;

    private AdminGrpcServer server;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) throws IOException {
        if (settings.contentKind() != ContentKind.NW) {
            return;
        }
        StorageRing ring = storageRing.get();
        NodeAddress address = ring.options().adminAddress();
        server = AdminGrpcServer.start(address.host(), address.port(), ring.membership(), ring.security());
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping) {
        if (server != null) {
            server.stop(STOP_GRACE);
            server = null;
        }
    }
}
