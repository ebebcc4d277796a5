package io.tritontube.web.infrastructure.transcoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.PackagingException;
import io.tritontube.web.application.media.PackagingPlan;
import io.tritontube.web.application.media.PackagingPlanner;
import io.tritontube.web.application.media.Rendition;
import io.tritontube.web.application.media.UnreadableMediaException;
import io.tritontube.web.application.media.VideoStream;
import io.tritontube.web.domain.video.Packaging;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real ffprobe and ffmpeg on media that ffmpeg makes for the test, a few seconds long. */
class FfmpegToolsTest {

    private static final ThreadFactory THREADS = Executors.defaultThreadFactory();
    private static final Pattern REPRESENTATION = Pattern.compile("<Representation ([^>]*)>");

    @TempDir
    Path directory;

    private final FfprobeMediaInspector inspector = new FfprobeMediaInspector("ffprobe", THREADS);
    private final PackagingPlanner planner = new PackagingPlanner(inspector);
    private final FfmpegDashPackager packager = new FfmpegDashPackager("ffmpeg", Duration.ofMinutes(2), THREADS);

    @Test
    void h264WithAacAndShortGopsIsRemuxedIntoDashHlsAndStills() throws Exception {
        Path source = SampleMedia.h264WithSound(directory.resolve("in.mp4"), 6, "480x270", 60);
        Path output = Files.createDirectory(directory.resolve("out"));
        PackagingPlan plan = planner.plan(source, inspector.inspect(source));
        List<Double> progress = new CopyOnWriteArrayList<>();

        packager.packageDash(source, plan, output, progress::add);

        assertEquals(Packaging.REMUX, plan.packaging());
        assertEquals(List.of("480x270"), plan.resolutions());
        List<String> files = namesIn(output);
        assertTrue(files.containsAll(List.of("manifest.mpd", "master.m3u8", "media_0.m3u8", "media_1.m3u8",
                "init-0.m4s", "init-1.m4s", "chunk-0-00001.m4s", "chunk-0-00002.m4s", "chunk-1-00001.m4s",
                "poster.jpg", "thumb.jpg")), "files written: " + files);
        assertEquals(List.of("0 video 480x270", "1 audio"), representations(output));
        assertEquals(1.0, progress.get(progress.size() - 1));
        assertTrue(progress.stream().allMatch(p -> p >= 0.0 && p <= 1.0));
        assertEquals(List.of(480, 320), List.of(widthOf(output.resolve("poster.jpg")), widthOf(output.resolve("thumb.jpg"))));
    }

    @Test
    void aCodecBrowsersCannotPlayIsTranscodedIntoALadderWithoutUpscaling() throws Exception {
        Path source = SampleMedia.mpeg4WithSound(directory.resolve("in.mp4"), 3, "640x480");
        Path output = Files.createDirectory(directory.resolve("out"));
        PackagingPlan plan = planner.plan(source, inspector.inspect(source));

        packager.packageDash(source, plan, output, p -> { });

        assertEquals(Packaging.TRANSCODE, plan.packaging());
        assertEquals(List.of("0 video 640x480", "1 audio", "2 video 480x360"), representations(output));
        String master = Files.readString(output.resolve("master.m3u8"));
        assertTrue(master.contains("RESOLUTION=640x480") && master.contains("RESOLUTION=480x360"), master);
        List<String> files = namesIn(output);
        assertTrue(files.containsAll(List.of("init-2.m4s", "chunk-2-00001.m4s", "media_2.m3u8", "poster.jpg")), "files: " + files);
        // The stills are never enlarged: the 640-pixel poster is the source's own width.
        assertEquals(List.of(640, 320), List.of(widthOf(output.resolve("poster.jpg")), widthOf(output.resolve("thumb.jpg"))));
    }

    @Test
    void h264WithKeyframesFurtherApartThanASegmentIsTranscoded() throws Exception {
        Path source = SampleMedia.h264WithSound(directory.resolve("in.mp4"), 7, "320x240", 180);

        Duration gap = inspector.longestKeyframeGap(source);
        PackagingPlan plan = planner.plan(source, inspector.inspect(source));

        assertEquals(Duration.ofSeconds(6), gap);
        assertEquals(Packaging.TRANSCODE, plan.packaging());
        assertTrue(plan.reason().startsWith("its keyframes are up to 6.0 s apart"), plan.reason());
    }

