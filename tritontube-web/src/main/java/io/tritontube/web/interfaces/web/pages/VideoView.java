package io.tritontube.web.interfaces.web.pages;

import io.tritontube.web.domain.content.PackagedFiles;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoFormat;
import io.tritontube.web.domain.video.VideoStatus;
import io.tritontube.web.interfaces.web.UrlPaths;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A video as the pages show it: its fields as text, and the URLs that lead to it. JavaBean getters for EL. */
public final class VideoView {

    private static final DateTimeFormatter HUMAN_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Video video;
    private final String contextPath;

    VideoView(Video video, String contextPath) {
        this.video = video;
        this.contextPath = contextPath;
    }

    public String getId() {
        return video.id().value();
    }

    /** For people: "30 Nov 2026, 14:05 UTC". */
    public String getUploadedAt() {
        return HUMAN_TIME.format(video.uploadedAt());
    }

    /** For the {@code datetime} attribute: ISO-8601. */
    public String getUploadedAtIso() {
        return video.uploadedAt().toString();
    }

    /** processing, ready or failed: also the CSS modifier of the status badge. */
    public String getStatus() {
        return video.status().label();
    }

    public String getStatusText() {
        return switch (video.status()) {
            case PROCESSING -> "Processing " + video.progress() + "%";
            case READY -> "Ready";
            case FAILED -> "Failed";
        };
    }

    public int getProgress() {
        return video.progress();
    }

    public String getError() {
        return video.error();
    }

    public boolean isReady() {
        return video.status() == VideoStatus.READY;
    }

    public boolean isProcessing() {
        return video.status() == VideoStatus.PROCESSING;
    }

    public boolean isFailed() {
        return video.status() == VideoStatus.FAILED;
    }

    public String getPageUrl() {
        return UrlPaths.videoPage(contextPath, video.id());
    }

    public String getManifestUrl() {
        return UrlPaths.content(contextPath, video.id(), PackagedFiles.MANIFEST.value());
    }

    /** The HLS playlist, or null for a video packaged before playlists were made. */
    public String getHlsUrl() {
        return hasPackagedExtras() ? UrlPaths.content(contextPath, video.id(), PackagedFiles.HLS_MASTER.value()) : null;
    }

    /** The player's still before playback, or null when there is none. */
    public String getPosterUrl() {
        return hasPackagedExtras() ? UrlPaths.content(contextPath, video.id(), PackagedFiles.POSTER.value()) : null;
    }

    /** The list's picture, or null when there is none (yet). */
    public String getThumbnailUrl() {
        return hasPackagedExtras() ? UrlPaths.content(contextPath, video.id(), PackagedFiles.THUMBNAIL.value()) : null;
    }

    /** "0:07", "12:34" or "1:02:03"; null when unknown. */
    public String getDuration() {
        Duration duration = video.format().duration();
        if (duration.isZero()) {
            return null;
        }
        long seconds = duration.toSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** For the {@code datetime} attribute of the duration: ISO-8601 ("PT7.5S"); null when unknown. */
    public String getDurationIso() {
        return video.format().duration().isZero() ? null : video.format().duration().toString();
    }

    /** "1280×720"; null when unknown. */
    public String getResolution() {
        VideoFormat format = video.format();
        return format.width() == 0 ? null : format.width() + "\u00d7" + format.height();
    }

    /** Where the delete form posts. */
    public String getDeleteUrl() {
        return UrlPaths.videoPage(contextPath, video.id()) + VideoPageRoute.DELETE_SUFFIX;
    }

    /** Ready, and packaged by a version that makes playlists, poster and thumbnail. */
    private boolean hasPackagedExtras() {
        return isReady() && video.format().packaging().isPresent();
    }

    public String getStatusUrl() {
        return UrlPaths.apiVideo(contextPath, video.id());
    }
}
