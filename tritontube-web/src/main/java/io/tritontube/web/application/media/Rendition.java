package io.tritontube.web.application.media;

import io.tritontube.web.domain.video.VideoFormat;

/**
 * One video representation of the manifest.
 *
 * @param width      in pixels, even
 * @param height     in pixels, even
 * @param videoKbps  the encoder's target bit rate; 0 when the source's stream is copied as it is
 */
public record Rendition(int width, int height, int videoKbps) {

    public Rendition {
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("a rendition is at least 2x2 pixels, not " + width + "x" + height);
        }
        if (videoKbps < 0) {
            throw new IllegalArgumentException("the bit rate must not be negative");
        }
    }

    /** The source's own stream, not re-encoded. */
    public static Rendition copyOf(VideoStream source) {
        return new Rendition(source.displayWidth(), source.displayHeight(), 0);
    }

    public boolean isCopy() {
        return videoKbps == 0;
    }

    /** {@code "1280x720"}. */
    public String resolution() {
        return VideoFormat.resolution(width, height);
    }
}