    @Test
    void aSilentVideoHasOnlyVideoRepresentations() throws Exception {
        Path source = SampleMedia.silentVideo(directory.resolve("silent.mp4"), 2);
        Path output = Files.createDirectory(directory.resolve("out"));
        MediaInfo media = inspector.inspect(source);
        PackagingPlan transcode = new PackagingPlan(media, Packaging.TRANSCODE,
                List.of(new Rendition(320, 240, 500), new Rendition(160, 120, 200)), "test");

        packager.packageDash(source, transcode, output, p -> { });

        assertEquals(List.of("0 video 320x240", "1 video 160x120"), representations(output));
        assertFalse(namesIn(output).contains("media_2.m3u8"));
    }

    @Test
    void inspectionFindsDurationStreamsAndSize() throws Exception {
        MediaInfo withSound = inspector.inspect(SampleMedia.h264WithSound(directory.resolve("a.mp4"), 3, "320x240", 60));
        MediaInfo soundOnly = inspector.inspect(SampleMedia.soundOnly(directory.resolve("b.mp4"), 1));

        VideoStream video = withSound.video().orElseThrow();
        assertEquals(new VideoStream("h264", "yuv420p", 320, 240, 0, video.kbps()), video);
        assertTrue(video.kbps() > 0, "the stream's bit rate is read");
        assertEquals("aac", withSound.audio().orElseThrow().codec());
        assertTrue(withSound.duration().compareTo(Duration.ofMillis(2900)) > 0, "duration " + withSound.duration());
        assertFalse(soundOnly.hasVideo());
    }

    @Test
    void aFileThatOnlyStartsLikeMp4IsUnreadableWithFfprobesReason() throws IOException {
        Path fake = Files.write(directory.resolve("fake.mp4"),
                new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'g', 'a', 'r', 'b', 'a', 'g', 'e', '!'});

        UnreadableMediaException e = assertThrows(UnreadableMediaException.class, () -> inspector.inspect(fake));
        assertTrue(e.getMessage().startsWith("the file could not be read as a video: "), e.getMessage());
        assertFalse(e.getMessage().contains(directory.toString()), "no server path in: " + e.getMessage());
    }

    @Test
    void aFailingRunGivesFfmpegsReason() throws Exception {
        Path broken = Files.writeString(directory.resolve("broken.mp4"), "not a video at all");
        Path output = Files.createDirectory(directory.resolve("out"));

        PackagingException e = assertThrows(PackagingException.class, () ->
                packager.packageDash(broken, claimedH264(broken), output, p -> { }));
        assertEquals("ffmpeg could not package the video: the upload: Invalid data found when processing input", e.getMessage());
    }

    @Test
    void aRunPastTheTimeoutIsStopped() throws Exception {
        Path source = SampleMedia.videoWithSound(directory.resolve("in.mp4"), 3);
        Path output = Files.createDirectory(directory.resolve("out"));
        PackagingPlan plan = planner.plan(source, inspector.inspect(source));

        PackagingException e = assertThrows(PackagingException.class, () ->
                new FfmpegDashPackager("ffmpeg", Duration.ofMillis(1), THREADS).packageDash(source, plan, output, p -> { }));
        assertTrue(e.getMessage().startsWith("packaging took longer than the limit of"), e.getMessage());
    }

    @Test
    void aMissingExecutableIsAnIOException() {
        assertThrows(IOException.class, () ->
                new FfprobeMediaInspector("/nonexistent/ffprobe", THREADS).inspect(directory.resolve("x.mp4")));
    }

    private static PackagingPlan claimedH264(Path source) {
        VideoStream video = new VideoStream("h264", "yuv420p", 320, 240, 0);
        MediaInfo claimed = new MediaInfo(Duration.ofSeconds(3), Optional.of(video), Optional.empty());
        return new PackagingPlan(claimed, Packaging.REMUX, List.of(Rendition.copyOf(video)), "claimed for " + source);
    }

    /** "0 video 1280x720", "1 audio", ... in manifest order. */
    static List<String> representations(Path output) throws IOException {
        Matcher matcher = REPRESENTATION.matcher(Files.readString(output.resolve("manifest.mpd")));
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            String attributes = matcher.group(1);
            Optional<String> width = attribute(attributes, "width");
            found.add(attribute(attributes, "id").orElseThrow() + " " + attribute(attributes, "mimeType").orElseThrow().replace("/mp4", "")
                    + (width.isPresent() ? " " + width.get() + "x" + attribute(attributes, "height").orElseThrow() : ""));
        }
        return found.stream().sorted().toList();
    }

    /** An XML attribute's value, in whatever order the attributes are written. */
    private static Optional<String> attribute(String attributes, String name) {
        Matcher value = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return value.find() ? Optional.of(value.group(1)) : Optional.empty();
    }

    private static int widthOf(Path image) throws IOException {
        BufferedImage read = ImageIO.read(image.toFile());
        return read.getWidth();
    }

    static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
