package io.tritontube.web.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.application.media.AudioStream;
import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.PackagingException;
import io.tritontube.web.application.media.PackagingPlanner;
import io.tritontube.web.application.media.RungEncoder;
import io.tritontube.web.application.media.VideoPackager;
import io.tritontube.web.application.media.VideoStream;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.video.Packaging;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoFormat;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoStatus;
import io.tritontube.web.infrastructure.content.fs.FileSystemContentStore;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteVideoRepository;
import io.tritontube.web.infrastructure.transcoding.FfprobeMediaInspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processing steps with a real repository, store and work area, and a stand-in packager. */
class VideoProcessorTest {

    /** MPEG-4 Part 2 video cannot be remuxed: the planner chooses a transcode without probing the stand-in upload. */
    private static final MediaInfo MEDIA = new MediaInfo(Duration.ofSeconds(8),
            Optional.of(new VideoStream("mpeg4", "yuv420p", 320, 240, 0)), Optional.of(new AudioStream("aac")));
    private static final List<String> PACKAGED = List.of("manifest.mpd", "init-0.m4s", "init-1.m4s", "chunk-0-00001.m4s", "chunk-1-00001.m4s");

    @TempDir
    Path directory;

    private SqliteVideoRepository videos;
    private FileSystemContentStore store;
    private WorkArea workArea;
    private final ExecutorService storageThreads = Executors.newFixedThreadPool(4);
    private Video video;
    private Path upload;

    @BeforeEach
    void setUp() throws Exception {
        videos = SqliteVideoRepository.open(directory.resolve("metadata.db"));
        store = new FileSystemContentStore(directory.resolve("content"));
        workArea = new WorkArea(directory.resolve("work"));
        video = Video.accepted(VideoId.of("my clip"), Instant.parse("2026-11-30T12:00:00Z"));
        videos.create(video);
        upload = Files.writeString(workArea.newUploadFile(), "the upload");
    }

    @AfterEach
    void tearDown() {
        storageThreads.shutdownNow();
        videos.close();
    }

    @Test
    void aPackagedVideoIsStoredAndBecomesReady() throws Exception {
        processor(store, writesEveryFile()).process(video, upload, MEDIA);

        Video done = videos.find(video.id()).orElseThrow();
        assertEquals(VideoStatus.READY, done.status());
        assertEquals(100, done.progress());
        assertNull(done.error());
        assertEquals(PACKAGED.stream().sorted().toList(), namesIn(store.root().resolve("my clip")));
        assertEquals(List.of(), namesIn(directory.resolve("work")), "upload and packaging folder removed");
    }

    @Test
    void thePackagingPathIsInTheStatusWhilePackagingAndOnceReady() throws Exception {
        List<VideoFormat> seenWhilePackaging = new ArrayList<>();
        VideoPackager watched = (source, plan, output, progress) -> {
            seenWhilePackaging.add(videos.find(video.id()).orElseThrow().format());
            writesEveryFile().packageDash(source, plan, output, progress);
        };

        processor(store, watched).process(video, upload, MEDIA);

        VideoFormat expected = new VideoFormat(Duration.ofSeconds(8), 320, 240, true,
                Optional.of(Packaging.TRANSCODE), List.of("320x240"));
        assertEquals(List.of(expected), seenWhilePackaging);
        assertEquals(expected, videos.find(video.id()).orElseThrow().format());
    }

    @Test
    void aPackagingFailureLeavesTheReasonAndNothingElse() throws Exception {
        VideoPackager failing = (source, media, output, progress) -> {
            Files.writeString(output.resolve("manifest.mpd"), "half");
            throw new PackagingException("ffmpeg could not package the video: moov atom not found");
        };

        processor(store, failing).process(video, upload, MEDIA);

        Video failed = videos.find(video.id()).orElseThrow();
        assertEquals(VideoStatus.FAILED, failed.status());
        assertEquals("ffmpeg could not package the video: moov atom not found", failed.error());
        assertFalse(Files.exists(store.root().resolve("my clip")));
        assertEquals(List.of(), namesIn(directory.resolve("work")));
    }

