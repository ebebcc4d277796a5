package io.tritontube.web.domain.cluster;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where files are at one moment: the ring that serves them, and during a membership change
 * the ring they are moving to. Immutable, so the content store swaps a whole placement at
 * once and no request ever sees half of a change.
 *
 * <p>While a migration runs, a file may be on its old owners only (not copied yet) or on
 * both; so reads try the new ring's owners first and then the old ones, and writes go to
 * both sets, so a file uploaded during the migration is complete whichever ring wins.
 *
 * @param serving     the ring every file is complete on
 * @param migratingTo the ring being migrated to, if a membership change is under way
 */
public record RingPlacement(HashRing serving, Optional<HashRing> migratingTo) {

    /** No nodes at all: what a store follows before the ring's membership is loaded. */
    public static RingPlacement empty() {
        return new RingPlacement(HashRing.of(List.of(), 1, 1), Optional.empty());
    }

    /**
     * The placement a stored state describes. During a migration the state's own node list
     * is not used: the migration's {@code fromNodes} are what serves until the switch.
     */
    public static RingPlacement of(ClusterState state) {
        return state.migration()
                .map(migration -> new RingPlacement(
                        HashRing.of(migration.fromNodes(), state.virtualNodes(), state.replicas()),
                        Optional.of(HashRing.of(migration.toNodes(), state.virtualNodes(), state.replicas()))))
                .orElseGet(() -> new RingPlacement(
                        HashRing.of(state.nodes(), state.virtualNodes(), state.replicas()), Optional.empty()));
    }

    /**
     * The nodes that hold or are receiving {@code ringKey}: the new ring's owners first, then
     * the old ring's. Reads try them in this order; writes go to all of them.
     */
    public List<NodeAddress> holdersOf(String ringKey) {
        Set<NodeAddress> holders = new LinkedHashSet<>();
        migratingTo.ifPresent(target -> holders.addAll(target.ownersOf(ringKey)));
        holders.addAll(serving.ownersOf(ringKey));
        return List.copyOf(holders);
    }

    /** Every node of either ring: the ones the content store needs a channel to. */
    public Set<NodeAddress> allNodes() {
        Set<NodeAddress> nodes = new LinkedHashSet<>(serving.nodesInRingOrder());
        migratingTo.ifPresent(target -> nodes.addAll(target.nodesInRingOrder()));
        return Set.copyOf(nodes);
    }
}
