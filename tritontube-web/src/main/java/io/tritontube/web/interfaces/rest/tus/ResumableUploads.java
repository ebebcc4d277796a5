package io.tritontube.web.interfaces.rest.tus;

import io.tritontube.web.infrastructure.config.TritonTubeSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The resumable uploads of this server ({@code <data.dir>/uploads}), and their cleaning: an
 * upload that received nothing for {@code tritontube.upload.resumable-expiry} is deleted, by
 * a sweep at start and then every half expiry, or every {@value #MAX_SWEEP_MINUTES} minutes
 * when that is sooner: an abandoned upload is gone at most one and a half expiries after its
 * last chunk.
 */
@ApplicationScoped
public class ResumableUploads {

    private static final Logger LOG = Logger.getLogger(ResumableUploads.class.getName());
    static final long MAX_SWEEP_MINUTES = 10;

    @Inject
    TritonTubeSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private PartialUploadStore store;
    private ScheduledFuture<?> sweeps;

    /** Opens the store and starts the sweeps when the application starts, not at the first upload. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) throws IOException {
        store = new PartialUploadStore(settings.resumableUploadsDir());
        sweep();
        long everyMillis = Math.min(settings.resumableUploadExpiry().toMillis() / 2, Duration.ofMinutes(MAX_SWEEP_MINUTES).toMillis());
        sweeps = scheduler.scheduleWithFixedDelay(this::sweep, everyMillis, Math.max(1, everyMillis), TimeUnit.MILLISECONDS);
    }

    PartialUploadStore store() {
        return store;
    }

    Duration expiry() {
        return settings.resumableUploadExpiry();
    }

    /** When an upload touched now expires: the {@code Upload-Expires} of each answer. */
    Instant expiresIfIdleFrom(Instant now) {
        return now.plus(expiry());
    }

    private void sweep() {
        try {
            int deleted = store.deleteIdleSince(Instant.now().minus(expiry()));
            if (deleted > 0) {
                LOG.log(Level.INFO, "deleted {0} resumable upload(s) idle for more than {1}", new Object[] {deleted, expiry()});
            }
        } catch (IOException | RuntimeException e) {
            // The next sweep tries again; an exception escaping would cancel every later one.
            LOG.log(Level.WARNING, "could not delete the abandoned resumable uploads in " + settings.resumableUploadsDir(), e);
        }
    }

    @PreDestroy
    void stopSweeping() {
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }
}
