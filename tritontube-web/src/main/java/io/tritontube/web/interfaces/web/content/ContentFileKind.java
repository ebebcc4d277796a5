package io.tritontube.web.interfaces.web.content;

import io.tritontube.web.domain.content.ContentFileName;

/**
 * What a packaged file is, from its name, and so how it is served: its media type and how
 * long caches may keep it. Segments never change once a video is ready, so caches keep them
 * for good; manifests and playlists get a short life, so that a re-uploaded video shows up,
 * and so do the lower rungs that a remuxed video gets after it is ready.
 *
 * <p>Segment names follow our ffmpeg output ({@code init-0.m4s}, {@code chunk-1-00001.m4s}):
 * representation 1 is the audio of a video with sound; every other representation is a
 * video rendition.
 */
enum ContentFileKind {
    MANIFEST("application/dash+xml", Caching.SHORT),
    PLAYLIST("application/vnd.apple.mpegurl", Caching.SHORT),
    VIDEO_SEGMENT("video/mp4", Caching.IMMUTABLE),
    AUDIO_SEGMENT("audio/mp4", Caching.IMMUTABLE),
    IMAGE("image/jpeg", Caching.IMMUTABLE),
    OTHER("application/octet-stream", Caching.IMMUTABLE);

    private final String contentType;
    private final String cacheControl;

    ContentFileKind(String contentType, String cacheControl) {
        this.contentType = contentType;
        this.cacheControl = cacheControl;
    }

    /** @param hasAudio whether the video has sound, so that its representation 1 is audio */
    static ContentFileKind of(ContentFileName fileName, boolean hasAudio) {
        String name = fileName.value();
        if (name.endsWith(".mpd")) {
            return MANIFEST;
        }
        if (name.endsWith(".m3u8")) {
            return PLAYLIST;
        }
        if (name.endsWith(".m4s")) {
            boolean audio = hasAudio && (name.startsWith("init-1.") || name.startsWith("chunk-1-"));
            return audio ? AUDIO_SEGMENT : VIDEO_SEGMENT;
        }
        if (name.endsWith(".jpg")) {
            return IMAGE;
        }
        return OTHER;
    }

    String contentType() {
        return contentType;
    }

    String cacheControl() {
        return cacheControl;
    }

    /** A manifest or playlist: the one kind of file rewritten while its video is ready. */
    boolean isIndex() {
        return this == MANIFEST || this == PLAYLIST;
    }

    private static final class Caching {
        static final String SHORT = "public, max-age=10";
        static final String IMMUTABLE = "public, max-age=31536000, immutable";
    }
}
