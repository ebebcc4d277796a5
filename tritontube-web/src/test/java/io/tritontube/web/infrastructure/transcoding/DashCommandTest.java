package io.tritontube.web.infrastructure.transcoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.exec.CommandLine;
import org.junit.jupiter.api.Test;

class DashCommandTest {

    private static final Path SOURCE = Path.of("/data/work/1234.mp4");
    private static final Path OUTPUT = Path.of("/data/work/1234.dash");

    @Test
    void usesTheReferenceSettingsWithAVeryfastPreset() {
        assertEquals(List.of(
                "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-i", "/data/work/1234.mp4",
                "-map", "0:v:0", "-map", "0:a:0",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-b:v", "3000k",
                "-bf", "1", "-keyint_min", "120", "-g", "120", "-sc_threshold", "0",
                "-c:a", "aac", "-b:a", "128k",
                "-f", "dash", "-use_timeline", "1", "-use_template", "1", "-seg_duration", "4",
                "-init_seg_name", "init-$RepresentationID$.m4s",
                "-media_seg_name", "chunk-$RepresentationID$-$Number%05d$.m4s",
                "-progress", "pipe:1", "-nostats",
                "/data/work/1234.dash/manifest.mpd"),
                DashCommand.arguments(SOURCE, OUTPUT, true));
    }

    @Test
    void aSilentVideoGetsNoAudioMappingOrEncoder() {
        List<String> arguments = DashCommand.arguments(SOURCE, OUTPUT, false);

        assertFalse(arguments.contains("0:a:0"));
        assertFalse(arguments.contains("aac"));
    }

    @Test
    void theCommandLineKeepsDollarPlaceholdersAndSpacesLiteral() {
        CommandLine command = DashCommand.commandLine("/opt/my ffmpeg/ffmpeg", Path.of("/tmp/a b.mp4"), OUTPUT, true);

        List<String> strings = List.of(command.toStrings());
        assertEquals("/opt/my ffmpeg/ffmpeg", strings.get(0));
        assertEquals("/tmp/a b.mp4", strings.get(strings.indexOf("-i") + 1));
        assertEquals("chunk-$RepresentationID$-$Number%05d$.m4s", strings.get(strings.indexOf("-media_seg_name") + 1));
    }
}
