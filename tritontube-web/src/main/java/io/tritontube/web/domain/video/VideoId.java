package io.tritontube.web.domain.video;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The identifier of a video: the uploaded file's name without its extension.
 *
 * <p>An instance always holds a valid id, so nothing downstream (file system, storage keys,
 * URLs) has to re-check it: no {@code /} or {@code \}, no control characters, not empty,
 * not {@code .} or {@code ..}, at most {@value #MAX_LENGTH} characters and at most
 * {@value #MAX_UTF8_BYTES} bytes in UTF-8 (the id is a directory name in the content stores,
 * and file systems limit names to 255 bytes). Spaces and Unicode are allowed; escaping them
 * is the job of whoever renders the id.
 */
public final class VideoId implements Comparable<VideoId> {

    public static final int MAX_LENGTH = 128;
    public static final int MAX_UTF8_BYTES = 255;

    private final String value;

    private VideoId(String value) {
        this.value = value;
    }

    /** @throws InvalidVideoIdException when {@code value} is not a valid id */
    public static VideoId of(String value) {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidVideoIdException(problem);
        }
        return new VideoId(value);
    }

    /**
     * The id an uploaded file gets: its name without the last extension. A name that still
     * holds a directory part ({@code ../x.mp4}, {@code C:\x.mp4}) is rejected, not trimmed:
     * current browsers send bare names, so anything else is a crafted or very old client.
     *
     * @throws InvalidVideoIdException when no valid id can be derived
     */
    public static VideoId fromFileName(String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            throw new InvalidVideoIdException("the upload has no file name");
        }
        int dot = fileName.lastIndexOf('.');
        return of(dot < 0 ? fileName : fileName.substring(0, dot));
    }

    /** Null when {@code value} is a valid id, otherwise why it is not. */
    public static String problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return "the video id is empty";
        }
        if (value.equals(".") || value.equals("..")) {
            return "the video id may not be '.' or '..'";
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            return "the video id is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\') {
                return "the video id may not contain '/' or '\\'";
            }
            if (Character.isISOControl(c)) {
                return "the video id may not contain control characters";
            }
            if (Character.isSurrogate(c) && !isPairedSurrogate(value, i)) {
                return "the video id is not valid Unicode";
            }
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return "the video id is longer than " + MAX_UTF8_BYTES + " bytes in UTF-8";
        }
        if (!value.equals(value.strip())) {
            return "the video id may not start or end with white space";
        }
        return null;
    }

    private static boolean isPairedSurrogate(String value, int index) {
        char c = value.charAt(index);
        if (Character.isHighSurrogate(c)) {
            return index + 1 < value.length() && Character.isLowSurrogate(value.charAt(index + 1));
        }
        return index > 0 && Character.isHighSurrogate(value.charAt(index - 1));
    }

    public String value() {
        return value;
    }

    @Override
    public int compareTo(VideoId other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
