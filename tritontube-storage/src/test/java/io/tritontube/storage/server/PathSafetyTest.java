package io.tritontube.storage.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.tritontube.storage.client.ReadStream;
import io.tritontube.storage.client.StorageException;
import io.tritontube.storage.client.StoredFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A hostile client calling the daemon directly cannot touch anything outside BASE_DIR. */
class PathSafetyTest extends InProcessNodeTest {

    private Path outside;
    private Path secret;
    private Path source;

    @BeforeEach
    void placeASecretNextToTheNode() throws IOException {
        outside = Files.createDirectories(work.resolve("outside"));
        secret = Files.writeString(outside.resolve("secret.txt"), "do not touch");
        source = Files.writeString(work.resolve("payload"), "hostile bytes");
    }

    static Stream<String> hostileNames() {
        return Stream.of("", ".", "..", "../x", "../../outside/secret.txt", "a/b", "a\\b", "/etc/passwd",
                "x\u0000y", "line\nbreak", "tab\tname", "del\u007f", "a".repeat(256), "é".repeat(128),
                ".tritontube-tmp-0000", ".tritontube-sum-0000", ".tritontube-anything");
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void hostileVideoIdIsRefusedByEveryCall(String videoId) throws IOException {
        assertInvalid(() -> client.write(videoId, "f.m4s", source).get());
        assertInvalid(() -> client.read(videoId, "f.m4s").close());
        assertInvalid(() -> client.stat(videoId, "f.m4s").get());
        assertInvalid(() -> client.delete(videoId, "f.m4s").get());
        assertInvalid(() -> client.deleteVideo(videoId).get());
        assertNothingChanged();
    }

    /** The protocol reads an empty video id in a listing as "every video", so it is not hostile there. */
    static Stream<String> hostileVideoIdsToList() {
        return hostileNames().filter(name -> !name.isEmpty());
    }

    @ParameterizedTest
    @MethodSource("hostileVideoIdsToList")
    void hostileVideoIdCannotBeListed(String videoId) {
        assertInvalid(() -> {
            try (Stream<StoredFile> files = client.list(videoId)) {
                files.count();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void hostileFileNameIsRefusedByEveryCall(String fileName) throws IOException {
        assertInvalid(() -> client.write("v", fileName, source).get());
        assertInvalid(() -> client.read("v", fileName).close());
        assertInvalid(() -> client.stat("v", fileName).get());
        assertInvalid(() -> client.delete("v", fileName).get());
        assertNothingChanged();
    }

    @Test
    void videoDirectoryLinkedOutsideIsNeverFollowed() throws Exception {
        Files.createSymbolicLink(node.base.resolve("linked"), outside);

        assertRefused(Status.Code.PERMISSION_DENIED, () -> client.read("linked", "secret.txt").close());
        assertRefused(Status.Code.PERMISSION_DENIED, () -> client.stat("linked", "secret.txt").get());
        assertRefused(Status.Code.PERMISSION_DENIED, () -> client.write("linked", "planted", source).get());
        assertRefused(Status.Code.PERMISSION_DENIED, () -> client.delete("linked", "secret.txt").get());
        assertRefused(Status.Code.PERMISSION_DENIED, () -> client.deleteVideo("linked").get());
        try (Stream<StoredFile> files = client.listAll()) {
            assertEquals(0, files.count());
        }
        assertEquals(0, client.health().get().fileCount());
        assertEquals(List.of("secret.txt"), listNames(outside));
        assertEquals("do not touch", Files.readString(secret));
    }

    @Test
    void fileLinkedOutsideIsNeverFollowed() throws Exception {
        Files.createDirectories(node.base.resolve("v"));
        Files.createSymbolicLink(node.base.resolve("v/init-0.m4s"), secret);

        assertRefused(Status.Code.PERMISSION_DENIED, () -> client.read("v", "init-0.m4s").close());
        assertRefused(Status.Code.PERMISSION_DENIED, () -> client.stat("v", "init-0.m4s").get());
        assertRefused(Status.Code.PERMISSION_DENIED, () -> client.write("v", "init-0.m4s", source).get());
        try (Stream<StoredFile> files = client.list("v")) {
            assertEquals(0, files.count());
        }
        assertEquals("do not touch", Files.readString(secret));
    }

    @Test
    void unicodeSpacesAndUrlCharactersAreOrdinaryNames() throws Exception {
        String videoId = "Vidéo d'été ? # % 日本 🎬";
        String fileName = "chunk 1 ?#%.m4s";

        client.write(videoId, fileName, source).get();

        assertTrue(Files.isRegularFile(node.base.resolve(videoId).resolve(fileName)));
        try (ReadStream in = client.read(videoId, fileName)) {
            assertEquals("hostile bytes", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (Stream<StoredFile> files = client.listAll()) {
            assertEquals(List.of(new StoredFile(videoId, fileName, 13)), files.toList());
        }
    }

    private void assertNothingChanged() throws IOException {
        assertEquals(List.of(), node.entriesInBase());
        assertEquals(List.of("node", "outside", "payload"), listNames(work));
        assertEquals(List.of("secret.txt"), listNames(outside));
    }

    private static List<String> listNames(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertInvalid(Call call) {
        assertRefused(Status.Code.INVALID_ARGUMENT, call);
    }

    private static void assertRefused(Status.Code expected, Call call) {
        Exception failure = assertThrows(Exception.class, call::run);
        StorageException refused = StorageException.causeOf(failure)
                .orElseThrow(() -> new AssertionError("not a storage failure", failure));
        assertEquals(expected, refused.code(), refused.getMessage());
    }

    @FunctionalInterface
    private interface Call {
        void run() throws IOException, ExecutionException, InterruptedException, UncheckedIOException;
    }
}
