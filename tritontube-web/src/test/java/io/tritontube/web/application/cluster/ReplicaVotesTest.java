package io.tritontube.web.application.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tritontube.storage.client.FileStat;
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
    static final Sha256 GOOD = digest(1);
    static final Sha256 BAD = digest(2);

    @Test
    void theMajorityOfTheOwnersCopiesWins() {
        assertEquals(Optional.of(GOOD), vote(Map.of(A, intact(GOOD), B, intact(GOOD), C, intact(BAD)), Map.of(), Set.of()));
    }

    @Test
    void aTieIsNoVerdict() {
        assertEquals(Optional.empty(), vote(Map.of(A, intact(GOOD), B, intact(BAD)), Map.of(), Set.of()));
    }

    @Test
    void aCorruptCopyHasNoVoteSoItCannotTie() {
        assertEquals(Optional.of(GOOD), vote(Map.of(A, intact(GOOD), B, corrupt(BAD, GOOD)), Map.of(), Set.of()));
    }

    @Test
    void corruptCopiesCannotOutvoteAnIntactOne() {
        assertEquals(Optional.of(GOOD),
                vote(Map.of(A, intact(GOOD), B, corrupt(BAD, GOOD), C, corrupt(BAD, GOOD)), Map.of(), Set.of()));
    }

    @Test
    void copiesWithoutARecordVoteAsBefore() {
        assertEquals(Optional.of(BAD),
                vote(Map.of(A, unrecorded(BAD), B, unrecorded(BAD), C, intact(GOOD)), Map.of(), Set.of()));
    }

    @Test
    void whenEveryCopyIsCorruptThereIsNoVerdict() {
        assertEquals(Optional.empty(), vote(Map.of(A, corrupt(BAD, GOOD), B, corrupt(BAD, GOOD)), Map.of(), Set.of()));
    }

    @Test
    void anIntactCopyOffTheOwnersCountsWhenEveryOwnerCopyIsCorrupt() {
        assertEquals(Optional.of(GOOD), vote(Map.of(A, corrupt(BAD, GOOD)), Map.of(A, corrupt(BAD, GOOD), C, intact(GOOD)), Set.of()));
    }

    @Test
    void aNodeThatMissedWritesLosesATie() {
        assertEquals(Optional.of(GOOD), vote(Map.of(A, intact(GOOD), B, intact(BAD)), Map.of(), Set.of(B)));
    }

    @Test
    void anIntactCopyOnASuspectBeatsACorruptOne() {
        assertEquals(Optional.of(GOOD), vote(Map.of(A, corrupt(BAD, GOOD), B, intact(GOOD)), Map.of(), Set.of(B)));
    }

    @Test
    void aSuspectCopyStillCountsWhenItIsTheOnlyOne() {
        assertEquals(Optional.of(BAD), vote(Map.of(B, intact(BAD)), Map.of(), Set.of(B)));
    }

    @Test
    void copiesOffTheOwnersCountOnlyWhenNoOwnerHasOne() {
        assertEquals(Optional.of(GOOD), vote(Map.of(A, intact(GOOD)), Map.of(B, intact(BAD), C, intact(BAD)), Set.of()));
        assertEquals(Optional.of(BAD), vote(Map.of(), Map.of(B, intact(BAD)), Set.of()));
    }

    private static Optional<Sha256> vote(Map<NodeAddress, FileStat> owners, Map<NodeAddress, FileStat> others,
                                         Set<NodeAddress> suspects) {
        return ReplicaVotes.goodDigest(owners, others, suspects);
    }

    /** A copy whose bytes still digest to what its node recorded when it was written. */
    static FileStat intact(Sha256 digest) {
        return new FileStat("v", "f", 1, digest, Optional.of(digest));
    }

    /** A copy whose bytes changed since its node recorded {@code recorded}. */
    static FileStat corrupt(Sha256 onDisk, Sha256 recorded) {
        return new FileStat("v", "f", 1, onDisk, Optional.of(recorded));
    }

    /** A copy its node holds no record for, as one written by a reference node. */
    static FileStat unrecorded(Sha256 digest) {
        return new FileStat("v", "f", 1, digest, Optional.empty());
    }

    static Sha256 digest(int fill) {
        byte[] bytes = new byte[Sha256.LENGTH];
        Arrays.fill(bytes, (byte) fill);
        return Sha256.of(bytes);
    }
}
