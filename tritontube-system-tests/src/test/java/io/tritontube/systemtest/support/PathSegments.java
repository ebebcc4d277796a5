package io.tritontube.systemtest.support;

import java.nio.charset.StandardCharsets;

/**
 * Escapes one URL path segment (RFC 3986): unreserved characters stay, everything else is
 * percent-encoded as UTF-8. Written independently of the application's own escaping, so the
 * tests check it rather than repeat it.
 */
public final class PathSegments {

    private PathSegments() {
    }

    public static String escape(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
