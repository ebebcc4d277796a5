package io.tritontube.web.infrastructure.transcoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FfmpegProgressParserTest {

    private final FfmpegProgressParser parser = new FfmpegProgressParser(Duration.ofSeconds(10));

    @Test
    void outTimeIsMeasuredAgainstTheDuration() {
        assertEquals(OptionalDouble.of(0.25), parser.parse("out_time_us=2500000"));
        assertEquals(OptionalDouble.of(0.0), parser.parse("out_time_us=0"));
    }

    @Test
    void theEndIsAlwaysAll() {
        assertEquals(OptionalDouble.of(1.0), parser.parse("progress=end"));
        assertEquals(OptionalDouble.of(1.0), new FfmpegProgressParser(Duration.ZERO).parse("progress=end"));
    }

    @Test
    void figuresStayWithinZeroAndOne() {
        // ffmpeg's last out_time can run past the container's duration; early ones can be negative.
        assertEquals(OptionalDouble.of(1.0), parser.parse("out_time_us=10400000"));
        assertEquals(OptionalDouble.of(0.0), parser.parse("out_time_us=-23220"));
    }

    @Test
    void otherLinesAndUnknownTimesReportNothing() {
        assertTrue(parser.parse("frame=120").isEmpty());
        assertTrue(parser.parse("progress=continue").isEmpty());
        assertTrue(parser.parse("out_time_us=N/A").isEmpty());
        assertTrue(parser.parse("out_time=00:00:02.500000").isEmpty());
        assertTrue(new FfmpegProgressParser(Duration.ZERO).parse("out_time_us=2500000").isEmpty());
    }
}
