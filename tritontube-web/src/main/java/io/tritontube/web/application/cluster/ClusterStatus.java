package io.tritontube.web.application.cluster;

import java.util.List;

/**
 * The storage cluster as seen now.
 *
 * @param nodes        every node of the ring, in ring order, with its answer to a health call
 * @param replicas     copies kept of each file
 * @param virtualNodes positions per node on the ring
 */
public record ClusterStatus(List<NodeStatus> nodes, int replicas, int virtualNodes) {

    public ClusterStatus {
        nodes = List.copyOf(nodes);
    }
}
