package io.tritontube.web.interfaces.rest.tus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TusProtocolTest {

    @Test
    void metadataPairsAreDecodedFromBase64() {
        // "Café ☕.mp4" and "video/mp4", as tus-js-client encodes them; "is-confidential" has no value.
        Map<String, String> metadata = TusProtocol.parseMetadata("filename Q2Fmw6kg4piVLm1wNA==,filetype dmlkZW8vbXA0, is-confidential");

        assertEquals(Map.of("filename", "Café ☕.mp4", "filetype", "video/mp4", "is-confidential", ""), metadata);
    }

    @Test
    void noMetadataIsAnEmptyMap() {
        assertEquals(Map.of(), TusProtocol.parseMetadata(null));
        assertEquals(Map.of(), TusProtocol.parseMetadata(" "));
    }

    @Test
    void malformedMetadataIsRefusedWithTheReason() {
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class,
                () -> TusProtocol.parseMetadata("filename not*base64"));
        assertEquals("the Upload-Metadata value of 'filename' is not Base64", notBase64.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TusProtocol.parseMetadata("filename a b"));
        assertThrows(IllegalArgumentException.class, () -> TusProtocol.parseMetadata("filename Y2xpcA==,,filetype dmlkZW8vbXA0"));
    }

    @Test
    void countsAreWholeNonNegativeNumbers() {
        assertEquals(0, TusProtocol.parseCount("Upload-Offset", "0"));
        assertEquals(5_000_000_000L, TusProtocol.parseCount("Upload-Length", "5000000000"));
        assertEquals("the Upload-Length header is missing",
                assertThrows(IllegalArgumentException.class, () -> TusProtocol.parseCount("Upload-Length", null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TusProtocol.parseCount("Upload-Length", "-1"));
        assertThrows(IllegalArgumentException.class, () -> TusProtocol.parseCount("Upload-Length", "12kB"));
    }

    @Test
    void expiryIsAnHttpDate() {
        assertEquals("Mon, 30 Nov 2026 12:00:00 GMT", TusProtocol.httpDate(Instant.parse("2026-11-30T12:00:00Z")));
    }
}
