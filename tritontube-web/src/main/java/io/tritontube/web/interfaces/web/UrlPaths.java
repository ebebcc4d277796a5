package io.tritontube.web.interfaces.web;

import io.tritontube.web.domain.video.VideoId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * URLs of the site's own routes, and the percent-encoding of path segments they need.
 *
 * <p>{@link java.net.URLEncoder} is for query strings ({@code +} for a space); a path segment
 * needs {@code %20}. Here every byte of the UTF-8 form except RFC 3986's unreserved characters
 * ({@code A-Z a-z 0-9 - . _ ~}) is escaped, which is always correct and keeps {@code / ? # %}
 * from ever being read as URL syntax.
 */
public final class UrlPaths {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlPaths() {
    }

    /** {@code /videos/<id>}: the video's page. */
    public static String videoPage(String contextPath, VideoId id) {
        return contextPath + "/videos/" + encodeSegment(id.value());
    }

    /** {@code /content/<id>/<file>}: one of the video's packaged files. */
    public static String content(String contextPath, VideoId id, String fileName) {
        return contextPath + "/content/" + encodeSegment(id.value()) + "/" + encodeSegment(fileName);
    }

    /** {@code /api/videos/<id>}: the video's JSON status. */
    public static String apiVideo(String contextPath, VideoId id) {
        return contextPath + "/api/videos/" + encodeSegment(id.value());
    }

    /** Percent-encodes {@code value} as one path segment. */
    public static String encodeSegment(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }

    /**
     * Decodes one raw path segment as UTF-8. Strict, unlike a browser: a {@code %} not
     * followed by two hex digits, or bytes that are not UTF-8, are errors. {@code +} stays a
     * plus sign (it means a space only in query strings).
     *
     * @throws IllegalArgumentException saying what is wrong with the segment
     */
    public static String decodeSegment(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw new IllegalArgumentException("the path has a '%' that is not followed by two hex digits");
                }
                bytes.write(high << 4 | low);
                i += 3;
            } else {
                // A client that sent raw (unescaped) non-ASCII: take the characters as they are.
                int codePoint = raw.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the path is not percent-encoded UTF-8");
        }
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
