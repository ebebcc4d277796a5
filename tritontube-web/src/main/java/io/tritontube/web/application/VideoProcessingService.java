package io.tritontube.web.application;

import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.MediaInspector;
import io.tritontube.web.application.media.PackagingPlanner;
import io.tritontube.web.application.media.RungEncoder;
import io.tritontube.web.application.media.VideoPackager;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.video.ProcessingClaims;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the processing of accepted uploads in the background, on executors of their own:
 * packaging on {@value #TRANSCODE_EXECUTOR}, one at a time because x264 keeps both cores of
 * the target machine busy; storing on {@value #STORAGE_EXECUTOR}, several files at a time
 * because storing waits on disks and the network.
 *
 * <p>The lower rungs of remuxed videos ({@link LowerRungs}) are encoded on
 * {@value #LADDER_EXECUTOR}, one at a time, beside the packaging rather than queued with it:
 * an upload arriving during a long background encode is packaged at once, not after it, and
 * since that encode runs at a low CPU priority the upload's own ffmpeg gets the processors first.
 */
@ManagedExecutorDefinition(name = VideoProcessingService.TRANSCODE_EXECUTOR, maxAsync = 1)
@ManagedExecutorDefinition(name = VideoProcessingService.STORAGE_EXECUTOR, maxAsync = 8)
@ManagedExecutorDefinition(name = VideoProcessingService.LADDER_EXECUTOR, maxAsync = 1)
@ApplicationScoped
public class VideoProcessingService {

    public static final String TRANSCODE_EXECUTOR = "java:app/concurrent/TranscodeExecutor";
    public static final String STORAGE_EXECUTOR = "java:app/concurrent/StorageExecutor";
    public static final String LADDER_EXECUTOR = "java:app/concurrent/LadderExecutor";

    /** 64 MiB: eight 4-second segments at 3 Mb/s are about 12 MB, so this never starves the puts. */
    static final int MAX_BYTES_IN_FLIGHT = 64 * 1024 * 1024;

    @Resource(lookup = TRANSCODE_EXECUTOR)
    ManagedExecutorService transcodeExecutor;

    @Resource(lookup = STORAGE_EXECUTOR)
    ManagedExecutorService storageExecutor;

    @Resource(lookup = LADDER_EXECUTOR)
    ManagedExecutorService ladderExecutor;

    @Inject
    VideoRepository videos;

    @Inject
    ContentStore content;

    @Inject
    MediaInspector inspector;

    @Inject
    VideoPackager packager;

    @Inject
    RungEncoder rungEncoder;

    @Inject
    WorkArea workArea;

    @Inject
    ProcessingClaims claims;

    private VideoProcessor processor;

    @PostConstruct
    void createProcessor() {
        ContentPublisher publisher = new ContentPublisher(content, storageExecutor, MAX_BYTES_IN_FLIGHT);
        LowerRungs lowerRungs = new LowerRungs(videos, content, rungEncoder, publisher, workArea, ladderExecutor);
        processor = new VideoProcessor(videos, content, new PackagingPlanner(inspector), packager, publisher, workArea,
                lowerRungs, Clock.systemUTC());
    }

    /**
     * Queues the processing of an accepted upload and returns at once. From here on the
     * processing owns {@code uploadFile} and removes it when done, and releases this server's
     * claim on the video once it is ready or failed.
     *
     * @throws RejectedExecutionException when the server is stopping; nothing was queued
     */
    public void submit(Video video, Path uploadFile, MediaInfo media) {
        transcodeExecutor.execute(() -> {
            try {
                processor.process(video, uploadFile, media);
            } finally {
                claims.release(video.id());
            }
        });
    }
}
