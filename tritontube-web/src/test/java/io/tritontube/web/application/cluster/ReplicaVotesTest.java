package io.tritontube.web.application.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tritontube.storage.client.Sha256;
import io.tritontube.web.domain.cluster.NodeAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicaVotesTest {

    private static final NodeAddress A = NodeAddress.of("a:1");
    private static final NodeAddress B = NodeAddress.of("b:1");
    private static final NodeAddress C = NodeAddress.of("c:1");
    private static final Sha256 GOOD = digest(1);
    private static final Sha256 BAD = digest(2);

    @Test
    void theMajorityOfTheOwnersCopiesWins() {
        assertEquals(Optional.of(GOOD), ReplicaVotes.goodDigest(Map.of(A, GOOD, B, GOOD, C, BAD), Map.of(), Set.of()));
    }

    @Test
    void aTieIsNoVerdict() {
        assertEquals(Optional.empty(), ReplicaVotes.goodDigest(Map.of(A, GOOD, B, BAD), Map.of(), Set.of()));
    }

    @Test
    void aNodeThatMissedWritesLosesATie() {
        assertEquals(Optional.of(GOOD), ReplicaVotes.goodDigest(Map.of(A, GOOD, B, BAD), Map.of(), Set.of(B)));
    }

    @Test
    void aSuspectCopyStillCountsWhenItIsTheOnlyOne() {
        assertEquals(Optional.of(BAD), ReplicaVotes.goodDigest(Map.of(B, BAD), Map.of(), Set.of(B)));
    }

    @Test
    void copiesOffTheOwnersCountOnlyWhenNoOwnerHasOne() {
        assertEquals(Optional.of(GOOD), ReplicaVotes.goodDigest(Map.of(A, GOOD), Map.of(B, BAD, C, BAD), Set.of()));
        assertEquals(Optional.of(BAD), ReplicaVotes.goodDigest(Map.of(), Map.of(B, BAD), Set.of()));
    }

    private static Sha256 digest(int fill) {
        byte[] bytes = new byte[Sha256.LENGTH];
        Arrays.fill(bytes, (byte) fill);
        return Sha256.of(bytes);
    }
}
