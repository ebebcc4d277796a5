package io.tritontube.storage.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.tritontube.storage.client.FileStat;
import io.tritontube.storage.client.ReadStream;
import io.tritontube.storage.client.Sha256;
import io.tritontube.storage.client.StorageChecksumMismatchException;
import io.tritontube.storage.client.StorageClient;
import io.tritontube.storage.client.StorageException;
import io.tritontube.storage.client.StoredFile;
import io.tritontube.storage.server.disk.ChecksumRecording;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A node knows what each file's SHA-256 was when it was written, so a copy whose bytes changed
 * on disk since (flipped, truncated) is reported corrupt by Stat, refused by whole-file reads
 * and never copied elsewhere: whichever way the node keeps the record.
 */
class RecordedChecksumTest {

    private static final byte[] CONTENT = "the bytes of a segment, as uploaded".getBytes(StandardCharsets.UTF_8);
    private static final Sha256 DIGEST = digest(CONTENT);

    @TempDir
    Path work;

    private InProcessNode node;
    private StorageClient client;

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ChecksumRecording.class)
    void theDigestVerifiedOnWriteIsRecordedAndSurvivesARestart(ChecksumRecording recording) throws Exception {
        start(recording);
        write("v", "chunk.m4s", CONTENT);

        restart(recording);

        FileStat stat = client.stat("v", "chunk.m4s").get().orElseThrow();
        assertEquals(Optional.of(DIGEST), stat.recordedSha256());
        assertTrue(stat.intact());
    }

    @ParameterizedTest
    @EnumSource(ChecksumRecording.class)
    void statReportsACopyWhoseBytesWereFlippedOnDiskAsCorrupt(ChecksumRecording recording) throws Exception {
        start(recording);
        write("v", "chunk.m4s", CONTENT);
        byte[] flipped = CONTENT.clone();
        flipped[flipped.length / 2] ^= 0x5a;
        Files.write(stored("v", "chunk.m4s"), flipped);

        FileStat stat = client.stat("v", "chunk.m4s").get().orElseThrow();

        assertEquals(digest(flipped), stat.sha256());
        assertEquals(Optional.of(DIGEST), stat.recordedSha256());
        assertFalse(stat.intact());
    }

    @ParameterizedTest
    @EnumSource(ChecksumRecording.class)
    void aTruncatedCopyIsCorruptToo(ChecksumRecording recording) throws Exception {
        start(recording);
        write("v", "chunk.m4s", CONTENT);
        Files.write(stored("v", "chunk.m4s"), Arrays.copyOf(CONTENT, 10));

        assertFalse(client.stat("v", "chunk.m4s").get().orElseThrow().intact());
    }

    @ParameterizedTest
    @EnumSource(ChecksumRecording.class)
    void aWholeFileReadOfACorruptCopyFailsWithDataLossBeforeItsEnd(ChecksumRecording recording) throws Exception {
        start(recording);
        write("v", "chunk.m4s", CONTENT);
        byte[] flipped = CONTENT.clone();
        flipped[0] ^= 1;
        Files.write(stored("v", "chunk.m4s"), flipped);

        try (ReadStream in = client.read("v", "chunk.m4s")) {
            StorageException failure = assertThrows(StorageException.class, in::readAllBytes);
            assertEquals(Status.Code.DATA_LOSS, failure.code());
            assertTrue(failure.getMessage().contains("corrupt"), failure.getMessage());
        }
        try (ReadStream range = client.read("v", "chunk.m4s", 1, 5)) {
            assertArrayEquals(Arrays.copyOfRange(flipped, 1, 6), range.readAllBytes(), "a range is not checked");
        }
    }

    @ParameterizedTest
    @EnumSource(ChecksumRecording.class)
    void aCorruptCopyIsNeverCopiedToAnotherNode(ChecksumRecording recording) throws Exception {
        start(recording);
        write("v", "chunk.m4s", CONTENT);
        Files.write(stored("v", "chunk.m4s"), "replaced behind the daemon's back".getBytes(StandardCharsets.UTF_8));

        try (InProcessNode other = InProcessNode.serving(work.resolve("other"))) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> client.copyTo(other.client(), "v", "chunk.m4s").get());

            assertInstanceOf(StorageChecksumMismatchException.class, failure.getCause());
            assertEquals(List.of(), other.entriesInBase());
        }
    }

    @ParameterizedTest
    @EnumSource(ChecksumRecording.class)
    void aFileWithoutARecordIsTakenAsItIs(ChecksumRecording recording) throws Exception {
        start(recording);
        Files.write(Files.createDirectories(node.base.resolve("v")).resolve("reference.m4s"), CONTENT);

        FileStat stat = client.stat("v", "reference.m4s").get().orElseThrow();

        assertEquals(Optional.empty(), stat.recordedSha256());
        assertTrue(stat.intact());
        try (ReadStream in = client.read("v", "reference.m4s")) {
            assertArrayEquals(CONTENT, in.readAllBytes());
        }
    }

    @ParameterizedTest
    @EnumSource(ChecksumRecording.class)
    void aReplacedFileCarriesTheNewDigest(ChecksumRecording recording) throws Exception {
        start(recording);
        write("v", "chunk.m4s", "first version".getBytes(StandardCharsets.UTF_8));

        write("v", "chunk.m4s", CONTENT);

        FileStat stat = client.stat("v", "chunk.m4s").get().orElseThrow();
        assertEquals(Optional.of(DIGEST), stat.recordedSha256());
        assertTrue(stat.intact());
    }

    @ParameterizedTest
    @EnumSource(ChecksumRecording.class)
    void recordsAreInvisibleToListingsAndTotals(ChecksumRecording recording) throws Exception {
        start(recording);
        write("v", "a.m4s", CONTENT);
        write("v", "b.m4s", CONTENT);

        try (Stream<StoredFile> listed = client.listAll()) {
            assertEquals(List.of("a.m4s", "b.m4s"), listed.map(StoredFile::fileName).sorted().toList());
        }
        assertEquals(2, client.health().get().fileCount());
        assertEquals(2L * CONTENT.length, client.health().get().totalBytes());
    }

    @ParameterizedTest
    @EnumSource(ChecksumRecording.class)
    void deletingAVideoLeavesNothingBehind(ChecksumRecording recording) throws Exception {
        start(recording);
        write("v", "a.m4s", CONTENT);
        write("v", "b.m4s", CONTENT);

        client.delete("v", "a.m4s").get();
        int filesPerStoredFile = recording == ChecksumRecording.SIDECAR_FILE ? 2 : 1;
        assertEquals(filesPerStoredFile, node.filesOnDisk().size(), "b.m4s and its record: " + node.filesOnDisk());
        client.deleteVideo("v").get();

        assertEquals(List.of(), node.entriesInBase());
    }

    @Test
    void extendedAttributesAreUsedWhereTheFileSystemTakesThem() throws Exception {
        node = InProcessNode.serving(work.resolve("node"));
        client = node.client();
        write("v", "chunk.m4s", CONTENT);

        UserDefinedFileAttributeView attributes =
                Files.getFileAttributeView(stored("v", "chunk.m4s"), UserDefinedFileAttributeView.class);
        assertTrue(attributes.list().contains("tritontube.sha256"), "the test machine's file system takes user xattrs");
        assertEquals(List.of("v/chunk.m4s"), node.filesOnDisk(), "no sidecar beside the file");
    }

    @Test
    void aSidecarIsAHiddenFileBesideTheStoredOne() throws Exception {
        start(ChecksumRecording.SIDECAR_FILE);
        write("v", "chunk.m4s", CONTENT);

        List<String> onDisk = node.filesOnDisk();
        assertEquals(2, onDisk.size(), onDisk.toString());
        String sidecar = onDisk.get(0);
        assertTrue(sidecar.startsWith("v/.tritontube-sum-"), sidecar);
        assertEquals(DIGEST.toHex() + "  chunk.m4s\n", Files.readString(node.base.resolve(sidecar)));
    }

    @Test
    void noRequestCanAddressASidecar() throws Exception {
        start(ChecksumRecording.SIDECAR_FILE);
        write("v", "chunk.m4s", CONTENT);
        String sidecar = Path.of(node.filesOnDisk().get(0)).getFileName().toString();
        Path source = Files.write(work.resolve("forged"), "0".repeat(64).getBytes(StandardCharsets.UTF_8));

        assertInvalid(() -> client.write("v", sidecar, source).get());
        assertInvalid(() -> client.read("v", sidecar).close());
        assertInvalid(() -> client.stat("v", sidecar).get());
        assertInvalid(() -> client.delete("v", sidecar).get());

        assertEquals(DIGEST.toHex() + "  chunk.m4s\n", Files.readString(node.base.resolve("v").resolve(sidecar)));
    }

    @Test
    void aSidecarWhoseFileIsGoneIsRemovedAtStart() throws Exception {
        start(ChecksumRecording.SIDECAR_FILE);
        write("v", "kept.m4s", CONTENT);
        write("v", "gone.m4s", CONTENT);
        Files.delete(stored("v", "gone.m4s"));

        restart(ChecksumRecording.SIDECAR_FILE);

        assertEquals(2, node.filesOnDisk().size(), "kept.m4s and its sidecar: " + node.filesOnDisk());
        assertTrue(client.stat("v", "kept.m4s").get().orElseThrow().recordedSha256().isPresent());
    }

    @Test
    void aRefusedReplacementKeepsThePreviousVersionAndItsRecord() throws Exception {
        start(ChecksumRecording.SIDECAR_FILE);
        write("v", "chunk.m4s", CONTENT);
        byte[] other = "another version".getBytes(StandardCharsets.UTF_8);

        assertThrows(ExecutionException.class, () -> client.write("v", "chunk.m4s", other.length, DIGEST,
                new ByteArrayInputStream(other)).get());

        FileStat stat = client.stat("v", "chunk.m4s").get().orElseThrow();
        assertEquals(DIGEST, stat.sha256());
        assertTrue(stat.intact());
    }

    private void start(ChecksumRecording recording) throws IOException {
        node = InProcessNode.serving(work.resolve("node"), recording);
        client = node.client();
    }

    /** Stops the node and serves its directory again, as a restarted daemon would. */
    private void restart(ChecksumRecording recording) throws IOException {
        node.close();
        start(recording);
    }

    private void write(String videoId, String fileName, byte[] content) throws Exception {
        client.write(videoId, fileName, content.length, digest(content), new ByteArrayInputStream(content)).get();
    }

    private Path stored(String videoId, String fileName) {
        return node.base.resolve(videoId).resolve(fileName);
    }

    private static void assertInvalid(Call call) {
        Exception failure = assertThrows(Exception.class, call::run);
        StorageException refused = StorageException.causeOf(failure)
                .orElseThrow(() -> new AssertionError("not a storage failure", failure));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.code(), refused.getMessage());
    }

    private static Sha256 digest(byte[] bytes) {
        try {
            return Sha256.of(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }
}
