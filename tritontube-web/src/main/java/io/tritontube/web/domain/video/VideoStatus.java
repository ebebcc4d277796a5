package io.tritontube.web.domain.video;

import java.util.Locale;

/** Where a video is in its life: being packaged, watchable, or given up on. */
public enum VideoStatus {
    PROCESSING,
    READY,
    FAILED;

    /** The lower-case name used in JSON, storage and pages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VideoStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
