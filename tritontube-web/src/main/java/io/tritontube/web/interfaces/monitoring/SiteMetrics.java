package io.tritontube.web.interfaces.monitoring;

import io.tritontube.web.domain.video.Packaging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * This application's figures, registered in MicroProfile Metrics' application registry; Payara
 * serves them at {@code /metrics} in the Prometheus text format with {@code mp_scope="application"}:
 *
 * <table>
 * <caption>Figures</caption>
 * <tr><th>Prometheus name</th><th>labels</th><th>meaning</th></tr>
 * <tr><td>{@code tritontube_uploads_accepted_total}</td><td>{@code via}: form, resumable</td><td>uploads taken in for processing</td></tr>
 * <tr><td>{@code tritontube_uploads_refused_total}</td><td>{@code status}: the HTTP status</td>
 *     <td>uploads refused: bad input (400), taken name (409), too large (413), rate limit (429), server trouble (5xx)</td></tr>
 * <tr><td>{@code tritontube_transcode_seconds}</td><td>{@code packaging}: remux, transcode</td>
 *     <td>time spent packaging each video (count, sum, quantiles)</td></tr>
 * <tr><td>{@code tritontube_served_bytes_total}</td><td></td><td>bytes of video files sent by the content route</td></tr>
 * <tr><td>{@code tritontube_storage_errors_total}</td><td>{@code operation}: put, open, delete</td>
 *     <td>content store operations that failed (after the ring's own fail-over)</td></tr>
 * <tr><td>{@code tritontube_migration_in_progress}</td><td></td>
 *     <td>1 while storage nodes are being added or removed ({@link MigrationGauge}; {@code nw} content only)</td></tr>
 * </table>
 */
@ApplicationScoped
public class SiteMetrics {

    @Inject
    MetricRegistry registry;

    public void uploadAccepted(String via) {
        registry.counter(metadata("tritontube_uploads_accepted", "Uploads taken in for processing"), new Tag("via", via)).inc();
    }

    public void uploadRefused(int status) {
        registry.counter(metadata("tritontube_uploads_refused", "Uploads refused, by HTTP status"),
                new Tag("status", Integer.toString(status))).inc();
    }

    public void transcoded(Packaging packaging, Duration took) {
        Metadata seconds = Metadata.builder().withName("tritontube_transcode").withDescription("Time spent packaging each video")
                .withUnit(MetricUnits.SECONDS).build();
        registry.timer(seconds, new Tag("packaging", packaging.label())).update(took);
    }

    public void served(long bytes) {
        if (bytes > 0) {
            registry.counter(metadata("tritontube_served_bytes", "Bytes of video files sent by the content route")).inc(bytes);
        }
    }

    public void storageError(String operation) {
        registry.counter(metadata("tritontube_storage_errors", "Content store operations that failed"),
                new Tag("operation", operation)).inc();
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }
}
