package io.tritontube.web.infrastructure.config;

import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.web.domain.cluster.HashRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the web application, read through MicroProfile Config: a system property
 * ({@code -Dtritontube.metadata.kind=etcd}) or an environment variable
 * ({@code TRITONTUBE_METADATA_KIND=etcd}), or any other config source of the server.
 *
 * <table>
 * <caption>Keys and defaults</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code tritontube.data.dir}</td><td>{@code data}</td>
 *     <td>root of everything this server keeps locally (spooled uploads, work files, default stores)</td></tr>
 * <tr><td>{@code tritontube.metadata.kind}</td><td>{@code sqlite}</td><td>{@code sqlite} or {@code etcd}</td></tr>
 * <tr><td>{@code tritontube.metadata.options}</td><td>{@code <data.dir>/metadata.db}</td>
 *     <td>the SQLite file, or the etcd endpoints {@code "h1:p1,h2:p2"}</td></tr>
 * <tr><td>{@code tritontube.content.kind}</td><td>{@code fs}</td><td>{@code fs} or {@code nw}</td></tr>
 * <tr><td>{@code tritontube.content.options}</td><td>{@code <data.dir>/content}</td>
 *     <td>the directory, or {@code "ADMIN_HOST:PORT,NODE1,NODE2,..."}</td></tr>
 * <tr><td>{@code tritontube.upload.max-bytes}</td><td>{@code 2147483648} (2 GiB)</td><td>largest accepted upload</td></tr>
 * <tr><td>{@code tritontube.upload.rate-limit-per-minute}</td><td>{@code 30}</td>
 *     <td>uploads one client address may start a minute (bursts up to that many); 0 turns the limit off</td></tr>
 * <tr><td>{@code tritontube.upload.resumable-expiry}</td><td>{@code PT24H}</td>
 *     <td>how long a resumable upload may sit without a new chunk before it is deleted: ISO-8601 duration or whole seconds</td></tr>
 * <tr><td>{@code tritontube.ffmpeg}</td><td>{@code ffmpeg}</td><td>the ffmpeg executable</td></tr>
 * <tr><td>{@code tritontube.ffprobe}</td><td>{@code ffprobe}</td><td>the ffprobe executable</td></tr>
 * <tr><td>{@code tritontube.transcode.timeout}</td><td>{@code PT2H}</td>
 *     <td>longest one packaging run may take: ISO-8601 duration or whole seconds</td></tr>
 * <tr><td>{@code tritontube.processing.recovery-period}</td><td>{@code PT30S}</td>
 *     <td>how often to look for videos left processing by a web server that died (their claim ended):
 *     ISO-8601 duration or whole seconds</td></tr>
 * <tr><td>{@code tritontube.cache.max-bytes}</td><td>{@code 268435456} (256 MiB)</td>
 *     <td>memory the content route may use to keep recently served files (segments); 0 turns it off</td></tr>
 * <tr><td>{@code tritontube.ring.vnodes}</td><td>{@value HashRing#DEFAULT_VIRTUAL_NODES}</td>
 *     <td>virtual nodes per storage node (the launcher's {@code -vnodes})</td></tr>
 * <tr><td>{@code tritontube.ring.replicas}</td><td>{@value HashRing#DEFAULT_REPLICAS}</td>
 *     <td>copies of each file (the launcher's {@code -replicas})</td></tr>
 * <tr><td>{@code tritontube.ring.repair-check-seconds}</td><td>{@code 30}</td>
 *     <td>how often to look for storage nodes that came back and need a repair</td></tr>
 * <tr><td>{@code tritontube.ring.first-answer-timeout}</td><td>{@code PT2S}</td>
 *     <td>how long a read waits for a storage node's first answer before asking the next replica
 *     (a hung node is then asked last until it answers again); also how long an upload waits for
 *     a lagging replica once another has stored the file</td></tr>
 * <tr><td>{@code tritontube.grpc.token}</td><td>none</td>
 *     <td>bearer token the admin service requires and the storage nodes are sent</td></tr>
 * <tr><td>{@code tritontube.grpc.tls.cert}, {@code tritontube.grpc.tls.key}</td><td>none</td>
 *     <td>PEM certificate chain and key the admin service presents (TLS when set)</td></tr>
 * <tr><td>{@code tritontube.grpc.tls.ca}</td><td>none</td>
 *     <td>PEM certificates trusted for the storage nodes (TLS to them when set)</td></tr>
 * </table>
 * The ring and gRPC settings matter only with the {@code nw} content kind. The gRPC ones have the
 * same environment variables the storage daemons and the admin CLI read:
 * {@code TRITONTUBE_GRPC_TOKEN}, {@code TRITONTUBE_GRPC_TLS_CERT}, ...
 */
@ApplicationScoped
public class TritonTubeSettings {

    private static final Logger LOG = Logger.getLogger(TritonTubeSettings.class.getName());

    @Inject
    @ConfigProperty(name = "tritontube.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "tritontube.metadata.kind", defaultValue = "sqlite")
    String metadataKind;

    @Inject
    @ConfigProperty(name = "tritontube.metadata.options")
    Optional<String> metadataOptions;

    @Inject
    @ConfigProperty(name = "tritontube.content.kind", defaultValue = "fs")
    String contentKind;

    @Inject
    @ConfigProperty(name = "tritontube.content.options")
    Optional<String> contentOptions;

    @Inject
    @ConfigProperty(name = "tritontube.upload.max-bytes", defaultValue = "2147483648")
    long uploadMaxBytes;

    @Inject
    @ConfigProperty(name = "tritontube.upload.rate-limit-per-minute", defaultValue = "30")
    int uploadRateLimitPerMinute;

    @Inject
    @ConfigProperty(name = "tritontube.upload.resumable-expiry", defaultValue = "PT24H")
    String resumableUploadExpiry;

    @Inject
    @ConfigProperty(name = "tritontube.ffmpeg", defaultValue = "ffmpeg")
    String ffmpeg;

    @Inject
    @ConfigProperty(name = "tritontube.ffprobe", defaultValue = "ffprobe")
    String ffprobe;

    @Inject
    @ConfigProperty(name = "tritontube.transcode.timeout", defaultValue = "PT2H")
    String transcodeTimeout;

    @Inject
    @ConfigProperty(name = "tritontube.processing.recovery-period", defaultValue = "PT30S")
    String processingRecoveryPeriod;

    @Inject
    @ConfigProperty(name = "tritontube.cache.max-bytes", defaultValue = "268435456")
    long contentCacheBytes;

    @Inject
    @ConfigProperty(name = "tritontube.ring.vnodes")
    Optional<Integer> ringVirtualNodes;

    @Inject
    @ConfigProperty(name = "tritontube.ring.replicas")
    Optional<Integer> ringReplicas;

    @Inject
    @ConfigProperty(name = "tritontube.ring.repair-check-seconds", defaultValue = "30")
    long repairCheckSeconds;

    @Inject
    @ConfigProperty(name = "tritontube.ring.first-answer-timeout", defaultValue = "PT2S")
    String firstAnswerTimeout;

    @Inject
    @ConfigProperty(name = "tritontube.grpc.token")
    Optional<String> grpcToken;

    @Inject
    @ConfigProperty(name = "tritontube.grpc.tls.cert")
    Optional<String> grpcTlsCertificate;

    @Inject
    @ConfigProperty(name = "tritontube.grpc.tls.key")
    Optional<String> grpcTlsPrivateKey;

    @Inject
    @ConfigProperty(name = "tritontube.grpc.tls.ca")
    Optional<String> grpcTlsTrustedCa;

    /**
     * Reads every setting once when the application starts, so that a typo in a kind or a
     * duration stops the deployment with its message instead of failing the first upload,
     * and logs the configuration in effect.
     */
    void checkOnStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.log(Level.INFO, "TritonTube settings: data {0}, metadata {1} {2}, content {3} {4}, uploads up to {5} bytes, "
                        + "packaging by {6} (probe {7}) stopped after {8}, content cache {9} bytes",
                new Object[] {dataDir(), metadataKind(), metadataOptions(), contentKind(), contentOptions(),
                        String.valueOf(uploadMaxBytes()), ffmpeg(), ffprobe(), transcodeTimeout(),
                        String.valueOf(contentCacheBytes())});
        LOG.log(Level.INFO, "Uploads: at most {0} a minute per client (0: no limit); resumable uploads idle for {1} are deleted",
                new Object[] {uploadRateLimitPerMinute(), resumableUploadExpiry()});
    }

    /** Absolute, so that log lines and error messages name the real place. */
    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** Where multipart uploads are spooled while the request is read. */
    public Path spoolDir() {
        return dataDir().resolve("spool");
    }

    /** Where resumable uploads collect their chunks, one folder each; they survive a restart. */
    public Path resumableUploadsDir() {
        return dataDir().resolve("uploads");
    }

    /** Where accepted uploads wait for, and are packaged during, processing. */
    public Path workDir() {
        return dataDir().resolve("work");
    }

    public MetadataKind metadataKind() {
        return MetadataKind.parse(metadataKind);
    }

    public String metadataOptions() {
        return metadataOptions.filter(o -> !o.isBlank())
                .orElseGet(() -> dataDir().resolve("metadata.db").toString());
    }

    public ContentKind contentKind() {
        return ContentKind.parse(contentKind);
    }

    public String contentOptions() {
        return contentOptions.filter(o -> !o.isBlank())
                .orElseGet(() -> dataDir().resolve("content").toString());
    }

    public long uploadMaxBytes() {
        if (uploadMaxBytes < 1) {
            throw new IllegalStateException("tritontube.upload.max-bytes must be at least 1, was " + uploadMaxBytes);
        }
        return uploadMaxBytes;
    }

    /** Uploads one client may start a minute; 0 when there is no limit. */
    public int uploadRateLimitPerMinute() {
        if (uploadRateLimitPerMinute < 0) {
            throw new IllegalStateException("tritontube.upload.rate-limit-per-minute must be 0 (no limit) or more, was "
                    + uploadRateLimitPerMinute);
        }
        return uploadRateLimitPerMinute;
    }

    public Duration resumableUploadExpiry() {
        return parseDuration("tritontube.upload.resumable-expiry", resumableUploadExpiry);
    }

    public String ffmpeg() {
        return ffmpeg;
    }

    public String ffprobe() {
        return ffprobe;
    }

    public long contentCacheBytes() {
        if (contentCacheBytes < 0) {
            throw new IllegalStateException("tritontube.cache.max-bytes must not be negative, was " + contentCacheBytes);
        }
        return contentCacheBytes;
    }

    /** Virtual nodes per storage node for a ring seeded by this server (a stored ring keeps its own). */
    public int ringVirtualNodes() {
        return ringVirtualNodes.orElse(HashRing.DEFAULT_VIRTUAL_NODES);
    }

    /** Copies of each file for a ring seeded by this server (a stored ring keeps its own). */
    public int ringReplicas() {
        return ringReplicas.orElse(HashRing.DEFAULT_REPLICAS);
    }

    public Duration repairCheckInterval() {
        if (repairCheckSeconds < 1) {
            throw new IllegalStateException("tritontube.ring.repair-check-seconds must be at least 1, was "
                    + repairCheckSeconds);
        }
        return Duration.ofSeconds(repairCheckSeconds);
    }

    /** How long a read waits for a storage node's first answer before it asks the next replica. */
    public Duration storageFirstAnswerTimeout() {
        return parseDuration("tritontube.ring.first-answer-timeout", firstAnswerTimeout);
    }

    /** Token and TLS files for the admin service and the calls to the storage nodes. */
    public GrpcSecuritySettings grpcSecurity() {
        return new GrpcSecuritySettings(grpcToken.orElse(null),
                GrpcSecuritySettings.pathOrNull(grpcTlsCertificate.orElse(null)),
                GrpcSecuritySettings.pathOrNull(grpcTlsPrivateKey.orElse(null)),
                GrpcSecuritySettings.pathOrNull(grpcTlsTrustedCa.orElse(null)));
    }

    public Duration transcodeTimeout() {
        return parseDuration("tritontube.transcode.timeout", transcodeTimeout);
    }

    /** How often every web server looks for videos whose processing server died. */
    public Duration processingRecoveryPeriod() {
        return parseDuration("tritontube.processing.recovery-period", processingRecoveryPeriod);
    }

    /**
     * Reads a duration setting written either as ISO-8601 ({@code PT2H}, {@code PT90M}) or as
     * whole seconds ({@code 7200}).
     *
     * @throws IllegalStateException naming the key when the value is neither, or not positive
     */
    static Duration parseDuration(String key, String value) {
        Duration duration;
        String trimmed = value.trim();
        try {
            duration = trimmed.chars().allMatch(Character::isDigit) && !trimmed.isEmpty()
                    ? Duration.ofSeconds(Long.parseLong(trimmed))
                    : Duration.parse(trimmed);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalStateException(key + " must be an ISO-8601 duration (PT2H) or whole seconds, was '" + value + "'", e);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalStateException(key + " must be positive, was '" + value + "'");
        }
        return duration;
    }
}
