package io.tritontube.web.infrastructure.persistence.sqlite;

import io.tritontube.web.domain.video.InvalidPageTokenException;
import io.tritontube.web.domain.video.Video;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a newest-first page ended: the upload time and id of its last video. Encoded as
 * URL-safe Base64 so that it travels unescaped in query strings, and opaque to clients.
 */
record PageToken(long uploadedAtMillis, String id) {

    static PageToken after(Video last) {
        return new PageToken(last.uploadedAt().toEpochMilli(), last.id().value());
    }

    String encode() {
        byte[] text = (uploadedAtMillis + ":" + id).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /** @throws InvalidPageTokenException when {@code token} was not made by {@link #encode()} */
    static PageToken decode(String token) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        int colon = text.indexOf(':');
        if (colon < 1 || colon == text.length() - 1) {
            throw invalid();
        }
        try {
            return new PageToken(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
        } catch (NumberFormatException notATime) {
            throw invalid();
        }
    }

    private static InvalidPageTokenException invalid() {
        return new InvalidPageTokenException("the page token is not valid: start again from the first page");
    }
}
