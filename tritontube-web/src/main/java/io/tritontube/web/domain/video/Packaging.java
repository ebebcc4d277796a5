package io.tritontube.web.domain.video;

import java.util.Locale;

/**
 * How an upload was turned into streamable files: its own H.264/AAC streams cut into
 * segments as they are ({@link #REMUX}, seconds), or re-encoded into a ladder of
 * resolutions ({@link #TRANSCODE}, minutes).
 */
public enum Packaging {
    REMUX,
    TRANSCODE;

    /** The lower-case name used in JSON, storage and pages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException when {@code label} names no packaging */
    public static Packaging fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
