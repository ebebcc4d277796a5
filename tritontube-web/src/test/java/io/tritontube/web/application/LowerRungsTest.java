package io.tritontube.web.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.application.media.AudioStream;
import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.PackagingException;
import io.tritontube.web.application.media.PackagingPlan;
import io.tritontube.web.application.media.Rendition;
import io.tritontube.web.application.media.RungEncoder;
import io.tritontube.web.application.media.VideoStream;
import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.Packaging;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoAlreadyExistsException;
import io.tritontube.web.domain.video.VideoFormat;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoStatus;
import io.tritontube.web.infrastructure.content.fs.FileSystemContentStore;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteVideoRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background ladder of a remuxed video, with a real repository, store and work area, and a stand-in encoder. */
class LowerRungsTest {

    private static final VideoStream H264_720P = new VideoStream("h264", "yuv420p", 1280, 720, 0);
    private static final MediaInfo MEDIA = new MediaInfo(Duration.ofSeconds(8), Optional.of(H264_720P),
            Optional.of(new AudioStream("aac")));
    private static final PackagingPlan REMUX = new PackagingPlan(MEDIA, Packaging.REMUX, List.of(Rendition.copyOf(H264_720P)),
            "H.264 and AAC");
    private static final List<String> RUNG_FILES = List.of("init-2.m4s", "chunk-2-00001.m4s", "chunk-2-00002.m4s", "media_2.m3u8");
    private static final ContentKey MANIFEST = key("manifest.mpd");

    @TempDir
    Path directory;

    private SqliteVideoRepository videos;
    private FileSystemContentStore store;
    private WorkArea workArea;
    private final ExecutorService storageThreads = Executors.newFixedThreadPool(4);
    private Video ready;
    private Path upload;
    private Path packaged;

    @BeforeEach
    void setUp() throws Exception {
        videos = SqliteVideoRepository.open(directory.resolve("metadata.db"));
        store = new FileSystemContentStore(directory.resolve("content"));
        workArea = new WorkArea(directory.resolve("work"));
        VideoFormat copied = MEDIA.format().packagedAs(Packaging.REMUX, List.of("1280x720"));
        ready = Video.accepted(VideoId.of("my clip"), Instant.parse("2026-11-30T12:00:00Z"), copied).ready();
        videos.create(ready);
        store.put(MANIFEST, Files.writeString(directory.resolve("published.mpd"), "copied rendition only"));
        upload = Files.writeString(workArea.newUploadFile(), "the upload");
        packaged = workArea.newOutputDirectory();
    }

    @AfterEach
    void tearDown() {
        storageThreads.shutdownNow();
        videos.close();
    }

    @Test
    void aRemuxedVideoGetsItsLowerRungAndStaysReadyThroughout() throws Exception {
        List<VideoStatus> statusWhileEncoding = new CopyOnWriteArrayList<>();
        RungEncoder encoder = (source, rungs, packagedDirectory, output) -> {
            statusWhileEncoding.add(videos.find(ready.id()).orElseThrow().status());
            writesRungFiles().addRungs(source, rungs, packagedDirectory, output);
        };

        assertTrue(lowerRungs(store, encoder).offer(ready, REMUX, upload, packaged));

        Video after = videos.find(ready.id()).orElseThrow();
        assertEquals(List.of(VideoStatus.READY), statusWhileEncoding);
        assertEquals(VideoStatus.READY, after.status());
        assertEquals(List.of("1280x720", "640x360"), after.format().renditions());
        assertEquals(Optional.of(Packaging.REMUX), after.format().packaging());
        assertEquals("manifest with 640x360", stored(MANIFEST));
        assertEquals("master with 640x360", stored(key("master.m3u8")));
        for (String name : RUNG_FILES) {
            assertEquals(name, stored(key(name)));
        }
        assertEquals(List.of(), namesIn(directory.resolve("work")), "upload and both packaging folders removed");
    }

    @Test
    void theManifestAndPlaylistAreReplacedOnlyOnceEveryFileTheyNameIsStored() throws Exception {
        List<String> putOrder = new CopyOnWriteArrayList<>();
        ContentStore recording = new RecordingPuts(store, putOrder);

        lowerRungs(recording, writesRungFiles()).offer(ready, REMUX, upload, packaged);

        assertEquals(6, putOrder.size(), putOrder.toString());
        assertTrue(putOrder.subList(0, 4).containsAll(RUNG_FILES), putOrder.toString());
        assertEquals(List.of("manifest.mpd", "master.m3u8"), putOrder.subList(4, 6));
    }

    @Test
    void aFailedEncodeLeavesTheReadyVideoAsItWas() throws Exception {
        RungEncoder failing = (source, rungs, packagedDirectory, output) -> {
            Files.writeString(output.resolve("init-2.m4s"), "half");
            throw new PackagingException("ffmpeg could not encode the lower renditions: Conversion failed!");
        };

        lowerRungs(store, failing).offer(ready, REMUX, upload, packaged);

        assertEquals(ready, videos.find(ready.id()).orElseThrow());
        assertEquals("copied rendition only", stored(MANIFEST));
        assertFalse(Files.exists(store.root().resolve("my clip").resolve("init-2.m4s")));
        assertEquals(List.of(), namesIn(directory.resolve("work")));
    }

