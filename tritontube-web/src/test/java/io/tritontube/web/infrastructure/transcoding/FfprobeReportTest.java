package io.tritontube.web.infrastructure.transcoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.UnreadableMediaException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FfprobeReportTest {

    @Test
    void readsDurationAndStreamKinds() throws Exception {
        MediaInfo media = FfprobeReport.parse("""
                {"streams": [
                   {"index": 0, "codec_type": "video", "disposition": {"attached_pic": 0}},
                   {"index": 1, "codec_type": "audio"}],
                 "format": {"duration": "3.021333"}}""");

        assertEquals(Duration.ofMillis(3021).plusNanos(333_000), media.duration());
        assertTrue(media.hasVideo());
        assertTrue(media.hasAudio());
    }

    @Test
    void coverArtIsNotAVideoStream() throws Exception {
        MediaInfo media = FfprobeReport.parse("""
                {"streams": [
                   {"codec_type": "audio"},
                   {"codec_type": "video", "disposition": {"attached_pic": 1}}],
                 "format": {"duration": "180.0"}}""");

        assertFalse(media.hasVideo());
        assertTrue(media.hasAudio());
    }

    @Test
    void anUnknownDurationIsZero() throws Exception {
        assertEquals(Duration.ZERO, FfprobeReport.parse("{\"streams\": [], \"format\": {\"duration\": \"N/A\"}}").duration());
        assertEquals(Duration.ZERO, FfprobeReport.parse("{}").duration());
    }

    @Test
    void somethingThatIsNotAReportIsUnreadable() {
        assertThrows(UnreadableMediaException.class, () -> FfprobeReport.parse(""));
        assertThrows(UnreadableMediaException.class, () -> FfprobeReport.parse("[1, 2]"));
    }
}
