package io.tritontube.web.infrastructure.transcoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.application.media.AudioStream;
import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.UnreadableMediaException;
import io.tritontube.web.application.media.VideoStream;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FfprobeReportTest {

    @Test
    void readsDurationAndTheFirstStreamOfEachKind() throws Exception {
        MediaInfo media = FfprobeReport.parse("""
                {"streams": [
                   {"index": 0, "codec_type": "video", "codec_name": "h264", "pix_fmt": "yuv420p",
                    "width": 1280, "height": 720, "bit_rate": "1205999", "disposition": {"attached_pic": 0}},
                   {"index": 1, "codec_type": "audio", "codec_name": "aac"},
                   {"index": 2, "codec_type": "audio", "codec_name": "ac3"}],
                 "format": {"duration": "3.021333"}}""");

        assertEquals(Duration.ofMillis(3021).plusNanos(333_000), media.duration());
        assertEquals(Optional.of(new VideoStream("h264", "yuv420p", 1280, 720, 0, 1205)), media.video());
        assertEquals(Optional.of(new AudioStream("aac")), media.audio());
    }

    @Test
    void coverArtIsNotAVideoStream() throws Exception {
        MediaInfo media = FfprobeReport.parse("""
                {"streams": [
                   {"codec_type": "audio", "codec_name": "mp3"},
                   {"codec_type": "video", "codec_name": "mjpeg", "disposition": {"attached_pic": 1}}],
                 "format": {"duration": "180.0"}}""");

        assertFalse(media.hasVideo());
        assertTrue(media.hasAudio());
    }

    @Test
    void aPhoneVideoRecordedTurnedIsShownUpright() throws Exception {
        MediaInfo media = FfprobeReport.parse("""
                {"streams": [
                   {"codec_type": "video", "codec_name": "h264", "pix_fmt": "yuv420p", "width": 1920, "height": 1080,
                    "side_data_list": [{"side_data_type": "Display Matrix", "rotation": -90}]}]}""");

        VideoStream video = media.video().orElseThrow();
        assertEquals(270, video.rotation());
        assertEquals(1080, video.displayWidth());
        assertEquals(1920, video.displayHeight());
        assertEquals(1080, media.format().width());
    }

    @Test
    void theOlderRotateTagCountsToo() throws Exception {
        MediaInfo media = FfprobeReport.parse("""
                {"streams": [{"codec_type": "video", "codec_name": "h264", "width": 640, "height": 480,
                              "tags": {"rotate": "90"}}]}""");

        assertEquals(90, media.video().orElseThrow().rotation());
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
