package io.tritontube.web.application.cluster;

import io.tritontube.storage.client.FileStat;
import io.tritontube.storage.client.Sha256;
import io.tritontube.web.domain.cluster.NodeAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which content of a file is the good one, judged from the Stat of its copies:
 * <ul>
 *   <li>a copy that is not {@link FileStat#intact() intact}, whose bytes no longer match the
 *       SHA-256 its node recorded when it was written, is corrupt on its own node's word and
 *       has no vote;</li>
 *   <li>copies on the file's owners vote; copies elsewhere (left over from an older ring) are
 *       used only when no owner has an intact one;</li>
 *   <li>copies on suspect nodes, those that missed writes while down and so may hold a stale
 *       version, vote only when no other copy does;</li>
 *   <li>the digest with the most votes wins; a tie is no verdict: better to leave the copies
 *       alone and report the file than to overwrite a good copy with a bad one.</li>
 * </ul>
 */
final class ReplicaVotes {

    private ReplicaVotes() {
    }

    static Optional<Sha256> goodDigest(Map<NodeAddress, FileStat> ownerCopies, Map<NodeAddress, FileStat> otherCopies,
                                       Set<NodeAddress> suspects) {
        Map<NodeAddress, Sha256> intactOwnerCopies = intactDigests(ownerCopies);
        Map<NodeAddress, Sha256> voters = intactOwnerCopies.isEmpty() ? intactDigests(otherCopies) : intactOwnerCopies;
        Map<NodeAddress, Sha256> trusted = new HashMap<>(voters);
        trusted.keySet().removeAll(suspects);
        return majority(trusted.isEmpty() ? voters : trusted);
    }

    private static Map<NodeAddress, Sha256> intactDigests(Map<NodeAddress, FileStat> copies) {
        Map<NodeAddress, Sha256> digests = new HashMap<>();
        copies.forEach((node, copy) -> {
            if (copy.intact()) {
                digests.put(node, copy.sha256());
            }
        });
        return digests;
    }

    private static Optional<Sha256> majority(Map<NodeAddress, Sha256> votes) {
        Map<Sha256, Integer> counts = new HashMap<>();
        votes.values().forEach(digest -> counts.merge(digest, 1, Integer::sum));
        int best = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        var winners = counts.entrySet().stream().filter(entry -> entry.getValue() == best).toList();
        return winners.size() == 1 ? Optional.of(winners.get(0).getKey()) : Optional.empty();
    }
}
