package io.tritontube.web.interfaces.rest.tus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The names and formats of the tus protocol 1.0.0 that this server speaks. */
final class TusProtocol {

    static final String VERSION = "1.0.0";
    static final String EXTENSIONS = "creation,expiration,termination";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    static final String TUS_RESUMABLE = "Tus-Resumable";
    static final String TUS_VERSION = "Tus-Version";
    static final String TUS_EXTENSION = "Tus-Extension";
    static final String TUS_MAX_SIZE = "Tus-Max-Size";
    static final String UPLOAD_LENGTH = "Upload-Length";
    static final String UPLOAD_DEFER_LENGTH = "Upload-Defer-Length";
    static final String UPLOAD_OFFSET = "Upload-Offset";
    static final String UPLOAD_METADATA = "Upload-Metadata";
    static final String UPLOAD_EXPIRES = "Upload-Expires";

    /** Ours, not tus: on the answer that completes an upload (and on HEAD after it), the new video's page. */
    static final String VIDEO_PAGE = "TritonTube-Video-Page";

    /** The metadata key whose value names the file, as tus-js-client and Uppy send it. */
    static final String FILE_NAME_KEY = "filename";

    private TusProtocol() {
    }

    /**
     * Parses {@code Upload-Metadata}: comma-separated pairs of a key and an optional Base64
     * value, separated by a space.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    static Map<String, String> parseMetadata(String header) {
        Map<String, String> metadata = new HashMap<>();
        if (header == null || header.isBlank()) {
            return metadata;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.strip().split(" ", -1);
            if (parts.length > 2 || parts[0].isEmpty()) {
                throw new IllegalArgumentException("Upload-Metadata must be 'key base64value' pairs separated by commas");
            }
            try {
                String value = parts.length == 2 ? new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "";
                metadata.put(parts[0], value);
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("the Upload-Metadata value of '" + parts[0] + "' is not Base64");
            }
        }
        return metadata;
    }

    /**
     * Parses a header that holds a byte count or offset.
     *
     * @throws IllegalArgumentException naming the header when the value is missing, negative or not a number
     */
    static long parseCount(String headerName, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + headerName + " header is missing");
        }
        try {
            long count = Long.parseLong(value.strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // Answered below, like a negative number.
        }
        throw new IllegalArgumentException(headerName + " must be a whole number of bytes, 0 or more, was '" + value + "'");
    }

    /** {@code Upload-Expires} is an HTTP date (RFC 9110). */
    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
