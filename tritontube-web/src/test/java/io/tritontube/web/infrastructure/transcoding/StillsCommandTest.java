package io.tritontube.web.infrastructure.transcoding;

import static io.tritontube.web.infrastructure.transcoding.DashCommandTest.valueOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StillsCommandTest {

    private static final Path SOURCE = Path.of("/data/work/1234.mp4");
    private static final Path OUTPUT = Path.of("/data/work/1234.dash");

    @Test
    void takesOneFrameATenthIntoTheVideo() {
        List<String> arguments = StillsCommand.arguments(SOURCE, Duration.ofSeconds(605), OUTPUT);

        assertEquals("60.500", valueOf(arguments, "-ss"));
        assertTrue(arguments.indexOf("-ss") < arguments.indexOf("-i"), "seeks the input, not the output: " + arguments);
    }

    @Test
    void anUnknownDurationTakesTheFirstFrame() {
        assertEquals("0.000", valueOf(StillsCommand.arguments(SOURCE, Duration.ZERO, OUTPUT), "-ss"));
    }

    @Test
    void writesAPosterAndAThumbnailShrunkButNeverEnlarged() {
        List<String> arguments = StillsCommand.arguments(SOURCE, Duration.ofSeconds(10), OUTPUT);

        assertEquals("[0:v:0]split=2[p][t];[p]scale='min(640,iw)':-2[poster];[t]scale='min(320,iw)':-2[thumbnail]",
                valueOf(arguments, "-filter_complex"));
        assertEquals(List.of("-map", "[poster]", "-frames:v", "1", "-q:v", "3", "/data/work/1234.dash/poster.jpg",
                        "-map", "[thumbnail]", "-frames:v", "1", "-q:v", "4", "/data/work/1234.dash/thumb.jpg"),
                arguments.subList(arguments.indexOf("-map"), arguments.size()));
    }
}
