package io.tritontube.web.interfaces.rest;

import io.tritontube.web.domain.video.Video;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One video in JSON: {@code {"id", "uploadedAt" (ISO-8601 UTC), "status" (processing | ready
 * | failed), "progress" (0-100), "error" (null unless failed)}}.
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "uploadedAt", "status", "progress", "error"})
public record VideoJson(String id, String uploadedAt, String status, int progress, String error) {

    static VideoJson of(Video video) {
        return new VideoJson(video.id().value(), video.uploadedAt().toString(), video.status().label(),
                video.progress(), video.error());
    }
}
