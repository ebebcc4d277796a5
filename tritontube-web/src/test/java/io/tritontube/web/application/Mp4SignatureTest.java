package io.tritontube.web.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Mp4SignatureTest {

    @Test
    void anFtypBoxAtTheStartIsMp4() {
        assertTrue(Mp4Signature.matches(head(0x20, "ftyp")));
        assertTrue(Mp4Signature.matches(head(0x18, "ftyp")));
    }

    @Test
    void anExtendedSizeFtypBoxIsMp4() {
        assertTrue(Mp4Signature.matches(head(1, "ftyp")));
    }

    @Test
    void otherContentIsNot() {
        assertFalse(Mp4Signature.matches("<!DOCTYPE html>".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(Mp4Signature.matches(head(0x20, "moov")), "a box, but not ftyp first");
        assertFalse(Mp4Signature.matches(head(0x20, "FTYP")));
        assertFalse(Mp4Signature.matches(new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, 0, 0, 0, 0}), "WebM/Matroska");
    }

    @Test
    void anImpossibleBoxSizeIsNot() {
        assertFalse(Mp4Signature.matches(head(0, "ftyp")));
        assertFalse(Mp4Signature.matches(head(8, "ftyp")), "an ftyp box needs at least a brand and a version");
    }

    @Test
    void tooFewBytesAreNot() {
        assertFalse(Mp4Signature.matches(new byte[0]));
        assertFalse(Mp4Signature.matches(new byte[] {0, 0, 0, 0x20, 'f', 't', 'y'}));
    }

    private static byte[] head(int size, String type) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        return new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size,
                typeBytes[0], typeBytes[1], typeBytes[2], typeBytes[3]};
    }
}
