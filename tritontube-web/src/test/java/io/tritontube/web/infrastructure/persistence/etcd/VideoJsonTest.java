package io.tritontube.web.infrastructure.persistence.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tritontube.web.domain.video.Packaging;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoFormat;
import io.tritontube.web.domain.video.VideoId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VideoJsonTest {

    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00.123Z");

    @Test
    void aVideoWithItsFormatSurvivesTheRoundTrip() {
        Video video = Video.accepted(VideoId.of("cat"), NOON,
                new VideoFormat(Duration.ofMillis(600_500), 1280, 720, true, Optional.of(Packaging.REMUX), List.of("1280x720")))
                .ready();

        JsonObject json = VideoJson.toJson(video);

        assertEquals("remux", json.getJsonObject("format").getString("packaging"));
        assertEquals(video, VideoJson.fromJson(json));
    }

    @Test
    void aFormatWithoutPackagingYetSurvivesTheRoundTrip() {
        Video video = Video.accepted(VideoId.of("cat"), NOON, VideoFormat.inspected(Duration.ofSeconds(3), 320, 240, false));

        assertEquals(video, VideoJson.fromJson(VideoJson.toJson(video)));
    }

    @Test
    void aRecordWrittenBeforeFormatsWereKeptReadsAsUnknown() {
        JsonObject old = Json.createReader(new StringReader(
                "{\"id\":\"cat\",\"uploadedAt\":\"2026-11-30T12:00:00.123Z\",\"status\":\"ready\",\"progress\":100}")).readObject();

        Video video = VideoJson.fromJson(old);

        assertEquals(VideoFormat.UNKNOWN, video.format());
        assertFalse(VideoJson.toJson(video).containsKey("format"), "an unknown format is not written");
    }
}
