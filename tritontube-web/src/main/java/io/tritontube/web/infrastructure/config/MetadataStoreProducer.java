package io.tritontube.web.infrastructure.config;

import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteVideoRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds the {@link VideoRepository} of the configured {@code tritontube.metadata.kind}. */
@ApplicationScoped
public class MetadataStoreProducer {

    private static final Logger LOG = Logger.getLogger(MetadataStoreProducer.class.getName());

    @Inject
    TritonTubeSettings settings;

    @Produces
    @ApplicationScoped
    VideoRepository videoRepository() {
        MetadataKind kind = settings.metadataKind();
        String options = settings.metadataOptions();
        LOG.log(Level.INFO, "video metadata: {0} {1}", new Object[] {kind, options});
        return switch (kind) {
            case SQLITE -> SqliteVideoRepository.open(Path.of(options));
            case ETCD -> throw new IllegalStateException("tritontube.metadata.kind etcd is not wired yet");
        };
    }

    void close(@Disposes VideoRepository repository) {
        repository.close();
    }
}
