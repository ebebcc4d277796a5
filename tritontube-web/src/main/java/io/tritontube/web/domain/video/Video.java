package io.tritontube.web.domain.video;

import java.time.Instant;
import java.util.Objects;

/**
 * A video's metadata. Immutable: every change returns a new instance that the
 * {@link VideoRepository} stores.
 *
 * @param id         the video's id
 * @param uploadedAt when the upload was accepted
 * @param status     processing, ready or failed
 * @param progress   0-100, how far processing has gone
 * @param error      why processing failed; null unless failed
 * @param format     duration, picture size, packaging path and renditions, as far as known
 */
public record Video(VideoId id, Instant uploadedAt, VideoStatus status, int progress, String error, VideoFormat format) {

    public Video {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(format, "format");
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be 0-100, was " + progress);
        }
    }

    /** A video whose format is not known (recorded before formats were kept). */
    public Video(VideoId id, Instant uploadedAt, VideoStatus status, int progress, String error) {
        this(id, uploadedAt, status, progress, error, VideoFormat.UNKNOWN);
    }

    /** A freshly accepted upload of unknown format, about to be processed. */
    public static Video accepted(VideoId id, Instant uploadedAt) {
        return accepted(id, uploadedAt, VideoFormat.UNKNOWN);
    }

    /** A freshly accepted upload, about to be processed, with what inspecting it found. */
    public static Video accepted(VideoId id, Instant uploadedAt, VideoFormat format) {
        return new Video(id, uploadedAt, VideoStatus.PROCESSING, 0, null, format);
    }

    public Video withProgress(int newProgress) {
        return new Video(id, uploadedAt, status, Math.max(0, Math.min(100, newProgress)), error, format);
    }

    public Video withFormat(VideoFormat newFormat) {
        return new Video(id, uploadedAt, status, progress, error, newFormat);
    }

    public Video ready() {
        return new Video(id, uploadedAt, VideoStatus.READY, 100, null, format);
    }

    public Video failed(String reason) {
        return new Video(id, uploadedAt, VideoStatus.FAILED, progress, reason, format);
    }

    public boolean isReady() {
        return status == VideoStatus.READY;
    }
}
