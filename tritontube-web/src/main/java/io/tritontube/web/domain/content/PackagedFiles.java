package io.tritontube.web.domain.content;

/**
 * The files every video packaged by this version has, besides its segments, under
 * {@code /content/<id>/<name>}. Videos packaged before posters and playlists were made
 * (their format's packaging is unknown) have only the manifest.
 */
public final class PackagedFiles {

    /** The MPEG-DASH manifest. */
    public static final ContentFileName MANIFEST = ContentFileName.of("manifest.mpd");
    /** The HLS master playlist; its media playlists ({@code media_N.m3u8}) reuse the DASH segments. */
    public static final ContentFileName HLS_MASTER = ContentFileName.of("master.m3u8");
    /** A frame from about a tenth into the video, at most 640 pixels wide. */
    public static final ContentFileName POSTER = ContentFileName.of("poster.jpg");
    /** The same frame, at most 320 pixels wide, for lists. */
    public static final ContentFileName THUMBNAIL = ContentFileName.of("thumb.jpg");

    private PackagedFiles() {
    }
}
