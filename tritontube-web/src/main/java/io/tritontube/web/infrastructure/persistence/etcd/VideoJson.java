package io.tritontube.web.infrastructure.persistence.etcd;

import io.tritontube.web.domain.video.Packaging;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoFormat;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoStatus;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A video's record as stored in etcd:
 * {@code {"id":"cat","uploadedAt":"2026-11-30T05:07:45.123Z","status":"ready","progress":100,
 * "format":{"durationMs":600000,"width":1280,"height":720,"hasAudio":true,"packaging":"remux",
 * "renditions":["1280x720"]}}} with {@code "error"} present only for failed videos,
 * {@code "packaging"} only once chosen, and {@code "format"} only when known (records written
 * by older versions have none).
 */
final class VideoJson {

    private VideoJson() {
    }

    static JsonObject toJson(Video video) {
        JsonObjectBuilder json = JsonValues.BUILDERS.createObjectBuilder()
                .add("id", video.id().value())
                .add("uploadedAt", video.uploadedAt().toString())
                .add("status", video.status().label())
                .add("progress", video.progress());
        if (video.error() != null) {
            json.add("error", video.error());
        }
        if (!video.format().equals(VideoFormat.UNKNOWN)) {
            json.add("format", formatJson(video.format()));
        }
        return json.build();
    }

    static Video fromJson(JsonObject json) {
        return new Video(
                VideoId.of(json.getString("id")),
                Instant.parse(json.getString("uploadedAt")),
                VideoStatus.fromLabel(json.getString("status")),
                json.getInt("progress"),
                json.getString("error", null),
                json.containsKey("format") ? format(json.getJsonObject("format")) : VideoFormat.UNKNOWN);
    }

    private static JsonObjectBuilder formatJson(VideoFormat format) {
        JsonArrayBuilder renditions = JsonValues.BUILDERS.createArrayBuilder();
        format.renditions().forEach(renditions::add);
        JsonObjectBuilder json = JsonValues.BUILDERS.createObjectBuilder()
                .add("durationMs", format.duration().toMillis())
                .add("width", format.width())
                .add("height", format.height())
                .add("hasAudio", format.hasAudio())
                .add("renditions", renditions);
        format.packaging().ifPresent(packaging -> json.add("packaging", packaging.label()));
        return json;
    }

    private static VideoFormat format(JsonObject json) {
        return new VideoFormat(
                Duration.ofMillis(json.getJsonNumber("durationMs").longValue()),
                json.getInt("width"),
                json.getInt("height"),
                json.getBoolean("hasAudio"),
                Optional.ofNullable(json.getString("packaging", null)).map(Packaging::fromLabel),
                json.getJsonArray("renditions").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }
}