    @Test
    void aVideoDeletedWhileItsRungIsEncodedIsNotBroughtBack() throws Exception {
        RungEncoder deletedMeanwhile = (source, rungs, packagedDirectory, output) -> {
            writesRungFiles().addRungs(source, rungs, packagedDirectory, output);
            videos.delete(ready.id());
            store.deleteVideo(ready.id());
        };

        lowerRungs(store, deletedMeanwhile).offer(ready, REMUX, upload, packaged);

        assertEquals(Optional.empty(), videos.find(ready.id()));
        assertFalse(Files.exists(store.root().resolve("my clip")), "the rung's files stored after the delete are removed");
        assertEquals(List.of(), namesIn(directory.resolve("work")));
    }

    @Test
    void aNewUploadUnderTheSameIdKeepsItsOwnManifestAndRecord() throws Exception {
        Video newer = Video.accepted(ready.id(), ready.uploadedAt().plusSeconds(60));
        RungEncoder replacedMeanwhile = (source, rungs, packagedDirectory, output) -> {
            writesRungFiles().addRungs(source, rungs, packagedDirectory, output);
            videos.delete(ready.id());
            store.deleteVideo(ready.id());
            try {
                videos.create(newer);
            } catch (VideoAlreadyExistsException e) {
                throw new AssertionError("the old record was deleted", e);
            }
        };

        lowerRungs(store, replacedMeanwhile).offer(ready, REMUX, upload, packaged);

        assertEquals(Optional.of(newer), videos.find(ready.id()));
        assertFalse(Files.exists(store.root().resolve("my clip")), "none of the rung's files stored");
    }

    @Test
    void onlyRemuxesOfSourcesOf432pOrMoreGetRungsAndOtherwiseTheFilesStayWithTheCaller() throws Exception {
        VideoStream small = new VideoStream("h264", "yuv420p", 320, 240, 0);
        MediaInfo smallMedia = new MediaInfo(Duration.ofSeconds(8), Optional.of(small), Optional.empty());
        PackagingPlan smallRemux = new PackagingPlan(smallMedia, Packaging.REMUX, List.of(Rendition.copyOf(small)), "H.264");
        PackagingPlan transcode = new PackagingPlan(MEDIA, Packaging.TRANSCODE,
                List.of(new Rendition(1280, 720, 3000), new Rendition(640, 360, 800)), "its video is mpeg4");
        RungEncoder never = (source, rungs, packagedDirectory, output) -> {
            throw new AssertionError("nothing to encode");
        };

        assertFalse(lowerRungs(store, never).offer(ready, smallRemux, upload, packaged));
        assertFalse(lowerRungs(store, never).offer(ready, transcode, upload, packaged));
        assertTrue(Files.exists(upload) && Files.exists(packaged));
    }

    @Test
    void theRungsFollowTheCopiedRenditionOnce() {
        VideoFormat copied = MEDIA.format().packagedAs(Packaging.REMUX, List.of("1920x1080"));
        List<Rendition> rungs = List.of(new Rendition(1280, 720, 3000), new Rendition(640, 360, 800));

        VideoFormat withRungs = LowerRungs.withRungs(copied, rungs);

        assertEquals(List.of("1920x1080", "1280x720", "640x360"), withRungs.renditions());
        assertEquals(withRungs, LowerRungs.withRungs(withRungs, rungs));
    }

    private LowerRungs lowerRungs(ContentStore content, RungEncoder encoder) {
        ContentPublisher publisher = new ContentPublisher(content, storageThreads, 1024 * 1024);
        return new LowerRungs(videos, content, encoder, publisher, workArea, Runnable::run);
    }

    /** Writes what the real encoder writes for a 360p rung: its files, and the two rewritten indexes. */
    private static RungEncoder writesRungFiles() {
        return (source, rungs, packagedDirectory, output) -> {
            assertEquals(List.of(new Rendition(640, 360, 800)), rungs);
            for (String name : RUNG_FILES) {
                Files.writeString(output.resolve(name), name);
            }
            Files.writeString(output.resolve("manifest.mpd"), "manifest with 640x360");
            Files.writeString(output.resolve("master.m3u8"), "master with 640x360");
        };
    }

    private String stored(ContentKey key) throws IOException {
        try (StoredContent content = store.open(key, ByteRange.WHOLE_FILE).orElseThrow()) {
            return new String(content.stream().readAllBytes());
        }
    }

    private static ContentKey key(String name) {
        return new ContentKey(VideoId.of("my clip"), ContentFileName.of(name));
    }

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A real store that notes the order of the puts. */
    private static final class RecordingPuts extends ForwardingContentStore {

        private final List<String> putOrder;

        RecordingPuts(ContentStore real, List<String> putOrder) {
            super(real);
            this.putOrder = putOrder;
        }

        @Override
        public void put(ContentKey key, Path source) throws IOException {
            super.put(key, source);
            putOrder.add(key.fileName().value());
        }
    }
}
