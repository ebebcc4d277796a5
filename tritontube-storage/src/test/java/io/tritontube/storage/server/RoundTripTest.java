package io.tritontube.storage.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.storage.client.FileStat;
import io.tritontube.storage.client.NodeHealth;
import io.tritontube.storage.client.ReadStream;
import io.tritontube.storage.client.Sha256;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoundTripTest extends InProcessNodeTest {


    @Test
    void fileWrittenIsStoredInTheReferenceLayoutAndReadsBackIdentical() throws Exception {
        Path source = Files.writeString(work.resolve("manifest.mpd"), "<MPD>hello</MPD>");

        long written = client.write("my video", "manifest.mpd", source).get();

        assertEquals(Files.size(source), written);
        assertEquals(List.of("my video/manifest.mpd"), node.filesOnDisk());
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(node.base.resolve("my video/manifest.mpd")));
        try (ReadStream in = client.read("my video", "manifest.mpd")) {
            assertEquals(Files.size(source), in.fileSize());
            assertArrayEquals(Files.readAllBytes(source), in.readAllBytes());
        }
    }

    @Test
    void sixtyFourMebibyteFileRoundTripsWithItsChecksum() throws Exception {
        long size = 64L * 1024 * 1024;
        Path source = InProcessNode.randomFile(work.resolve("big.m4s"), size, 42);

        assertEquals(size, client.write("big", "chunk-0-00001.m4s", source).get());

        Path copy = work.resolve("copy.m4s");
        try (ReadStream in = client.read("big", "chunk-0-00001.m4s")) {
            assertEquals(size, in.fileSize());
            Files.copy(in, copy);
        }
        assertEquals(Sha256.ofFile(source), Sha256.ofFile(copy));
        Sha256 digest = Sha256.ofFile(source);
        assertEquals(Optional.of(new FileStat("big", "chunk-0-00001.m4s", size, digest, Optional.of(digest))),
                client.stat("big", "chunk-0-00001.m4s").get());
    }

    @Test
    void emptyFileRoundTrips() throws Exception {
        Path source = Files.createFile(work.resolve("empty"));

        assertEquals(0L, client.write("v", "empty.m4s", source).get());

        try (ReadStream in = client.read("v", "empty.m4s")) {
            assertEquals(0, in.fileSize());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void rewritingAFileReplacesItsContent() throws Exception {
        client.write("v", "f", Files.writeString(work.resolve("one"), "first version")).get();
        client.write("v", "f", Files.writeString(work.resolve("two"), "second")).get();

        try (ReadStream in = client.read("v", "f")) {
            assertEquals("second", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of("v/f"), node.filesOnDisk());
    }

    @Test
    void streamWithKnownSizeAndDigestIsStored() throws Exception {
        byte[] content = "init segment bytes".getBytes(StandardCharsets.UTF_8);
        Sha256 digest = Sha256.of(new ByteArrayInputStream(content));

        assertEquals(content.length, client.write("v", "init-0.m4s", content.length, digest,
                new ByteArrayInputStream(content)).get());

        assertArrayEquals(content, Files.readAllBytes(node.base.resolve("v/init-0.m4s")));
    }

    @Test
    void copyToAnotherNodeStreamsTheExactFile() throws Exception {
        Path source = InProcessNode.randomFile(work.resolve("seg"), 3 * 1024 * 1024 + 17, 7);
        client.write("v", "chunk-1-00003.m4s", source).get();
        try (InProcessNode other = InProcessNode.serving(work.resolve("other"))) {

            long copied = client.copyTo(other.client(), "v", "chunk-1-00003.m4s").get();

            assertEquals(Files.size(source), copied);
            assertEquals(Sha256.ofFile(source), Sha256.ofFile(other.base.resolve("v/chunk-1-00003.m4s")));
        }
    }

    @Test
    void directoryWrittenByAReferenceNodeIsServedAsIs() throws Exception {
        Files.createDirectories(node.base.resolve("old video"));
        Files.writeString(node.base.resolve("old video/manifest.mpd"), "<MPD/>");

        try (InputStream in = client.read("old video", "manifest.mpd")) {
            assertEquals("<MPD/>", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void healthReportsBaseDirectoryAndTotals() throws Exception {
        client.write("a", "1", Files.writeString(work.resolve("x"), "12345")).get();
        client.write("b", "2", Files.writeString(work.resolve("y"), "123")).get();

        NodeHealth health = client.health().get();

        assertEquals(node.base.toString(), health.baseDir());
        assertEquals(2, health.fileCount());
        assertEquals(8, health.totalBytes());
        assertTrue(health.freeBytes() > 0);
    }
}
