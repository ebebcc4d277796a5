package io.tritontube.web.domain.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.video.VideoId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RepairLedger} must do, run against each real store by a subclass. Public
 * test methods, so that subclasses in other packages inherit them.
 */
public abstract class RepairLedgerContract {

    private static final NodeAddress A = NodeAddress.of("localhost:8090");
    private static final NodeAddress B = NodeAddress.of("[::1]:8091");
    private static final VideoId LECTURE = VideoId.of("lecture 1: ü, 100% #?");
    private static final VideoId TRAILER = VideoId.of("trailer");

    private RepairLedger ledger;

    /** A ledger on a fresh, empty store. */
    protected abstract RepairLedger openEmpty();

    /** Another ledger object on the store of the last {@link #openEmpty()}: a restarted or second web server. */
    protected abstract RepairLedger openAgain();

    @BeforeEach
    void open() {
        ledger = openEmpty();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    public void eachMissedWriteGetsAMarkAboveEveryEarlierOne() {
        ledger.recordMissedWrite(A);
        ledger.recordMissedWrite(B);
        long firstOfB = ledger.missedWrites().get(B);

        ledger.recordMissedWrite(A);
        ledger.recordMissedWrite(B);

        Map<NodeAddress, Long> marks = ledger.missedWrites();
        assertEquals(Set.of(A, B), marks.keySet());
        assertTrue(marks.get(A) > firstOfB, "A recorded again after B: " + marks);
        assertTrue(marks.get(B) > marks.get(A), "B recorded again last: " + marks);
    }

    @Test
    public void aWriteMissedAfterTheMarkWasReadIsNotForgotten() {
        ledger.recordMissedWrite(A);
        long readBeforeARepair = ledger.missedWrites().get(A);
        ledger.recordMissedWrite(A);

        assertFalse(ledger.forgetMissedWrites(A, readBeforeARepair));
        assertEquals(Set.of(A), ledger.missedWrites().keySet());

        assertTrue(ledger.forgetMissedWrites(A, ledger.missedWrites().get(A)));
        assertEquals(Map.of(), ledger.missedWrites());
    }

    @Test
    public void forgettingOneNodeLeavesTheOthers() {
        ledger.recordMissedWrite(A);
        ledger.recordMissedWrite(B);

        ledger.forgetMissedWrites(A, ledger.missedWrites().get(A));

        assertEquals(Set.of(B), ledger.missedWrites().keySet());
    }

    @Test
    public void unfinishedDeletesAreKeptByNodeUntilForgotten() {
        ledger.recordUnfinishedDelete(A, LECTURE);
        ledger.recordUnfinishedDelete(A, LECTURE);
        ledger.recordUnfinishedDelete(A, TRAILER);
        ledger.recordUnfinishedDelete(B, LECTURE);

        assertEquals(Map.of(A, Set.of(LECTURE, TRAILER), B, Set.of(LECTURE)), ledger.unfinishedDeletes());

        ledger.forgetUnfinishedDelete(A, LECTURE);
        ledger.forgetUnfinishedDelete(B, LECTURE);

        assertEquals(Map.of(A, Set.of(TRAILER)), ledger.unfinishedDeletes());
    }

    @Test
    public void whatWasRecordedOutlivesTheLedgerThatRecordedIt() {
        ledger.recordMissedWrite(B);
        ledger.recordUnfinishedDelete(A, LECTURE);
        long mark = ledger.missedWrites().get(B);
        ledger.close();

        ledger = openAgain();

        assertEquals(Map.of(B, mark), ledger.missedWrites());
        assertEquals(Map.of(A, Set.of(LECTURE)), ledger.unfinishedDeletes());
    }
}
