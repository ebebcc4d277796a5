package io.tritontube.web.infrastructure.persistence.etcd;

import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * A video's record as stored in etcd:
 * {@code {"id":"cat","uploadedAt":"2026-11-30T05:07:45.123Z","status":"ready","progress":100}}
 * with {@code "error"} present only for failed videos.
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
        return json.build();
    }

    static Video fromJson(JsonObject json) {
        return new Video(
                VideoId.of(json.getString("id")),
                Instant.parse(json.getString("uploadedAt")),
                VideoStatus.fromLabel(json.getString("status")),
                json.getInt("progress"),
                json.getString("error", null));
    }
}
