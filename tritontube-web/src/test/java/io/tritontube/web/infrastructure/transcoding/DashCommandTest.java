package io.tritontube.web.infrastructure.transcoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.application.media.AudioStream;
import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.PackagingPlan;
import io.tritontube.web.application.media.Rendition;
import io.tritontube.web.application.media.VideoStream;
import io.tritontube.web.domain.video.Packaging;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.commons.exec.CommandLine;
import org.junit.jupiter.api.Test;

class DashCommandTest {

    private static final Path SOURCE = Path.of("/data/work/1234.mp4");
    private static final Path OUTPUT = Path.of("/data/work/1234.dash");
    private static final VideoStream H264_720P = new VideoStream("h264", "yuv420p", 1280, 720, 0);
    private static final MediaInfo WITH_SOUND = new MediaInfo(Duration.ofMinutes(10), Optional.of(H264_720P),
            Optional.of(new AudioStream("aac")));
    private static final MediaInfo SILENT = new MediaInfo(Duration.ofMinutes(10), Optional.of(H264_720P), Optional.empty());
    private static final List<Rendition> LADDER = List.of(new Rendition(1280, 720, 3000), new Rendition(640, 360, 800));

    @Test
    void aRemuxCopiesBothStreamsIntoDashAndHls() {
        PackagingPlan remux = new PackagingPlan(WITH_SOUND, Packaging.REMUX, List.of(Rendition.copyOf(H264_720P)), "test");

        assertEquals(List.of(
                "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-i", "/data/work/1234.mp4",
                "-map", "0:v:0", "-map", "0:a:0", "-c", "copy",
                "-f", "dash", "-use_timeline", "1", "-use_template", "1", "-seg_duration", "4",
                "-adaptation_sets", "id=0,streams=v id=1,streams=a",
                "-hls_playlist", "1",
                "-init_seg_name", "init-$RepresentationID$.m4s",
                "-media_seg_name", "chunk-$RepresentationID$-$Number%05d$.m4s",
                "-progress", "pipe:1", "-nostats",
                "/data/work/1234.dash/manifest.mpd"),
                DashCommand.arguments(SOURCE, remux, OUTPUT));
    }

    @Test
    void lowerRungsAreVideoOnlyWithKeyframesExactlyWhereTheSourceHasThemAtALowPriority() {
        CommandLine command = DashCommand.lowerRungCommandLine("/usr/bin/ffmpeg", 10, SOURCE,
                List.of(new Rendition(640, 360, 800)), OUTPUT);
        List<String> arguments = List.of(command.getArguments());

        assertEquals("nice", command.getExecutable());
        assertEquals(List.of("-n", "10", "/usr/bin/ffmpeg"), arguments.subList(0, 3));
        assertEquals("[0:v:0]scale=640:360[v0]", valueOf(arguments, "-filter_complex"));
        assertEquals(1, Collections.frequency(arguments, "-map"), "one picture, no sound: " + arguments);
        assertEquals("[v0]", valueOf(arguments, "-map"));
        assertTrue(Collections.indexOfSubList(arguments, List.of(
                "-g", "100000", "-sc_threshold", "0", "-force_key_frames", "source")) > 0, "source keyframes in " + arguments);
        assertFalse(arguments.contains("-keyint_min"), "no keyframe of x264's own choosing: " + arguments);
        assertEquals("800k", valueOf(arguments, "-b:v:0"));
        assertEquals("id=0,streams=v", valueOf(arguments, "-adaptation_sets"));
        assertFalse(arguments.contains("-c:a"), "no audio: " + arguments);
    }

    @Test
    void aTranscodeDecodesOnceAndEncodesEachRungWithTheReferenceGop() {
        List<String> arguments = DashCommand.arguments(SOURCE, new PackagingPlan(WITH_SOUND, Packaging.TRANSCODE, LADDER, "test"), OUTPUT);

        assertEquals("[0:v:0]split=2[s0][s1];[s0]scale=1280:720[v0];[s1]scale=640:360[v1]", valueOf(arguments, "-filter_complex"));
        assertTrue(Collections.indexOfSubList(arguments, List.of(
                "-c:v", "libx264", "-preset", "superfast", "-pix_fmt", "yuv420p",
                "-bf", "1", "-keyint_min", "120", "-g", "120", "-sc_threshold", "0",
                "-force_key_frames", "expr:gte(t,n_forced*4)")) > 0, "reference GOP settings in " + arguments);
        assertEquals("3000k", valueOf(arguments, "-b:v:0"));
        assertEquals("800k", valueOf(arguments, "-b:v:1"));
        assertEquals("aac", valueOf(arguments, "-c:a"));
        assertEquals("128k", valueOf(arguments, "-b:a"));
    }

    @Test
    void representationOneIsTheAudioAndTheSmallerRungsFollowIt() {
        List<String> arguments = DashCommand.arguments(SOURCE, new PackagingPlan(WITH_SOUND, Packaging.TRANSCODE, LADDER, "test"), OUTPUT);

        assertTrue(Collections.indexOfSubList(arguments, List.of("-map", "[v0]", "-map", "0:a:0", "-map", "[v1]")) > 0,
                "stream order in " + arguments);
    }

    @Test
    void aSilentVideoHasNoAudioStreamOrAdaptationSet() {
        List<String> arguments = DashCommand.arguments(SOURCE, new PackagingPlan(SILENT, Packaging.TRANSCODE, LADDER, "test"), OUTPUT);

        assertFalse(arguments.contains("0:a:0"));
        assertFalse(arguments.contains("aac"));
        assertEquals("id=0,streams=v", valueOf(arguments, "-adaptation_sets"));
        assertTrue(Collections.indexOfSubList(arguments, List.of("-map", "[v0]", "-map", "[v1]")) > 0);
    }

    @Test
    void oneRungNeedsNoSplit() {
        PackagingPlan plan = new PackagingPlan(SILENT, Packaging.TRANSCODE, List.of(new Rendition(320, 240, 500)), "test");

        assertEquals("[0:v:0]scale=320:240[v0]", valueOf(DashCommand.arguments(SOURCE, plan, OUTPUT), "-filter_complex"));
    }

    @Test
    void theCommandLineKeepsDollarPlaceholdersAndSpacesLiteral() {
        PackagingPlan plan = new PackagingPlan(WITH_SOUND, Packaging.TRANSCODE, LADDER, "test");
        CommandLine command = DashCommand.commandLine("/opt/my ffmpeg/ffmpeg", Path.of("/tmp/a b.mp4"), plan, OUTPUT);

        List<String> strings = List.of(command.toStrings());
        assertEquals("/opt/my ffmpeg/ffmpeg", strings.get(0));
        assertEquals("/tmp/a b.mp4", valueOf(strings, "-i"));
        assertEquals("chunk-$RepresentationID$-$Number%05d$.m4s", valueOf(strings, "-media_seg_name"));
        assertEquals("id=0,streams=v id=1,streams=a", valueOf(strings, "-adaptation_sets"));
    }

    static String valueOf(List<String> arguments, String option) {
        return arguments.get(arguments.indexOf(option) + 1);
    }
}
