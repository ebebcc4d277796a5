package io.tritontube.web.interfaces.monitoring;

import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.infrastructure.config.TritonTubeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code metadata-store}: up when the store answers a one-video listing, the cheapest read
 * that needs etcd's quorum (a single-record read may be answered from the cache of ready
 * videos, which would hide an outage).
 */
@Readiness
@ApplicationScoped
public class MetadataStoreHealthCheck implements HealthCheck {

    @Inject
    VideoRepository videos;

    @Inject
    TritonTubeSettings settings;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("metadata-store")
                .withData("kind", settings.metadataKind().name().toLowerCase(Locale.ROOT));
        try {
            videos.listNewestFirst(Optional.empty(), 1);
            return check.up().build();
        } catch (MetadataUnavailableException e) {
            return check.down().withData("error", e.getMessage()).build();
        }
    }
}
