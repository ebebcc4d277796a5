package io.tritontube.web.domain.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ring's membership as stored: its nodes, its settings and any membership change in
 * progress, so that a restarted or second web server sees the same ring and can resume or
 * roll back an interrupted migration.
 *
 * @param nodes         the storage nodes the ring serves from
 * @param virtualNodes  positions per node on the ring
 * @param replicas      distinct nodes that hold each file
 * @param migration     a membership change begun but not finished
 * @param revision      opaque to callers: set by the repository, used for compare-and-set
 */
public record ClusterState(List<NodeAddress> nodes, int virtualNodes, int replicas,
                           Optional<Migration> migration, long revision) {

    public ClusterState {
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(migration, "migration");
        if (virtualNodes < 1 || replicas < 1) {
            throw new IllegalArgumentException("virtualNodes and replicas must be at least 1");
        }
    }

    /**
     * A membership change under way: the ring is moving from {@code fromNodes} to
     * {@code toNodes} because {@code node} is being added or removed.
     */
    public record Migration(Kind kind, NodeAddress node, List<NodeAddress> fromNodes, List<NodeAddress> toNodes) {

        public enum Kind { ADD, REMOVE }

        public Migration {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(node, "node");
            fromNodes = List.copyOf(fromNodes);
            toNodes = List.copyOf(toNodes);
        }
    }
}
