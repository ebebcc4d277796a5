package io.tritontube.web.application.media;

import java.time.Duration;
import java.util.Objects;

/**
 * What an inspection found in an uploaded file.
 *
 * @param duration  how long it plays; {@link Duration#ZERO} when the container does not say
 * @param hasVideo  whether it has at least one video stream
 * @param hasAudio  whether it has at least one audio stream
 */
public record MediaInfo(Duration duration, boolean hasVideo, boolean hasAudio) {

    public MediaInfo {
        Objects.requireNonNull(duration, "duration");
    }
}
