package io.tritontube.web.infrastructure.transcoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.PackagingException;
import io.tritontube.web.application.media.UnreadableMediaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real ffprobe and ffmpeg on media that ffmpeg makes for the test. */
class FfmpegToolsTest {

    private static final ThreadFactory THREADS = Executors.defaultThreadFactory();

    @TempDir
    Path directory;

    private final FfprobeMediaInspector inspector = new FfprobeMediaInspector("ffprobe", THREADS);

    @Test
    void packagesAVideoWithSoundAsDashWithProgress() throws Exception {
        Path source = SampleMedia.videoWithSound(directory.resolve("in.mp4"), 3);
        Path output = Files.createDirectory(directory.resolve("out"));
        MediaInfo media = inspector.inspect(source);
        List<Double> progress = new CopyOnWriteArrayList<>();

        new FfmpegDashPackager("ffmpeg", Duration.ofMinutes(2), THREADS).packageDash(source, media, output, progress::add);

        List<String> files = namesIn(output);
        assertTrue(files.containsAll(List.of("manifest.mpd", "init-0.m4s", "init-1.m4s", "chunk-0-00001.m4s", "chunk-1-00001.m4s")),
                "files written: " + files);
        assertTrue(Files.readString(output.resolve("manifest.mpd")).contains("<MPD"));
        assertEquals(1.0, progress.get(progress.size() - 1));
        assertTrue(progress.stream().allMatch(p -> p >= 0.0 && p <= 1.0));
    }

    @Test
    void aSilentVideoHasOnlyTheVideoRepresentation() throws Exception {
        Path source = SampleMedia.silentVideo(directory.resolve("silent.mp4"), 2);
        Path output = Files.createDirectory(directory.resolve("out"));
        MediaInfo media = inspector.inspect(source);

        new FfmpegDashPackager("ffmpeg", Duration.ofMinutes(2), THREADS).packageDash(source, media, output, p -> { });

        List<String> files = namesIn(output);
        assertTrue(files.contains("init-0.m4s"));
        assertFalse(files.contains("init-1.m4s"));
    }

    @Test
    void inspectionFindsDurationAndStreams() throws Exception {
        MediaInfo withSound = inspector.inspect(SampleMedia.videoWithSound(directory.resolve("a.mp4"), 3));
        MediaInfo soundOnly = inspector.inspect(SampleMedia.soundOnly(directory.resolve("b.mp4"), 1));

        assertTrue(withSound.hasVideo() && withSound.hasAudio());
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
        MediaInfo claimed = new MediaInfo(Duration.ofSeconds(3), true, true);

        PackagingException e = assertThrows(PackagingException.class, () ->
                new FfmpegDashPackager("ffmpeg", Duration.ofMinutes(1), THREADS).packageDash(broken, claimed, output, p -> { }));
        assertEquals("ffmpeg could not package the video: the upload: Invalid data found when processing input", e.getMessage());
    }

    @Test
    void aRunPastTheTimeoutIsStopped() throws Exception {
        Path source = SampleMedia.videoWithSound(directory.resolve("in.mp4"), 3);
        Path output = Files.createDirectory(directory.resolve("out"));
        MediaInfo media = inspector.inspect(source);

        PackagingException e = assertThrows(PackagingException.class, () ->
                new FfmpegDashPackager("ffmpeg", Duration.ofMillis(1), THREADS).packageDash(source, media, output, p -> { }));
        assertTrue(e.getMessage().startsWith("packaging took longer than the limit of"), e.getMessage());
    }

    @Test
    void aMissingExecutableIsAnIOException() {
        assertThrows(IOException.class, () ->
                new FfprobeMediaInspector("/nonexistent/ffprobe", THREADS).inspect(directory.resolve("x.mp4")));
    }

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
