package io.tritontube.web.infrastructure.content.nw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.cluster.HashRing;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.cluster.RingPlacement;
import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteRepairLedger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RingContentStoreTest {

    private static final VideoId VIDEO = VideoId.of("lecture 1");

    @TempDir
    Path temp;

    private LocalStorageNodes nodes;
    private List<NodeAddress> addresses;
    private RingContentStore store;

    @BeforeEach
    void startThreeNodes() throws IOException {
        nodes = new LocalStorageNodes(temp.resolve("nodes"));
        addresses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            addresses.add(nodes.start());
        }
        store = new RingContentStore(nodes.clients(), SqliteRepairLedger.open(temp.resolve("metadata.db")));
        store.usePlacement(placement(ring(addresses)));
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        store.close();
        nodes.close();
    }

    @Test
    void putsEachFileOnExactlyItsOwnersAndReadsItBack() throws IOException {
        HashRing ring = ring(addresses);
        for (int i = 1; i <= 20; i++) {
            ContentKey key = key(String.format("chunk-0-%05d.m4s", i));
            byte[] bytes = randomBytes(1000 + i, i);
            store.put(key, file(bytes));

            assertEquals(Set.copyOf(ring.ownersOf(key.ringKey())), nodes.holdersOf(key.ringKey()), "holders of " + key);
            assertArrayEquals(bytes, readAll(key, ByteRange.WHOLE_FILE));
        }
    }

    @Test
    void readsARangeAndReportsTheWholeFilesSize() throws IOException {
        byte[] bytes = randomBytes(10_000, 1);
        store.put(key("init-0.m4s"), file(bytes));

        try (StoredContent content = store.open(key("init-0.m4s"), new ByteRange(100, 50)).orElseThrow()) {
            assertEquals(10_000, content.fileSize());
            assertArrayEquals(Arrays.copyOfRange(bytes, 100, 150), content.stream().readAllBytes());
        }
    }

    @Test
    void aRangeStartingAtOrPastTheEndIsEmptyButKnowsTheSize() throws IOException {
        store.put(key("init-0.m4s"), file(randomBytes(500, 2)));

        for (long offset : new long[] {500, 501, 10_000}) {
            try (StoredContent content = store.open(key("init-0.m4s"), new ByteRange(offset, 0)).orElseThrow()) {
                assertEquals(500, content.fileSize());
                assertEquals(0, content.stream().readAllBytes().length, "bytes from " + offset);
            }
        }
    }

    @Test
    void aFileNoNodeHasIsNotFound() throws IOException {
        assertTrue(store.open(key("manifest.mpd"), ByteRange.WHOLE_FILE).isEmpty());
    }

    @Test
    void readsFailOverWhenAnOwnerIsDown() throws Exception {
        byte[] bytes = randomBytes(5_000, 3);
        ContentKey key = key("manifest.mpd");
        store.put(key, file(bytes));

        nodes.stop(ring(addresses).ownersOf(key.ringKey()).get(0));

        assertArrayEquals(bytes, readAll(key, ByteRange.WHOLE_FILE));
    }

    @Test
    void aReadContinuesOnTheNextReplicaWhenItsNodeDiesMidStream() throws Exception {
        byte[] bytes = randomBytes(24 * 1024 * 1024, 4);
        ContentKey key = key("chunk-0-00001.m4s");
        store.put(key, file(bytes));
        NodeAddress first = ring(addresses).ownersOf(key.ringKey()).get(0);

        try (StoredContent content = store.open(key, ByteRange.WHOLE_FILE).orElseThrow()) {
            InputStream stream = content.stream();
            byte[] start = stream.readNBytes(1024 * 1024);
            nodes.stop(first);
            byte[] rest = stream.readAllBytes();

            byte[] whole = new byte[start.length + rest.length];
            System.arraycopy(start, 0, whole, 0, start.length);
            System.arraycopy(rest, 0, whole, start.length, rest.length);
            assertArrayEquals(bytes, whole);
        }
    }

    @Test
    void aCorruptCopyWithholdsItsLastChunkSoTheReadEndsOnAnIntactReplica() throws Exception {
        byte[] bytes = randomBytes(600 * 1024, 12);
        ContentKey key = key("chunk-0-00002.m4s");
        store.put(key, file(bytes));
        NodeAddress first = ring(addresses).ownersOf(key.ringKey()).get(0);
        byte[] rotten = bytes.clone();
        rotten[rotten.length - 1] ^= 1;
        Files.write(nodes.directoryOf(first).resolve(VIDEO.value()).resolve(key.fileName().value()), rotten);

        assertArrayEquals(bytes, readAll(key, ByteRange.WHOLE_FILE));
    }

    @Test
    void putSucceedsWithAnOwnerDownAndRecordsTheMissedWrite() throws Exception {
        ContentKey key = key("manifest.mpd");
        NodeAddress down = ring(addresses).ownersOf(key.ringKey()).get(1);
        nodes.stop(down);

        store.put(key, file(randomBytes(300, 5)));

        assertEquals(Set.of(ring(addresses).ownersOf(key.ringKey()).get(0)), nodes.holdersOf(key.ringKey()));
        assertEquals(Set.of(down), store.repairLedger().missedWrites().keySet());
    }

    @Test
    void aDeleteWithANodeDownIsRecordedAndFinishedWhenTheNodeAnswers() throws Exception {
        store.put(key("manifest.mpd"), file(randomBytes(100, 12)));
        NodeAddress down = addresses.get(0);
        nodes.stop(down);

        store.deleteVideo(VIDEO);
        assertEquals(Map.of(down, Set.of(VIDEO)), store.repairLedger().unfinishedDeletes());

        nodes.restart(down);
        store.clients().redial(down); // as the repair's health probe does: the old channel may still be backing off
        store.finishDeletes(Set.copyOf(addresses));

        assertEquals(Map.of(), store.repairLedger().unfinishedDeletes());
        for (NodeAddress node : addresses) {
            assertEquals(Set.of(), nodes.keysOn(node), "files left on " + node);
        }
    }

    @Test
    void beforeItsRingIsLoadedTheStoreRefusesEverythingRatherThanFindNothing() throws IOException {
        try (RingContentStore unloaded = new RingContentStore(nodes.clients(),
                SqliteRepairLedger.open(temp.resolve("other.db")))) {
            ContentKey key = key("manifest.mpd");

            assertThrows(RingNotLoadedException.class, () -> unloaded.put(key, file(randomBytes(10, 13))));
            assertThrows(RingNotLoadedException.class, () -> unloaded.open(key, ByteRange.WHOLE_FILE));
            assertThrows(RingNotLoadedException.class, () -> unloaded.deleteVideo(VIDEO));
        }
    }

    @Test
    void putFailsWhenNoOwnerCanBeWritten() throws Exception {
        ContentKey key = key("manifest.mpd");
        for (NodeAddress owner : ring(addresses).ownersOf(key.ringKey())) {
            nodes.stop(owner);
        }

        IOException failure = assertThrows(IOException.class, () -> store.put(key, file(randomBytes(300, 6))));
        assertTrue(failure.getMessage().contains(key.ringKey()), failure.getMessage());
    }

    @Test
    void readingAFileWhoseOwnersAreAllDownIsAnErrorNotAMissingFile() throws Exception {
        ContentKey key = key("manifest.mpd");
        store.put(key, file(randomBytes(300, 7)));
        for (NodeAddress owner : ring(addresses).ownersOf(key.ringKey())) {
            nodes.stop(owner);
        }

        assertThrows(IOException.class, () -> store.open(key, ByteRange.WHOLE_FILE));
    }

    @Test
    void duringAMigrationWritesGoToBothRingsAndReadsFindFilesOnEither() throws IOException {
        ContentKey before = key("init-0.m4s");
        byte[] beforeBytes = randomBytes(700, 8);
        store.put(before, file(beforeBytes));
        NodeAddress fourth = nodes.start();
        HashRing from = ring(addresses);
        HashRing to = from.withNode(fourth);
        store.usePlacement(new RingPlacement(from, Optional.of(to)));

        ContentKey during = key("init-1.m4s");
        store.put(during, file(randomBytes(800, 9)));

        Set<NodeAddress> union = new HashSet<>(from.ownersOf(during.ringKey()));
        union.addAll(to.ownersOf(during.ringKey()));
        assertEquals(union, nodes.holdersOf(during.ringKey()));
        assertArrayEquals(beforeBytes, readAll(before, ByteRange.WHOLE_FILE), "a file not yet copied to the new ring");
    }

    @Test
    void deletingAVideoRemovesEveryReplica() throws IOException {
        store.put(key("manifest.mpd"), file(randomBytes(100, 10)));
        store.put(key("init-0.m4s"), file(randomBytes(100, 11)));

        store.deleteVideo(VIDEO);
        store.deleteVideo(VIDEO);

        for (NodeAddress node : addresses) {
            assertEquals(Set.of(), nodes.keysOn(node), "files left on " + node);
        }
    }

    private HashRing ring(List<NodeAddress> ringNodes) {
        return HashRing.of(ringNodes, 16, 2);
    }

    private static RingPlacement placement(HashRing ring) {
        return new RingPlacement(ring, Optional.empty());
    }

    private byte[] readAll(ContentKey key, ByteRange range) throws IOException {
        try (StoredContent content = store.open(key, range).orElseThrow()) {
            return content.stream().readAllBytes();
        }
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(temp, "source", ".bin"), bytes);
    }

    private static ContentKey key(String fileName) {
        return new ContentKey(VIDEO, ContentFileName.of(fileName));
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
