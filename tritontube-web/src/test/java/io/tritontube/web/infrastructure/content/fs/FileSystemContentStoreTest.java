package io.tritontube.web.infrastructure.content.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemContentStoreTest {

    @TempDir
    Path directory;

    private Path root;
    private FileSystemContentStore store;

    @BeforeEach
    void open() throws IOException {
        root = directory.resolve("content");
        store = new FileSystemContentStore(root);
    }

    @Test
    void keepsEachFileAtRootSlashVideoIdSlashFileName() throws IOException {
        store.put(key("my clip", "manifest.mpd"), source("<MPD/>"));

        assertEquals("<MPD/>", Files.readString(root.resolve("my clip").resolve("manifest.mpd")));
    }

    @Test
    void aPutLeavesOnlyTheFinalFileBehind() throws IOException {
        store.put(key("clip", "chunk-0-00001.m4s"), source("first"));
        store.put(key("clip", "chunk-0-00001.m4s"), source("second version"));

        assertEquals(List.of("chunk-0-00001.m4s"), namesIn(root.resolve("clip")));
        assertEquals("second version", Files.readString(root.resolve("clip/chunk-0-00001.m4s")));
    }

    @Test
    void readsTheWholeFileOrARange() throws IOException {
        store.put(key("clip", "init-0.m4s"), source("0123456789"));

        try (StoredContent whole = store.open(key("clip", "init-0.m4s"), ByteRange.WHOLE_FILE).orElseThrow()) {
            assertEquals(10, whole.fileSize());
            assertEquals("0123456789", new String(whole.stream().readAllBytes(), StandardCharsets.UTF_8));
        }
        try (StoredContent middle = store.open(key("clip", "init-0.m4s"), new ByteRange(3, 4)).orElseThrow()) {
            assertEquals(10, middle.fileSize());
            assertEquals("3456", new String(middle.stream().readAllBytes(), StandardCharsets.UTF_8));
        }
        try (StoredContent tail = store.open(key("clip", "init-0.m4s"), new ByteRange(7, 0)).orElseThrow()) {
            assertEquals("789", new String(tail.stream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRangeIsCutAtTheEndOfTheFile() throws IOException {
        store.put(key("clip", "a.m4s"), source("abc"));

        try (StoredContent past = store.open(key("clip", "a.m4s"), new ByteRange(2, 100)).orElseThrow()) {
            assertEquals("c", new String(past.stream().readAllBytes(), StandardCharsets.UTF_8));
        }
        try (StoredContent beyond = store.open(key("clip", "a.m4s"), new ByteRange(50, 1)).orElseThrow()) {
            assertEquals(3, beyond.fileSize());
            assertEquals(0, beyond.stream().readAllBytes().length);
        }
    }

    @Test
    void streamsALargeFileInPieces() throws IOException {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        Arrays.fill(bytes, (byte) 7);
        bytes[bytes.length - 1] = 42;
        Path source = directory.resolve("large");
        Files.write(source, bytes);
        store.put(key("clip", "chunk-0-00002.m4s"), source);

        try (StoredContent stored = store.open(key("clip", "chunk-0-00002.m4s"), ByteRange.WHOLE_FILE).orElseThrow()) {
            assertArrayEquals(bytes, stored.stream().readAllBytes());
        }
    }

    @Test
    void aMissingFileOrVideoOpensAsEmpty() throws IOException {
        store.put(key("clip", "manifest.mpd"), source("x"));

        assertTrue(store.open(key("clip", "other.m4s"), ByteRange.WHOLE_FILE).isEmpty());
        assertTrue(store.open(key("unknown", "manifest.mpd"), ByteRange.WHOLE_FILE).isEmpty());
    }

    @Test
    void deleteVideoRemovesItsDirectoryAndNothingElse() throws IOException {
        store.put(key("doomed", "manifest.mpd"), source("x"));
        store.put(key("doomed", "init-0.m4s"), source("y"));
        store.put(key("kept", "manifest.mpd"), source("z"));

        store.deleteVideo(VideoId.of("doomed"));

        assertFalse(Files.exists(root.resolve("doomed")));
        assertTrue(Files.exists(root.resolve("kept/manifest.mpd")));
        store.deleteVideo(VideoId.of("doomed"));
        store.deleteVideo(VideoId.of("never-stored"));
    }

    @Test
    void idsThatLookLikePathsStayInsideTheRoot() throws IOException {
        // "..." and "~" are valid ids; they must be plain directories under the root.
        store.put(key("...", "manifest.mpd"), source("dots"));
        store.put(key("~", "manifest.mpd"), source("tilde"));

        assertEquals("dots", Files.readString(root.resolve("...").resolve("manifest.mpd")));
        assertEquals("tilde", Files.readString(root.resolve("~").resolve("manifest.mpd")));
        assertEquals(List.of("...", "~"), namesIn(root));
    }

    private Path source(String text) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "source", ".tmp"), text);
    }

    private static ContentKey key(String videoId, String fileName) {
        return new ContentKey(VideoId.of(videoId), ContentFileName.of(fileName));
    }

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
