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
 * What repair writes for one file, decided from the Stat of its copies alone: the good content
 * ({@link ReplicaVotes}), an intact copy of it to copy from, the owners that lack the file and
 * the owners whose copy must be replaced, because it is corrupt or holds other content.
 *
 * @param source     a node whose copy is intact and has the good digest
 * @param missingOn  owners without a copy
 * @param replacedOn owners whose copy is corrupt or differs from the good one
 */
record RepairPlan(Sha256 goodDigest, NodeAddress source, List<NodeAddress> missingOn, List<NodeAddress> replacedOn) {

    /**
     * @param owners the live owners whose Stat answered: the only nodes a plan writes to
     * @param copies every copy found, owners' and others', in the order to prefer them as source
     * @return empty when no copy can be trusted: there is nothing to copy from safely
     */
    static Optional<RepairPlan> decide(List<NodeAddress> owners, Map<NodeAddress, FileStat> copies,
                                       Set<NodeAddress> suspects) {
        Map<NodeAddress, FileStat> ownerCopies = new LinkedHashMap<>(copies);
        ownerCopies.keySet().retainAll(owners);
        return ReplicaVotes.goodDigest(ownerCopies, copies, suspects).map(good -> {
            NodeAddress source = copies.entrySet().stream()
                    .filter(copy -> holdsIntact(copy.getValue(), good))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            List<NodeAddress> missing = owners.stream().filter(owner -> !copies.containsKey(owner)).toList();
            List<NodeAddress> replaced = owners.stream()
                    .filter(owner -> copies.containsKey(owner) && !holdsIntact(copies.get(owner), good)).toList();
            return new RepairPlan(good, source, missing, replaced);
        });
    }

    /** Whether {@code copy} is intact and holds the good content. */
    static boolean holdsIntact(FileStat copy, Sha256 good) {
        return copy.intact() && copy.sha256().equals(good);
    }
}
