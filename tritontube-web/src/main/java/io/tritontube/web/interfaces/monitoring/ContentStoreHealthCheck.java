package io.tritontube.web.interfaces.monitoring;

import io.tritontube.web.application.cluster.ClusterStatus;
import io.tritontube.web.application.cluster.NodeStatus;
import io.tritontube.web.infrastructure.config.ContentKind;
import io.tritontube.web.infrastructure.config.TritonTubeSettings;
import io.tritontube.web.infrastructure.content.nw.RingNotLoadedException;
import io.tritontube.web.infrastructure.content.nw.StorageRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code content-store}. For {@code fs}: up when a file can be created in the content
 * directory (a real write, so a read-only mount or a full disk shows). For {@code nw}: each
 * storage node's answer to a health call, and up while fewer nodes are down than there are
 * replicas, the condition under which every file still has a copy on a node that answers; down
 * while the ring's membership is not loaded yet (the server started while etcd did not answer).
 */
@Readiness
@ApplicationScoped
public class ContentStoreHealthCheck implements HealthCheck {

    @Inject
    TritonTubeSettings settings;

    /** Resolved only for the nw kind. */
    @Inject
    Instance<StorageRing> storageRing;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("content-store");
        return settings.contentKind() == ContentKind.FS
                ? directoryWritable(check.withData("kind", "fs"), Path.of(settings.contentOptions()))
                : ringNodesAnswer(check.withData("kind", "nw"), storageRing.get());
    }

    private static HealthCheckResponse directoryWritable(HealthCheckResponseBuilder check, Path directory) {
        check.withData("directory", directory.toString());
        try {
            // The store creates its directory on first use, which may not have come yet.
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".health-", ".tmp"));
            return check.up().build();
        } catch (IOException e) {
            return check.down().withData("error", "cannot write in the content directory: " + e).build();
        }
    }

    private static HealthCheckResponse ringNodesAnswer(HealthCheckResponseBuilder check, StorageRing ring) {
        if (!ring.membership().isLoaded()) {
            return check.down().withData("error", RingNotLoadedException.USER_MESSAGE).build();
        }
        return nodesAnswer(check, ring.membership().status());
    }

    private static HealthCheckResponse nodesAnswer(HealthCheckResponseBuilder check, ClusterStatus cluster) {
        long down = 0;
        for (NodeStatus node : cluster.nodes()) {
            check.withData(node.node().value(), node.reachable() ? "up" : "down: " + node.error().orElse("no answer"));
            down += node.reachable() ? 0 : 1;
        }
        check.withData("replicas", cluster.replicas());
        return check.status(!cluster.nodes().isEmpty() && down < cluster.replicas()).build();
    }
}
