package io.tritontube.web.infrastructure.content.nw;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.storage.client.StorageClient;
import io.tritontube.testkit.StorageDaemonProcess;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storage node that hangs (SIGSTOP: its port stays open, nothing answers) must cost a viewer
 * at most the first-answer timeout once, not the client's whole answer timeout on every
 * segment, must not hold an upload, and must serve again once it resumes. Real daemon
 * processes, two replicas of every file on two nodes.
 */
class HungReplicaTest {

    private static final VideoId VIDEO = VideoId.of("hung node");
    private static final Logger LOG = Logger.getLogger(HungReplicaTest.class.getName());
    private static final Duration FIRST_ANSWER_TIMEOUT = Duration.ofSeconds(1);
    /** The first-answer timeout plus room for a loaded machine; far below the 10 s answer timeout. */
    private static final Duration PROMPT_FAILOVER = Duration.ofSeconds(3);

    @TempDir
    Path temp;

    private final Map<NodeAddress, StorageDaemonProcess> daemons = new HashMap<>();
    private final List<StorageDaemonProcess> paused = new ArrayList<>();
    private StorageNodeClients clients;
    private RingContentStore store;

    @BeforeEach
    void startTwoDaemons() {
        for (int i = 0; i < 2; i++) {
            StorageDaemonProcess daemon = StorageDaemonProcess.startFromClassPath(temp);
            daemons.put(NodeAddress.of(daemon.address()), daemon);
        }
        // The default answer timeout (10 s): what a hung node cost every read before.
        clients = new StorageNodeClients(node -> StorageClient.builder(node.value())
                .firstAnswerTimeout(FIRST_ANSWER_TIMEOUT).build());
        store = new RingContentStore(clients, SqliteRepairLedger.open(temp.resolve("metadata.db")));
        store.usePlacement(new RingPlacement(HashRing.of(daemons.keySet(), 16, 2), Optional.empty()));
    }

    @AfterEach
    void stopDaemons() {
        paused.forEach(StorageDaemonProcess::resume);
        store.close();
        daemons.values().forEach(StorageDaemonProcess::close);
    }

    @Test
    void readsWhoseFirstReplicaHangsFailOverPromptlyAndTheNodeServesAgainOnceItResumes() throws Exception {
        Map<ContentKey, byte[]> segments = new HashMap<>();
        for (int i = 1; i <= 12; i++) {
            ContentKey key = key(String.format("chunk-0-%05d.m4s", i));
            segments.put(key, randomBytes(300_000, i));
            store.put(key, file(segments.get(key)));
        }
        NodeAddress hung = firstHolderOf(segments.keySet().iterator().next());
        NodeAddress healthy = otherThan(hung);
        List<ContentKey> askingHungFirst = segments.keySet().stream().filter(key -> firstHolderOf(key).equals(hung)).toList();
        pause(hung);

        Duration firstRead = timeToReadExactly(askingHungFirst.get(0), segments.get(askingHungFirst.get(0)));
        assertTrue(firstRead.compareTo(PROMPT_FAILOVER) < 0, "the first read after the hang took " + firstRead);
        Duration slowestLaterRead = Duration.ZERO;
        for (ContentKey next : askingHungFirst.subList(1, askingHungFirst.size())) {
            Duration read = timeToReadExactly(next, segments.get(next));
            assertTrue(read.compareTo(FIRST_ANSWER_TIMEOUT) < 0, "a later read waited for the hung node again: " + read);
            slowestLaterRead = read.compareTo(slowestLaterRead) > 0 ? read : slowestLaterRead;
        }
        LOG.info("First read after the hang: " + firstRead.toMillis() + " ms; slowest of the " + (askingHungFirst.size() - 1)
                + " later reads: " + slowestLaterRead.toMillis() + " ms");

        resume(hung);
        await("the resumed node " + hung + " to count as answering").atMost(Duration.ofSeconds(20))
                .until(() -> !clients.isSilent(hung));
        pause(healthy);
        for (ContentKey key : askingHungFirst) {
            Duration read = timeToReadExactly(key, segments.get(key));
            assertTrue(read.compareTo(FIRST_ANSWER_TIMEOUT) < 0,
                    "the resumed node was not asked first: " + key + " took " + read);
        }
    }

    @Test
    void anUploadDoesNotWaitForAHungReplicaAndRecordsItsMissedWrite() throws Exception {
        ContentKey warmUp = key("init-0.m4s");
        store.put(warmUp, file(randomBytes(1000, 1)));
        NodeAddress hung = firstHolderOf(warmUp);
        pause(hung);

        ContentKey manifest = key("manifest.mpd");
        byte[] manifestBytes = randomBytes(2000, 2);
        Duration firstPut = timeToPut(manifest, manifestBytes);
        ContentKey segment = key("chunk-0-00001.m4s");
        byte[] segmentBytes = randomBytes(2_000_000, 3);
        Duration secondPut = timeToPut(segment, segmentBytes);

        LOG.info("Puts with a hung replica: the first " + firstPut.toMillis() + " ms, the next " + secondPut.toMillis() + " ms");
        assertTrue(firstPut.compareTo(PROMPT_FAILOVER) < 0, "the first upload after the hang took " + firstPut);
        assertTrue(secondPut.compareTo(FIRST_ANSWER_TIMEOUT) < 0, "a later upload waited for the hung node: " + secondPut);
        assertTrue(store.repairLedger().missedWrites().containsKey(hung), "missed writes: " + store.repairLedger().missedWrites());
        assertEquals(List.of(), daemons.get(hung).filesOf(VIDEO.value()).stream()
                .filter(name -> !name.equals("init-0.m4s")).toList(), "files the hung node holds");
        timeToReadExactly(manifest, manifestBytes);
        timeToReadExactly(segment, segmentBytes);
    }

    private Duration timeToReadExactly(ContentKey key, byte[] expected) throws IOException {
        long started = System.nanoTime();
        try (StoredContent content = store.open(key, ByteRange.WHOLE_FILE).orElseThrow()) {
            assertArrayEquals(expected, content.stream().readAllBytes(), "bytes of " + key);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private Duration timeToPut(ContentKey key, byte[] bytes) throws IOException {
        Path source = file(bytes);
        long started = System.nanoTime();
        store.put(key, source);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void pause(NodeAddress node) {
        daemons.get(node).pause();
        paused.add(daemons.get(node));
    }

    private void resume(NodeAddress node) {
        daemons.get(node).resume();
        paused.remove(daemons.get(node));
    }

    private NodeAddress firstHolderOf(ContentKey key) {
        return store.placement().holdersOf(key.ringKey()).get(0);
    }

    private NodeAddress otherThan(NodeAddress node) {
        return daemons.keySet().stream().filter(other -> !other.equals(node)).findFirst().orElseThrow();
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
