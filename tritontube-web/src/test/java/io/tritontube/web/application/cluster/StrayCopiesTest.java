package io.tritontube.web.application.cluster;

import static io.tritontube.web.application.cluster.ReplicaVotesTest.BAD;
import static io.tritontube.web.application.cluster.ReplicaVotesTest.GOOD;
import static io.tritontube.web.application.cluster.ReplicaVotesTest.corrupt;
import static io.tritontube.web.application.cluster.ReplicaVotesTest.intact;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.cluster.NodeAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrayCopiesTest {

    private static final NodeAddress A = NodeAddress.of("a:1");
    private static final NodeAddress B = NodeAddress.of("b:1");
    /** Not an owner: holds the stray copy. */
    private static final NodeAddress S = NodeAddress.of("s:1");
    private static final List<NodeAddress> OWNERS = List.of(A, B);
    private static final Set<NodeAddress> ALL_ANSWERED = Set.of(A, B, S);

    @Test
    void aStrayCopyIsDeletedWhenEveryOwnerHoldsAnIntactGoodCopy() {
        assertTrue(StrayCopies.mayDelete(OWNERS, ALL_ANSWERED, Map.of(A, intact(GOOD), B, intact(GOOD), S, intact(GOOD)),
                Set.of()));
    }

    @Test
    void aStaleOrCorruptStrayCopyIsDeletedAllTheSame() {
        assertTrue(StrayCopies.mayDelete(OWNERS, ALL_ANSWERED, Map.of(A, intact(GOOD), B, intact(GOOD), S, intact(BAD)),
                Set.of()));
        assertTrue(StrayCopies.mayDelete(OWNERS, ALL_ANSWERED,
                Map.of(A, intact(GOOD), B, intact(GOOD), S, corrupt(BAD, GOOD)), Set.of()));
    }

    @Test
    void keptWhenAnOwnerDidNotAnswerEvenIfTheOthersHoldIt() {
        assertFalse(StrayCopies.mayDelete(OWNERS, Set.of(A, S), Map.of(A, intact(GOOD), S, intact(GOOD)), Set.of()));
    }

    @Test
    void keptWhenAnOwnerLacksTheFile() {
        assertFalse(StrayCopies.mayDelete(OWNERS, ALL_ANSWERED, Map.of(A, intact(GOOD), S, intact(GOOD)), Set.of()));
    }

    @Test
    void keptWhenAnOwnersCopyIsCorrupt() {
        assertFalse(StrayCopies.mayDelete(OWNERS, ALL_ANSWERED,
                Map.of(A, intact(GOOD), B, corrupt(BAD, GOOD), S, intact(GOOD)), Set.of()));
    }

    @Test
    void keptWhenTheOwnersDisagree() {
        assertFalse(StrayCopies.mayDelete(OWNERS, ALL_ANSWERED, Map.of(A, intact(GOOD), B, intact(BAD), S, intact(GOOD)),
                Set.of()));
    }

    @Test
    void keptWhenNoOwnerHoldsItTheStrayCopyIsTheLastOne() {
        assertFalse(StrayCopies.mayDelete(OWNERS, ALL_ANSWERED, Map.of(S, intact(GOOD)), Set.of()));
    }

    @Test
    void keptWhenTheFileHasNoOwner() {
        assertFalse(StrayCopies.mayDelete(List.of(), ALL_ANSWERED, Map.of(S, intact(GOOD)), Set.of()));
    }
}