    @Test
    void aStorageFailureRemovesWhatWasStored() throws Exception {
        ContentStore failing = new FailingContentStore(store, "chunk-1-00001.m4s");

        processor(failing, writesEveryFile()).process(video, upload, MEDIA);

        Video failed = videos.find(video.id()).orElseThrow();
        assertEquals(VideoStatus.FAILED, failed.status());
        assertTrue(failed.error().startsWith("storing the packaged files failed: could not store my clip/chunk-1-00001.m4s"),
                failed.error());
        assertFalse(Files.exists(store.root().resolve("my clip")), "the files stored before the failure are gone");
        assertEquals(List.of(), namesIn(directory.resolve("work")));
    }

    @Test
    void aPackagerThatCannotRunSaysSo() throws Exception {
        VideoPackager missing = (source, media, output, progress) -> {
            throw new IOException("Cannot run program \"ffmpeg\": error=2, No such file or directory");
        };

        processor(store, missing).process(video, upload, MEDIA);

        assertEquals("the server could not run the packager: Cannot run program \"ffmpeg\": error=2, No such file or directory",
                videos.find(video.id()).orElseThrow().error());
    }

    @Test
    void aVideoDeletedWhilePackagingIsNeitherPublishedNorBroughtBack() throws Exception {
        VideoPackager deletedMeanwhile = (source, media, output, progress) -> {
            writesEveryFile().packageDash(source, media, output, progress);
            videos.delete(video.id());
        };

        processor(store, deletedMeanwhile).process(video, upload, MEDIA);

        assertEquals(Optional.empty(), videos.find(video.id()));
        assertFalse(Files.exists(store.root().resolve("my clip")), "nothing published");
        assertEquals(List.of(), namesIn(directory.resolve("work")));
    }

    @Test
    void filesPublishedAfterADeleteRemovedThemAreRemovedByTheProcessing() throws Exception {
        // The delete runs, record then files, while the first file is being stored; the rest follow it.
        AtomicBoolean deleted = new AtomicBoolean();
        ContentStore deletedDuringPublishing = new ForwardingContentStore(store) {
            @Override
            public void put(ContentKey key, Path source) throws IOException {
                store.put(key, source);
                if (deleted.compareAndSet(false, true)) {
                    videos.delete(key.videoId());
                    store.deleteVideo(key.videoId());
                }
            }
        };

        processor(deletedDuringPublishing, writesEveryFile()).process(video, upload, MEDIA);

        assertEquals(Optional.empty(), videos.find(video.id()));
        assertFalse(Files.exists(store.root().resolve("my clip")), "the files stored after the delete are gone too");
    }

    @Test
    void aVideoMarkedFailedElsewhereWhileProcessingStaysFailedAndLosesTheFilesPublishedLate() throws Exception {
        // This server lost its claim; another's recovery failed the video and removed its files during the packaging.
        VideoPackager failedElsewhere = (source, plan, output, progress) -> {
            writesEveryFile().packageDash(source, plan, output, progress);
            videos.updateIfProcessing(video.failed(InterruptedVideoSweep.REASON));
            store.deleteVideo(video.id());
        };

        processor(store, failedElsewhere).process(video, upload, MEDIA);

        Video settled = videos.find(video.id()).orElseThrow();
        assertEquals(VideoStatus.FAILED, settled.status(), "never ready with files the other server removed");
        assertEquals(InterruptedVideoSweep.REASON, settled.error());
        assertFalse(Files.exists(store.root().resolve("my clip")), "the files published after the failure are removed");
        assertEquals(List.of(), namesIn(directory.resolve("work")));
    }

    private VideoProcessor processor(ContentStore content, VideoPackager packager) {
        ContentPublisher publisher = new ContentPublisher(content, storageThreads, 1024 * 1024);
        PackagingPlanner planner = new PackagingPlanner(new FfprobeMediaInspector("ffprobe", Executors.defaultThreadFactory()));
        RungEncoder notForATranscode = (source, rungs, packaged, output) -> {
            throw new AssertionError("a transcoded video has its ladder already");
        };
        LowerRungs lowerRungs = new LowerRungs(videos, content, notForATranscode, publisher, workArea, Runnable::run);
        return new VideoProcessor(videos, content, planner, packager, publisher, workArea, lowerRungs, Clock.systemUTC());
    }

    private static VideoPackager writesEveryFile() {
        return (source, media, output, progress) -> {
            for (String name : PACKAGED) {
                Files.writeString(output.resolve(name), name + " of " + source.getFileName());
            }
            progress.accept(1.0);
        };
    }

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
