package io.tritontube.web.domain.content;

/**
 * Which bytes of a file to read: from {@code offset}, {@code length} bytes, or to the end
 * of the file when {@code length} is 0.
 */
public record ByteRange(long offset, long length) {

    public static final ByteRange WHOLE_FILE = new ByteRange(0, 0);

    public ByteRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
    }

    public boolean isWholeFile() {
        return offset == 0 && length == 0;
    }
}
