package io.tritontube.web.application;

import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoFormat;
import io.tritontube.web.domain.video.VideoRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a video's progress to the repository as processing advances: at most once a
 * second and only when the figure went up, so that ffmpeg's many reports do not turn into
 * as many metadata writes; and the format once the packaging path is chosen. Safe to call
 * from several threads.
 *
 * <p>Writes only while the video is still processing: a late report must not bring back to
 * processing a video that another server has meanwhile marked failed.
 */
final class ProgressRecorder {

    private static final Logger LOG = Logger.getLogger(ProgressRecorder.class.getName());
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final VideoRepository videos;
    private final Clock clock;
    private Video latest;
    private Instant lastWrite = Instant.MIN;

    ProgressRecorder(VideoRepository videos, Video video, Clock clock) {
        this.videos = videos;
        this.latest = video;
        this.clock = clock;
    }

    /** @param percent 0-100; lower than the last recorded figure is ignored */
    synchronized void record(int percent) {
        Instant now = clock.instant();
        if (percent <= latest.progress() || now.isBefore(lastWrite.plus(MIN_INTERVAL))) {
            return;
        }
        latest = latest.withProgress(percent);
        lastWrite = now;
        try {
            videos.updateIfProcessing(latest);
        } catch (RuntimeException e) {
            // A missed progress write only makes the page's figure lag; processing goes on.
            LOG.log(Level.WARNING, "could not record progress " + percent + "% of video " + latest.id(), e);
        }
    }

    /**
     * Records the video's format (the packaging path chosen) at once: it changes once per
     * video, and the status should show it while packaging runs.
     */
    synchronized void recordFormat(VideoFormat format) {
        latest = latest.withFormat(format);
        try {
            videos.updateIfProcessing(latest);
        } catch (RuntimeException e) {
            // The final ready or failed record carries the format too; only the status lags meanwhile.
            LOG.log(Level.WARNING, "could not record the packaging of video " + latest.id(), e);
        }
    }

    /** The video as last recorded: the base for the final ready or failed record. */
    synchronized Video latest() {
        return latest;
    }

    /** The figure that {@code fraction} of a step spanning {@code from}-{@code to} percent stands for. */
    static int scale(double fraction, int from, int to) {
        return from + (int) Math.floor(Math.max(0.0, Math.min(1.0, fraction)) * (to - from));
    }
}
