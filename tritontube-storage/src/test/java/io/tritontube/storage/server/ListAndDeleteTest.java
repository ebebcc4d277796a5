package io.tritontube.storage.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.storage.client.StoredFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ListAndDeleteTest extends InProcessNodeTest {


    @Test
    void listingOfThousandsOfFilesArrivesCompleteWithSizes() throws IOException {
        Set<StoredFile> expected = new HashSet<>();
        for (int video = 0; video < 5; video++) {
            Path directory = Files.createDirectories(node.base.resolve("video-" + video));
            for (int file = 0; file < 700; file++) {
                String name = String.format("chunk-0-%05d.m4s", file);
                Files.write(directory.resolve(name), new byte[file % 13]);
                expected.add(new StoredFile("video-" + video, name, file % 13));
            }
        }

        try (Stream<StoredFile> listed = client.listAll()) {
            List<StoredFile> all = listed.toList();
            assertEquals(expected.size(), all.size());
            assertEquals(expected, new HashSet<>(all));
        }
        try (Stream<StoredFile> listed = client.list("video-3")) {
            assertEquals(700, listed.filter(f -> f.videoId().equals("video-3")).count());
        }
    }

    @Test
    void listingStoppedEarlyLeavesTheNodeServing() throws Exception {
        for (int file = 0; file < 2500; file++) {
            Files.createDirectories(node.base.resolve("v"));
            Files.write(node.base.resolve("v").resolve("f" + file), new byte[1]);
        }
        try (Stream<StoredFile> listed = client.listAll()) {
            Iterator<StoredFile> firstFew = listed.iterator();
            assertTrue(firstFew.hasNext());
            firstFew.next();
        }

        assertEquals(2500, client.health().get().fileCount());
    }

    @Test
    void listingOfAnUnknownVideoIsEmpty() {
        try (Stream<StoredFile> listed = client.list("never uploaded")) {
            assertEquals(0, listed.count());
        }
    }

    @Test
    void deletingAFileTwiceIsHarmless() throws Exception {
        client.write("v", "a.m4s", Files.writeString(work.resolve("a"), "a")).get();

        assertTrue(client.delete("v", "a.m4s").get());
        assertFalse(client.delete("v", "a.m4s").get());
        assertFalse(client.delete("unknown", "a.m4s").get());
        assertEquals(List.of(), node.filesOnDisk());
    }

    @Test
    void deletingAVideoRemovesAllItsFilesOnlyOnce() throws Exception {
        Path source = Files.writeString(work.resolve("s"), "segment");
        for (String name : List.of("manifest.mpd", "init-0.m4s", "chunk-0-00001.m4s")) {
            client.write("doomed", name, source).get();
        }
        client.write("kept", "manifest.mpd", source).get();

        assertEquals(3, client.deleteVideo("doomed").get());
        assertEquals(0, client.deleteVideo("doomed").get());

        assertFalse(Files.exists(node.base.resolve("doomed")));
        try (Stream<StoredFile> listed = client.listAll()) {
            assertEquals(Set.of("kept/manifest.mpd"),
                    listed.map(f -> f.videoId() + "/" + f.fileName()).collect(Collectors.toSet()));
        }
    }
}
