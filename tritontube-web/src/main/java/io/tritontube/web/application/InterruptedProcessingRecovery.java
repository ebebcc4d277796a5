package io.tritontube.web.application;

import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.domain.video.VideoSlice;
import io.tritontube.web.domain.video.VideoStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On start, settles what the previous run of the server left unfinished: videos still
 * {@code processing} can never finish, since their upload files lived in the work area,
 * which is emptied now. They are marked failed and their partly stored files removed.
 *
 * <p>Only videos uploaded before this start are settled, so uploads accepted meanwhile are
 * safe. The store may not answer yet (etcd still electing a leader, or down): the server starts
 * anyway and the settling is retried in the background until it succeeds.
 *
 * <p>This assumes one web server per metadata store: with several servers sharing etcd, a
 * restart would also fail videos that another server is processing.
 */
@ApplicationScoped
public class InterruptedProcessingRecovery {

    private static final Logger LOG = Logger.getLogger(InterruptedProcessingRecovery.class.getName());
    static final String REASON = "interrupted by a server restart; upload again";
    private static final int PAGE_SIZE = 100;
    private static final Duration RETRY = Duration.ofSeconds(5);

    @Inject
    VideoRepository videos;

    @Inject
    ContentStore content;

    @Inject
    WorkArea workArea;

    @Resource
    ManagedScheduledExecutorService scheduler;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) throws IOException {
        workArea.clear();
        settleWhenTheStoreAnswers(Instant.now());
    }

    private void settleWhenTheStoreAnswers(Instant startedAt) {
        try {
            settleInterruptedBefore(startedAt);
        } catch (MetadataUnavailableException e) {
            LOG.log(Level.WARNING, "could not look for videos interrupted by the restart, trying again in {0} s: {1}",
                    new Object[] {RETRY.toSeconds(), e.getMessage()});
            scheduler.schedule(() -> settleWhenTheStoreAnswers(startedAt), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void settleInterruptedBefore(Instant startedAt) {
        int interrupted = 0;
        Optional<String> page = Optional.empty();
        do {
            VideoSlice slice = videos.listNewestFirst(page, PAGE_SIZE);
            for (Video video : slice.videos()) {
                if (video.status() == VideoStatus.PROCESSING && video.uploadedAt().isBefore(startedAt)) {
                    settle(video);
                    interrupted++;
                }
            }
            page = slice.nextPage();
        } while (page.isPresent());
        if (interrupted > 0) {
            LOG.log(Level.WARNING, "marked {0} video(s) failed: their processing was interrupted by a restart", interrupted);
        }
    }

    private void settle(Video video) {
        try {
            content.deleteVideo(video.id());
        } catch (IOException e) {
            // The record still turns failed: a failed video is never served, and its id can be deleted later.
            LOG.log(Level.WARNING, "could not remove the partly stored files of interrupted video " + video.id(), e);
        }
        videos.update(video.failed(REASON));
    }
}
