package io.tritontube.web.application;

import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.PackagingException;
import io.tritontube.web.application.media.PackagingPlan;
import io.tritontube.web.application.media.PackagingPlanner;
import io.tritontube.web.application.media.UnreadableMediaException;
import io.tritontube.web.application.media.VideoPackager;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The steps of processing one accepted upload: choose the packaging path and record it on
 * the video, package (progress 0-90), store every file (90-100), mark the video ready, and
 * hand a remuxed video over to {@link LowerRungs} for its ladder. On any failure the video is
 * marked failed with a short reason and none of its files is left in the store; a video
 * deleted meanwhile is dropped between steps, with its files. The upload file and the
 * packaging directory are removed whatever happens, by {@link LowerRungs} when it takes them.
 */
final class VideoProcessor {

    private static final Logger LOG = Logger.getLogger(VideoProcessor.class.getName());
    private static final int PACKAGING_DONE = 90;

    private final VideoRepository videos;
    private final ContentStore content;
    private final PackagingPlanner planner;
    private final VideoPackager packager;
    private final ContentPublisher publisher;
    private final WorkArea workArea;
    private final LowerRungs lowerRungs;
    private final Clock clock;

    VideoProcessor(VideoRepository videos, ContentStore content, PackagingPlanner planner, VideoPackager packager,
                   ContentPublisher publisher, WorkArea workArea, LowerRungs lowerRungs, Clock clock) {
        this.videos = videos;
        this.content = content;
        this.planner = planner;
        this.packager = packager;
        this.publisher = publisher;
        this.workArea = workArea;
        this.lowerRungs = lowerRungs;
        this.clock = clock;
    }

    void process(Video video, Path uploadFile, MediaInfo media) {
        ProgressRecorder progress = new ProgressRecorder(videos, video, clock);
        Path output = null;
        boolean handedOver = false;
        try {
            stopIfDeleted(video.id());
            output = workArea.newOutputDirectory();
            PackagingPlan plan = plan(video.id(), uploadFile, media, progress);
            packageDash(uploadFile, plan, output, progress);
            stopIfDeleted(video.id());
            publish(video.id(), output, progress);
            stopIfDeleted(video.id());
            markReady(progress.latest());
            LOG.log(Level.INFO, "video {0} is ready", video.id());
            handedOver = lowerRungs.offer(video, plan, uploadFile, output);
        } catch (NoLongerProcessingException e) {
            removeFilesOfAbandoned(video.id());
        } catch (ProcessingFailedException e) {
            fail(progress.latest(), e.getMessage(), e.getCause());
        } catch (IOException | RuntimeException e) {
            fail(progress.latest(), "processing failed unexpectedly: " + e.getMessage(), e);
        } finally {
            if (!handedOver) {
                WorkArea.removeLeftover(video.id(), uploadFile);
                WorkArea.removeLeftover(video.id(), output);
            }
        }
    }

    /** Chooses remux or transcode, and records the choice at once so that the video's status shows it. */
    private PackagingPlan plan(VideoId id, Path uploadFile, MediaInfo media, ProgressRecorder progress)
            throws ProcessingFailedException {
        PackagingPlan plan;
        try {
            plan = planner.plan(uploadFile, media);
        } catch (UnreadableMediaException e) {
            throw new ProcessingFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ProcessingFailedException("the server could not inspect the video: " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "video {0}: {1} to {2}, because {3}",
                new Object[] {id, plan.packaging().label(), plan.resolutions(), plan.reason()});
        progress.recordFormat(media.format().packagedAs(plan.packaging(), plan.resolutions()));
        return plan;
    }

    private void packageDash(Path uploadFile, PackagingPlan plan, Path output, ProgressRecorder progress)
            throws ProcessingFailedException {
        try {
            packager.packageDash(uploadFile, plan, output,
                    fraction -> progress.record(ProgressRecorder.scale(fraction, 0, PACKAGING_DONE)));
        } catch (PackagingException e) {
            throw new ProcessingFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ProcessingFailedException("the server could not run the packager: " + e.getMessage(), e);
        }
    }

    private void publish(VideoId id, Path output, ProgressRecorder progress) throws ProcessingFailedException, IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(output)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        try {
            publisher.publish(id, files,
                    fraction -> progress.record(ProgressRecorder.scale(fraction, PACKAGING_DONE, 100)));
        } catch (IOException e) {
            throw new ProcessingFailedException("storing the packaged files failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingFailedException("processing was interrupted because the server is stopping; upload again", e);
        }
    }

    /**
     * Stops processing a video that was deleted meanwhile ({@link VideoDeletion}). A delete after
     * the last check is still safe: it removes the record, so marking ready changes nothing,
     * and then the files, which are all published by then.
     */
    private void stopIfDeleted(VideoId id) throws NoLongerProcessingException {
        if (videos.find(id).isEmpty()) {
            throw new NoLongerProcessingException();
        }
    }

    /**
     * Ready only while still processing: not a video deleted meanwhile, nor one that another
     * server marked failed, its files removed, after this server lost its claim on it
     * ({@link InterruptedProcessingRecovery}).
     */
    private void markReady(Video latest) throws NoLongerProcessingException {
        if (!videos.updateIfProcessing(latest.ready())) {
            throw new NoLongerProcessingException();
        }
    }

    /** The delete, or the other server's removal, may have run while files were still being published: those are removed here. */
    private void removeFilesOfAbandoned(VideoId id) {
        LOG.log(Level.INFO, "video {0} was deleted, or marked failed by another server, during its processing: processing stopped", id);
        try {
            content.deleteVideo(id);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "could not remove the stored files of abandoned video " + id, e);
        }
    }

    /** Records the failure and removes whatever of the video reached the store. */
    private void fail(Video latest, String reason, Throwable cause) {
        LOG.log(Level.WARNING, "processing video " + latest.id() + " failed: " + reason, cause);
        try {
            content.deleteVideo(latest.id());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "could not remove the stored files of failed video " + latest.id(), e);
        }
        try {
            videos.update(latest.failed(reason));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not record that video " + latest.id() + " failed: " + reason, e);
        }
    }

    /** The video is not this processing's to finish: deleted meanwhile, or marked failed by another server. */
    private static final class NoLongerProcessingException extends Exception {
    }

    /** A step failed; the message is the reason the uploader will read. */
    private static final class ProcessingFailedException extends Exception {

        ProcessingFailedException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
