package io.tritontube.web.domain.content;

import java.util.Objects;

/**
 * The name of one packaged file of a video ({@code manifest.mpd}, {@code init-0.m4s},
 * {@code chunk-0-00001.m4s}, ...). A plain file name, never a path: an instance cannot hold
 * {@code /}, {@code \}, control characters, {@code .} or {@code ..}, or be empty.
 */
public final class ContentFileName {

    public static final int MAX_LENGTH = 255;

    private final String value;

    private ContentFileName(String value) {
        this.value = value;
    }

    /** @throws InvalidContentPathException when {@code value} is not a plain file name */
    public static ContentFileName of(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidContentPathException("the file name is empty");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new InvalidContentPathException("the file name may not be '.' or '..'");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidContentPathException("the file name is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c)) {
                throw new InvalidContentPathException("the file name may not contain '/', '\\' or control characters");
            }
        }
        return new ContentFileName(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentFileName other && value.equals(other.value);
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
