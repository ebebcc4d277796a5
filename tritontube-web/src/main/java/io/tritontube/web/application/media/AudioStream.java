package io.tritontube.web.application.media;

import java.util.Objects;

/** An audio stream as the container describes it: {@code codec} is ffmpeg's name ({@code aac}, {@code mp3}, ...). */
public record AudioStream(String codec) {

    public AudioStream {
        Objects.requireNonNull(codec, "codec");
    }
}
