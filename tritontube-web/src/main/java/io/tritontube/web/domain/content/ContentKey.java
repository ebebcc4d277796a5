package io.tritontube.web.domain.content;

import io.tritontube.web.domain.video.VideoId;
import java.util.Objects;

/**
 * One stored file: a video's id and one of its file names. {@link #ringKey()} is the
 * string the reference hashes to place it ({@code "<videoId>/<filename>"}).
 */
public record ContentKey(VideoId videoId, ContentFileName fileName) {

    public ContentKey {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(fileName, "fileName");
    }

    public String ringKey() {
        return videoId.value() + "/" + fileName.value();
    }

    @Override
    public String toString() {
        return ringKey();
    }
}
