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
 */
public record Video(VideoId id, Instant uploadedAt, VideoStatus status, int progress, String error) {

    public Video {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(status, "status");
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be 0-100, was " + progress);
        }
    }

    /** A freshly accepted upload, about to be processed. */
    public static Video accepted(VideoId id, Instant uploadedAt) {
        return new Video(id, uploadedAt, VideoStatus.PROCESSING, 0, null);
    }

    public Video withProgress(int newProgress) {
        return new Video(id, uploadedAt, status, Math.max(0, Math.min(100, newProgress)), error);
    }

    public Video ready() {
        return new Video(id, uploadedAt, VideoStatus.READY, 100, null);
    }

    public Video failed(String reason) {
        return new Video(id, uploadedAt, VideoStatus.FAILED, progress, reason);
    }

    public boolean isReady() {
        return status == VideoStatus.READY;
    }
}
