package io.tritontube.web.infrastructure.content.nw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.cluster.RepairLedger;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteRepairLedger;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BufferedRepairLedgerTest {

    private static final NodeAddress NODE = NodeAddress.of("127.0.0.1:8091");
    private static final VideoId VIDEO = VideoId.of("deleted");

    @TempDir
    Path temp;

    private OutageLedger store;
    private BufferedRepairLedger ledger;

    @BeforeEach
    void open() {
        store = new OutageLedger(SqliteRepairLedger.open(temp.resolve("metadata.db")));
        ledger = new BufferedRepairLedger(store);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void recordsReachTheStoreAtOnceWhileItAnswers() {
        ledger.recordMissedWrite(NODE);
        ledger.recordUnfinishedDelete(NODE, VIDEO);

        assertEquals(Set.of(NODE), store.ledger.missedWrites().keySet());
        assertEquals(Map.of(NODE, Set.of(VIDEO)), store.ledger.unfinishedDeletes());
    }

    @Test
    void recordsMadeWhileTheStoreIsDownDoNotFailAndReachItAtTheNextRead() {
        store.down = true;

        ledger.recordMissedWrite(NODE);
        ledger.recordUnfinishedDelete(NODE, VIDEO);
        assertThrows(MetadataUnavailableException.class, ledger::missedWrites, "a read cannot leave out what waits");

        store.down = false;
        assertEquals(Set.of(NODE), ledger.missedWrites().keySet());
        assertEquals(Map.of(NODE, Set.of(VIDEO)), store.ledger.unfinishedDeletes());
    }

    @Test
    void whileRecordsWaitInMemoryTheNextOnesDoNotWaitForTheStore() {
        store.down = true;
        ledger.recordMissedWrite(NODE);
        int callsAfterTheFirstFailure = store.calls.get();

        ledger.recordMissedWrite(NodeAddress.of("127.0.0.1:8092"));
        ledger.recordUnfinishedDelete(NODE, VIDEO);

        assertEquals(callsAfterTheFirstFailure, store.calls.get());
    }

    /** A real ledger behind a switch that makes every call fail as an unreachable etcd does. */
    private static final class OutageLedger implements RepairLedger {
        final RepairLedger ledger;
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean down;

        OutageLedger(RepairLedger ledger) {
            this.ledger = ledger;
        }

        private void call() {
            calls.incrementAndGet();
            if (down) {
                throw new MetadataUnavailableException("etcd does not answer", null);
            }
        }

        @Override
        public void recordMissedWrite(NodeAddress node) {
            call();
            ledger.recordMissedWrite(node);
        }

        @Override
        public Map<NodeAddress, Long> missedWrites() {
            call();
            return ledger.missedWrites();
        }

        @Override
        public boolean forgetMissedWrites(NodeAddress node, long mark) {
            call();
            return ledger.forgetMissedWrites(node, mark);
        }

        @Override
        public void recordUnfinishedDelete(NodeAddress node, VideoId video) {
            call();
            ledger.recordUnfinishedDelete(node, video);
        }

        @Override
        public Map<NodeAddress, Set<VideoId>> unfinishedDeletes() {
            call();
            return ledger.unfinishedDeletes();
        }

        @Override
        public void forgetUnfinishedDelete(NodeAddress node, VideoId video) {
            call();
            ledger.forgetUnfinishedDelete(node, video);
        }

        @Override
        public void close() {
            ledger.close();
        }
    }
}
