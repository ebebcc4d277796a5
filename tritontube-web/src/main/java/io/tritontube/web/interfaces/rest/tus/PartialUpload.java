package io.tritontube.web.interfaces.rest.tus;

import io.tritontube.web.domain.video.VideoId;
import java.util.Optional;

/**
 * A resumable upload as stored.
 *
 * @param id           the upload's id: a random UUID, the last segment of its URL
 * @param fileName     the name the client gave, which makes the video id
 * @param length       the size announced at creation
 * @param offset       the bytes received so far; {@code length} once handed over
 * @param handedOverAs the video made of it, once complete and accepted
 */
record PartialUpload(String id, String fileName, long length, long offset, Optional<VideoId> handedOverAs) {

    long remaining() {
        return length - offset;
    }
}
