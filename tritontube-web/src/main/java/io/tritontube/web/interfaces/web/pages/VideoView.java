package io.tritontube.web.interfaces.web.pages;

import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoStatus;
import io.tritontube.web.interfaces.web.UrlPaths;
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
        return UrlPaths.content(contextPath, video.id(), "manifest.mpd");
    }

    public String getStatusUrl() {
        return UrlPaths.apiVideo(contextPath, video.id());
    }
}
