package io.tritontube.web.application;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recognises MP4 (ISO-BMFF) content by its first box, {@code ftyp}, rather than by the file
 * name: 4 bytes of box size, then the type {@code "ftyp"}, then at least a major brand and a
 * minor version.
 */
final class Mp4Signature {

    /** How many leading bytes {@link #matches} needs. */
    static final int LENGTH = 8;

    private static final byte[] FTYP = "ftyp".getBytes(StandardCharsets.US_ASCII);
    private static final long SMALLEST_FTYP_BOX = 16;
    /** A size of 1 means "the real size follows as 64 bits", legal for any box. */
    private static final long EXTENDED_SIZE = 1;

    private Mp4Signature() {
    }

    /** @param head the file's first bytes; fewer than {@link #LENGTH} never match */
    static boolean matches(byte[] head) {
        if (head.length < LENGTH) {
            return false;
        }
        long boxSize = ((head[0] & 0xffL) << 24) | ((head[1] & 0xffL) << 16) | ((head[2] & 0xffL) << 8) | (head[3] & 0xffL);
        boolean plausibleSize = boxSize == EXTENDED_SIZE || boxSize >= SMALLEST_FTYP_BOX;
        return plausibleSize && Arrays.equals(head, 4, 8, FTYP, 0, 4);
    }
}
