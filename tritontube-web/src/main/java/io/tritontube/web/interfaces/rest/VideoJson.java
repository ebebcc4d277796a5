package io.tritontube.web.interfaces.rest;

import io.tritontube.web.domain.video.Packaging;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoFormat;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * One video in JSON: {@code {"id", "uploadedAt" (ISO-8601 UTC), "status" (processing | ready
 * | failed), "progress" (0-100), "error" (null unless failed), "duration" (seconds, e.g.
 * 600.5), "width", "height" (pixels as displayed), "packaging" (remux | transcode, null until
 * chosen), "renditions" (["1280x720", "640x360"], largest first, empty until chosen)}}.
 * Duration, width and height are null for videos recorded before they were kept.
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "uploadedAt", "status", "progress", "error", "duration", "width", "height", "packaging", "renditions"})
public record VideoJson(String id, String uploadedAt, String status, int progress, String error,
                        Double duration, Integer width, Integer height, String packaging, List<String> renditions) {

    static VideoJson of(Video video) {
        VideoFormat format = video.format();
        return new VideoJson(video.id().value(), video.uploadedAt().toString(), video.status().label(),
                video.progress(), video.error(),
                format.duration().isZero() ? null : format.duration().toMillis() / 1000.0,
                format.width() == 0 ? null : format.width(),
                format.height() == 0 ? null : format.height(),
                format.packaging().map(Packaging::label).orElse(null),
                format.renditions());
    }
}
