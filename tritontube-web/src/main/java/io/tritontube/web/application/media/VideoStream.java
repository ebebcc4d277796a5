package io.tritontube.web.application.media;

import java.util.Objects;

/**
 * A video stream as the container describes it.
 *
 * @param codec           ffmpeg's codec name: {@code h264}, {@code hevc}, {@code mpeg4}, ...
 * @param pixelFormat     ffmpeg's pixel format name: {@code yuv420p}, {@code yuv420p10le}, ...
 * @param width           coded width in pixels
 * @param height          coded height in pixels
 * @param rotation        clockwise degrees a player must turn the picture (phones record
 *                        portrait video as rotated landscape): 0, 90, 180 or 270
 * @param kbps            the stream's average bit rate in kilobits a second; 0 when the
 *                        container does not say
 */
public record VideoStream(String codec, String pixelFormat, int width, int height, int rotation, int kbps) {

    /** A stream whose bit rate is not known. */
    public VideoStream(String codec, String pixelFormat, int width, int height, int rotation) {
        this(codec, pixelFormat, width, height, rotation, 0);
    }

    public VideoStream {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(pixelFormat, "pixelFormat");
        if (width < 0 || height < 0 || kbps < 0) {
            throw new IllegalArgumentException("width, height and bit rate must not be negative");
        }
        rotation = Math.floorMod(rotation, 360);
        if (rotation % 90 != 0) {
            throw new IllegalArgumentException("rotation must be a multiple of 90 degrees, was " + rotation);
        }
    }

    /** Whether the picture is shown turned a quarter, so that width and height swap on screen. */
    public boolean isQuarterTurned() {
        return rotation == 90 || rotation == 270;
    }

    public int displayWidth() {
        return isQuarterTurned() ? height : width;
    }

    public int displayHeight() {
        return isQuarterTurned() ? width : height;
    }
}
