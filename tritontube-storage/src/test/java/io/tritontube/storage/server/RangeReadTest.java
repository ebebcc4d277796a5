package io.tritontube.storage.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.tritontube.storage.client.ReadStream;
import io.tritontube.storage.client.StorageException;
import io.tritontube.storage.client.StorageFileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RangeReadTest extends InProcessNodeTest {

    private static final int SIZE = 1_000_000;

    private byte[] content;

    @BeforeEach
    void storeOneFile() throws Exception {
        Path source = InProcessNode.randomFile(work.resolve("f"), SIZE, 1);
        content = Files.readAllBytes(source);
        client.write("v", "chunk-0-00001.m4s", source).get();
    }

    @Test
    void rangeInTheMiddleReturnsExactlyThoseBytes() throws IOException {
        try (ReadStream in = client.read("v", "chunk-0-00001.m4s", 300_000, 500_000)) {
            assertEquals(SIZE, in.fileSize());
            assertEquals(300_000, in.offset());
            assertEquals(500_000, in.length());
            assertArrayEquals(Arrays.copyOfRange(content, 300_000, 800_000), in.readAllBytes());
        }
    }

    @Test
    void zeroLengthMeansToTheEndOfTheFile() throws IOException {
        try (ReadStream in = client.read("v", "chunk-0-00001.m4s", 999_000, 0)) {
            assertArrayEquals(Arrays.copyOfRange(content, 999_000, SIZE), in.readAllBytes());
        }
    }

    @Test
    void rangePastTheEndIsShortenedToTheFile() throws IOException {
        try (ReadStream in = client.read("v", "chunk-0-00001.m4s", 999_990, 100)) {
            assertEquals(10, in.length());
            assertArrayEquals(Arrays.copyOfRange(content, 999_990, SIZE), in.readAllBytes());
        }
    }

    @Test
    void offsetAtTheEndReadsNothing() throws IOException {
        try (ReadStream in = client.read("v", "chunk-0-00001.m4s", SIZE, 0)) {
            assertEquals(0, in.length());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void offsetPastTheEndIsOutOfRange() {
        StorageException refused = assertThrows(StorageException.class,
                () -> client.read("v", "chunk-0-00001.m4s", SIZE + 1, 0));

        assertEquals(Status.Code.OUT_OF_RANGE, refused.code());
    }

    @Test
    void negativeOffsetIsInvalid() {
        StorageException refused = assertThrows(StorageException.class,
                () -> client.read("v", "chunk-0-00001.m4s", -1, 0));

        assertEquals(Status.Code.INVALID_ARGUMENT, refused.code());
    }

    @Test
    void missingFileIsNotFound() {
        assertThrows(StorageFileNotFoundException.class, () -> client.read("v", "chunk-0-00002.m4s"));
        assertThrows(StorageFileNotFoundException.class, () -> client.read("no such video", "manifest.mpd"));
    }

    @Test
    void readerClosingEarlyLeavesTheNodeServingOthers() throws IOException {
        try (ReadStream in = client.read("v", "chunk-0-00001.m4s")) {
            assertEquals(content[0] & 0xff, in.read());
        }
        try (ReadStream in = client.read("v", "chunk-0-00001.m4s")) {
            assertArrayEquals(content, in.readAllBytes());
        }
    }
}
