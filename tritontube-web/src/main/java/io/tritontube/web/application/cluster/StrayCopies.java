package io.tritontube.web.application.cluster;

import io.tritontube.storage.client.FileStat;
import io.tritontube.storage.client.Sha256;
import io.tritontube.web.domain.cluster.NodeAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a stray copy of a file, one on a node that does not own it (left behind by a
 * migration whose clean-up was interrupted, or by a node that was down during a roll-back's),
 * may be deleted, decided from the Stat of the copies once the repair pass has made its fixes.
 *
 * <p>Only when every owner of the file answered and holds an intact copy of the good content
 * ({@link ReplicaVotes}): then the stray copy adds nothing. An owner that is down or did not
 * answer may lack the file, and the stray copy may then be the one a later repair restores it
 * from; owners that disagree or hold a corrupt copy mean the repair could not fix the file, and
 * the stray copy may be its last good one.
 */
final class StrayCopies {

    private StrayCopies() {
    }

    /**
     * @param owners   every owner of the file in the serving ring, live or not
     * @param answered the nodes whose Stat answered
     * @param copies   the Stat of every copy found, owners' and stray ones
     * @param suspects nodes whose copies are trusted last (they missed writes while down)
     */
    static boolean mayDelete(List<NodeAddress> owners, Set<NodeAddress> answered, Map<NodeAddress, FileStat> copies,
                             Set<NodeAddress> suspects) {
        if (owners.isEmpty() || !answered.containsAll(owners)) {
            return false;
        }
        Map<NodeAddress, FileStat> ownerCopies = new LinkedHashMap<>(copies);
        ownerCopies.keySet().retainAll(owners);
        Optional<Sha256> good = ReplicaVotes.goodDigest(ownerCopies, copies, suspects);
        return good.isPresent() && owners.stream()
                .allMatch(owner -> copies.containsKey(owner) && RepairPlan.holdsIntact(copies.get(owner), good.get()));
    }
}
