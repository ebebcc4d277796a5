package io.tritontube.web.application.cluster;

import static io.tritontube.web.application.cluster.ReplicaVotesTest.BAD;
import static io.tritontube.web.application.cluster.ReplicaVotesTest.GOOD;
import static io.tritontube.web.application.cluster.ReplicaVotesTest.corrupt;
import static io.tritontube.web.application.cluster.ReplicaVotesTest.intact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.cluster.NodeAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepairPlanTest {

    private static final NodeAddress A = NodeAddress.of("a:1");
    private static final NodeAddress B = NodeAddress.of("b:1");
    private static final NodeAddress C = NodeAddress.of("c:1");

    @Test
    void withTwoReplicasTheCorruptCopyOfATieIsReplacedFromTheIntactOne() {
        Optional<RepairPlan> plan = RepairPlan.decide(List.of(A, B), Map.of(A, corrupt(BAD, GOOD), B, intact(GOOD)), Set.of());

        assertEquals(Optional.of(new RepairPlan(GOOD, B, List.of(), List.of(A))), plan);
    }

    @Test
    void aCorruptCopyIsNeverTheSourceEvenWhenItHoldsTheGoodDigestsBytes() {
        // A's bytes digest to the good content but its record says they were something else:
        // whatever it is, that copy was not written as it is now.
        Optional<RepairPlan> plan = RepairPlan.decide(List.of(A, B, C),
                Map.of(A, corrupt(GOOD, BAD), B, intact(GOOD)), Set.of());

        assertEquals(Optional.of(new RepairPlan(GOOD, B, List.of(C), List.of(A))), plan);
    }

    @Test
    void anIntactCopyWithOtherContentIsReplacedWhenOutvoted() {
        RepairPlan plan = RepairPlan.decide(List.of(A, B, C),
                Map.of(A, intact(BAD), B, intact(GOOD), C, intact(GOOD)), Set.of()).orElseThrow();

        assertEquals(GOOD, plan.goodDigest());
        assertEquals(List.of(A), plan.replacedOn());
        assertTrue(Set.of(B, C).contains(plan.source()), plan.source() + " holds the good copy");
    }

    @Test
    void aStrayIntactCopyRestoresOwnersWhoseCopiesAreAllCorrupt() {
        Optional<RepairPlan> plan = RepairPlan.decide(List.of(A, B),
                Map.of(A, corrupt(BAD, GOOD), B, corrupt(BAD, GOOD), C, intact(GOOD)), Set.of());

        assertEquals(Optional.of(new RepairPlan(GOOD, C, List.of(), List.of(A, B))), plan);
    }

    @Test
    void nothingIsWrittenWhenNoCopyCanBeTrusted() {
        assertEquals(Optional.empty(), RepairPlan.decide(List.of(A, B), Map.of(A, corrupt(BAD, GOOD), B, corrupt(BAD, GOOD)), Set.of()));
        assertEquals(Optional.empty(), RepairPlan.decide(List.of(A, B), Map.of(A, intact(BAD), B, intact(GOOD)), Set.of()));
    }

    @Test
    void healthyCopiesNeedNothing() {
        RepairPlan plan = RepairPlan.decide(List.of(A, B), Map.of(A, intact(GOOD), B, intact(GOOD)), Set.of()).orElseThrow();

        assertEquals(List.of(), plan.missingOn());
        assertEquals(List.of(), plan.replacedOn());
    }
}
