package io.tritontube.web.application.media;

import io.tritontube.web.domain.video.VideoFormat;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an inspection found in an uploaded file: its first video stream and its first audio
 * stream, the ones packaging uses.
 *
 * @param duration how long it plays; {@link Duration#ZERO} when the container does not say
 * @param video    the first video stream (cover art does not count); empty when there is none
 * @param audio    the first audio stream; empty when there is none
 */
public record MediaInfo(Duration duration, Optional<VideoStream> video, Optional<AudioStream> audio) {

    public MediaInfo {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(audio, "audio");
    }

    public boolean hasVideo() {
        return video.isPresent();
    }

    public boolean hasAudio() {
        return audio.isPresent();
    }

    /** The format the viewer will see, as far as inspection tells: no packaging chosen yet. */
    public VideoFormat format() {
        return VideoFormat.inspected(duration,
                video.map(VideoStream::displayWidth).orElse(0),
                video.map(VideoStream::displayHeight).orElse(0),
                hasAudio());
    }
}
