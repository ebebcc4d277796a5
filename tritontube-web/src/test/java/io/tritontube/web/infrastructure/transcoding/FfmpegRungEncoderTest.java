package io.tritontube.web.infrastructure.transcoding;

import static io.tritontube.web.infrastructure.transcoding.FfmpegToolsTest.namesIn;
import static io.tritontube.web.infrastructure.transcoding.FfmpegToolsTest.representations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.application.media.PackagingPlan;
import io.tritontube.web.application.media.PackagingPlanner;
import io.tritontube.web.application.media.Rendition;
import io.tritontube.web.domain.video.Packaging;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remuxed video's lower rung made by the real ffmpeg and merged into its real remux, then
 * read back by ffprobe and ffmpeg as a player would: one ladder, switchable at every segment.
 */
class FfmpegRungEncoderTest {

    private static final ThreadFactory THREADS = Executors.defaultThreadFactory();
    /** Irregular, as a camera's scene cuts: segments of 4.1, 5.1 and 0.8 s, none of them 4 s. */
    private static final String SOURCE_KEYFRAMES = "0,1.3,3.9,4.1,5.5,7.7,9.2";

    @TempDir
    Path directory;

    private final FfprobeMediaInspector inspector = new FfprobeMediaInspector("ffprobe", THREADS);
    private final FfmpegDashPackager packager = new FfmpegDashPackager("ffmpeg", Duration.ofMinutes(2), THREADS);
    private final FfmpegRungEncoder encoder = new FfmpegRungEncoder("ffmpeg", 10, Duration.ofMinutes(2), THREADS);

    @Test
    void theLowerRungJoinsTheManifestAndPlaylistWithSegmentsStartingWithTheCopiedOnes() throws Exception {
        Path source = SampleMedia.h264WithKeyframesAt(directory.resolve("in.mp4"), 10, "854x480", SOURCE_KEYFRAMES);
        Path packaged = Files.createDirectory(directory.resolve("packaged"));
        PackagingPlan plan = new PackagingPlanner(inspector).plan(source, inspector.inspect(source));
        packager.packageDash(source, plan, packaged, fraction -> { });
        Path added = Files.createDirectory(directory.resolve("added"));

        encoder.addRungs(source, List.of(new Rendition(640, 360, 800)), packaged, added);

        assertEquals(Packaging.REMUX, plan.packaging());
        List<String> written = namesIn(added);
        assertTrue(written.containsAll(List.of("init-2.m4s", "chunk-2-00001.m4s", "chunk-2-00003.m4s", "media_2.m3u8",
                "manifest.mpd", "master.m3u8")), "written: " + written);
        assertTrue(written.stream().noneMatch(name -> name.startsWith("init-0") || name.startsWith("chunk-0")
                || name.startsWith("init-1") || name.startsWith("chunk-1") || name.equals("encoded")), "written: " + written);
        publish(added, packaged);
        assertEquals(List.of("0 video 854x480", "1 audio", "2 video 640x360"), representations(packaged));
        List<Double> copiedStarts = segmentStarts(packaged, 0);
        assertEquals(List.of(0.0, 4.1, 9.2), copiedStarts.stream().map(s -> Math.round(s * 10) / 10.0).toList());
        assertEquals(copiedStarts, segmentStarts(packaged, 2));
        assertEquals(List.of("video 480", "video 360", "audio"), streams(packaged.resolve("manifest.mpd")));
        assertTrue(streams(packaged.resolve("master.m3u8")).containsAll(List.of("video 480", "video 360")),
                Files.readString(packaged.resolve("master.m3u8")));
        decodeAll(packaged.resolve("manifest.mpd"));
    }

    /** The first picture's time of every media segment of a representation, read by ffprobe from init + segment. */
    private static List<Double> segmentStarts(Path packaged, int representation) throws Exception {
        byte[] init = Files.readAllBytes(packaged.resolve("init-" + representation + ".m4s"));
        List<Double> starts = new ArrayList<>();
        for (int number = 1; Files.exists(packaged.resolve(segment(representation, number))); number++) {
            Path joined = packaged.resolve("joined-" + representation + "-" + number + ".mp4");
            try (OutputStream out = Files.newOutputStream(joined)) {
                out.write(init);
                out.write(Files.readAllBytes(packaged.resolve(segment(representation, number))));
            }
            String times = run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time",
                    "-of", "csv=p=0", joined.toString());
            starts.add(times.lines().map(Double::parseDouble).min(Double::compare).orElseThrow());
            Files.delete(joined);
        }
        return starts;
    }

    private static String segment(int representation, int number) {
        return String.format("chunk-%d-%05d.m4s", representation, number);
    }

    /** "video 480", "audio": the distinct streams ffprobe finds through a manifest or playlist, in its order. */
    private static List<String> streams(Path index) throws Exception {
        return run("ffprobe", "-v", "error", "-show_entries", "stream=codec_type,height", "-of", "csv=p=0", index.toString())
                .lines().map(line -> line.replace(",", " ").trim()).filter(line -> !line.isEmpty())
                .distinct() // ffprobe lists the streams again under each program
                .toList();
    }

    private static void decodeAll(Path manifest) throws Exception {
        run("ffmpeg", "-v", "error", "-i", manifest.toString(), "-map", "0", "-f", "null", "-");
    }

    /** What the ContentPublisher does with the new files, and the store's atomic replacement with the indexes. */
    private static void publish(Path added, Path packaged) throws IOException {
        for (String name : namesIn(added)) {
            Files.copy(added.resolve(name), packaged.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
