package io.tritontube.web.application;

import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.ProcessingClaims;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settles what a server that died left unfinished, on every web server: at start, and then
 * every {@link RecoveryPeriod}, videos still {@code processing} that no live server has
 * claimed are marked failed and their partly stored files removed ({@link InterruptedVideoSweep}).
 * With several servers on one etcd, a video that another server is processing right now is
 * left alone, and the videos of a server that never comes back are failed by the others, once
 * its claims have lapsed.
 *
 * <p>On start it also empties this server's work area: the uploads waiting there belonged to
 * processing that died with the previous run. The store may not answer yet (etcd still
 * electing a leader, or down): the server starts anyway, and the look is tried again after
 * {@value #RETRY_SECONDS} s rather than the full period.
 */
@ApplicationScoped
public class InterruptedProcessingRecovery {

    private static final Logger LOG = Logger.getLogger(InterruptedProcessingRecovery.class.getName());
    private static final long RETRY_SECONDS = 5;

    @Inject
    VideoRepository videos;

    @Inject
    ProcessingClaims claims;

    @Inject
    ContentStore content;

    @Inject
    WorkArea workArea;

    @Inject
    RecoveryPeriod period;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private InterruptedVideoSweep sweep;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) throws IOException {
        workArea.clear();
        sweep = new InterruptedVideoSweep(videos, claims, content);
        sweepAndScheduleNext();
    }

    /** One look, then the next: every period, or sooner after a store that did not answer. */
    private void sweepAndScheduleNext() {
        Duration next = period.every();
        try {
            List<VideoId> interrupted = sweep.settleUnclaimed();
            if (!interrupted.isEmpty()) {
                LOG.log(Level.WARNING, "marked {0} failed: their processing was interrupted, and no live server claims them",
                        interrupted);
            }
        } catch (MetadataUnavailableException e) {
            next = next.compareTo(Duration.ofSeconds(RETRY_SECONDS)) < 0 ? next : Duration.ofSeconds(RETRY_SECONDS);
            LOG.log(Level.WARNING, "could not look for videos whose processing was interrupted, trying again in {0} s: {1}",
                    new Object[] {next.toSeconds(), e.getMessage()});
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "looking for videos whose processing was interrupted failed unexpectedly; trying again in "
                    + next.toSeconds() + " s", e);
        }
        try {
            scheduler.schedule(this::sweepAndScheduleNext, next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.INFO, "the server is stopping: no more looks for interrupted processing", e);
        }
    }
}
