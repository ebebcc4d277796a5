package io.tritontube.web.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4BoxLayoutTest {

    @TempDir
    Path dir;

    @Test
    void aCompleteFileHasNoProblem() throws IOException {
        assertNull(Mp4BoxLayout.problemWith(write(box("ftyp", 16), box("moov", 100), box("mdat", 1000))));
    }

    @Test
    void aFileCutInsideItsMediaIsTruncated() throws IOException {
        byte[] whole = concat(box("ftyp", 16), box("moov", 100), box("mdat", 1000));

        String problem = Mp4BoxLayout.problemWith(write(Arrays.copyOf(whole, 500)));

        assertEquals("it is truncated: its 'mdat' box needs 616 more bytes", problem);
    }

    @Test
    void aFileCutInsideABoxHeaderIsRefused() throws IOException {
        byte[] whole = concat(box("ftyp", 16), box("moov", 100));

        assertEquals("it ends in the middle of a box header", Mp4BoxLayout.problemWith(write(Arrays.copyOf(whole, 120))));
    }

    @Test
    void aFileWithoutAnIndexIsRefused() throws IOException {
        assertEquals("it has no 'moov' index", Mp4BoxLayout.problemWith(write(box("ftyp", 16), box("mdat", 50))));
    }

    @Test
    void largeSizesAndTheLastBoxRunningToTheEndAreUnderstood() throws IOException {
        ByteBuffer large = ByteBuffer.allocate(40).putInt(1).put("mdat".getBytes(StandardCharsets.US_ASCII)).putLong(40);
        ByteBuffer toTheEnd = ByteBuffer.allocate(30).putInt(0).put("free".getBytes(StandardCharsets.US_ASCII));

        assertNull(Mp4BoxLayout.problemWith(write(box("ftyp", 16), box("moov", 20), large.array(), toTheEnd.array())));
    }

    @Test
    void anImpossibleBoxSizeIsRefused() throws IOException {
        assertTrue(Mp4BoxLayout.problemWith(write(box("ftyp", 16), box("moov", 4))).contains("impossible size"));
    }

    private static byte[] box(String type, int size) {
        ByteBuffer box = ByteBuffer.allocate(Math.max(size, 8)).putInt(size).put(type.getBytes(StandardCharsets.US_ASCII));
        return box.array();
    }

    private Path write(byte[]... boxes) throws IOException {
        return Files.write(dir.resolve("video.mp4"), concat(boxes));
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        ByteBuffer all = ByteBuffer.allocate(length);
        Arrays.stream(parts).forEach(all::put);
        return all.array();
    }
}
