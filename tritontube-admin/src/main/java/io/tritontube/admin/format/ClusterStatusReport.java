package io.tritontube.admin.format;

import io.tritontube.admin.format.TextTable.Align;
import io.tritontube.proto.cluster.NodeStatus;
import io.tritontube.proto.cluster.StatusResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's view of a Status answer: a summary line, then one row per storage node with whether it
 * answers, its file count and bytes (exact and human-readable), and why it did not answer when it did not.
 * Totals count every replica, so they are the disk actually used, not the number of distinct files.
 */
public final class ClusterStatusReport {

    private static final String UNKNOWN = "-";

    private ClusterStatusReport() {
    }

    public static List<String> lines(StatusResponse status) {
        List<String> lines = new ArrayList<>();
        lines.add(summary(status));
        if (status.getNodesCount() == 0) {
            lines.add("  No nodes in cluster");
            return lines;
        }
        TextTable table = new TextTable(Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT)
                .addRow("NODE", "STATE", "FILES", "BYTES", "SIZE", "PROBLEM");
        long totalFiles = 0;
        long totalBytes = 0;
        for (NodeStatus node : status.getNodesList()) {
            table.addRow(row(node));
            if (node.getReachable()) {
                totalFiles += node.getFileCount();
                totalBytes += node.getTotalBytes();
            }
        }
        table.addRow("TOTAL (answering)", "", Long.toString(totalFiles), Long.toString(totalBytes),
                ByteSize.humanReadable(totalBytes), "");
        lines.addAll(table.lines());
        return lines;
    }

    private static String summary(StatusResponse status) {
        long answering = status.getNodesList().stream().filter(NodeStatus::getReachable).count();
        return "Storage cluster: " + status.getNodesCount() + " nodes, " + answering + " answering; "
                + status.getReplicas() + " replicas per file, " + status.getVirtualNodes() + " virtual nodes per node";
    }

    private static String[] row(NodeStatus node) {
        if (!node.getReachable()) {
            return new String[] {node.getAddress(), "DOWN", UNKNOWN, UNKNOWN, UNKNOWN, node.getError()};
        }
        return new String[] {
            node.getAddress(), "up", Long.toString(node.getFileCount()), Long.toString(node.getTotalBytes()),
            ByteSize.humanReadable(node.getTotalBytes()), ""
        };
    }
}
