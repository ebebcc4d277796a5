package io.tritontube.web.application.cluster;

import io.tritontube.web.domain.cluster.NodeAddress;
import java.util.Optional;

/**
 * What one storage node answered to a health call.
 *
 * @param node       the node asked
 * @param reachable  whether it answered in time
 * @param fileCount  files it holds (0 when unreachable)
 * @param totalBytes bytes of those files (0 when unreachable)
 * @param error      why it did not answer, when it did not
 */
public record NodeStatus(NodeAddress node, boolean reachable, long fileCount, long totalBytes, Optional<String> error) {

    static NodeStatus answered(NodeAddress node, long fileCount, long totalBytes) {
        return new NodeStatus(node, true, fileCount, totalBytes, Optional.empty());
    }

    static NodeStatus unreachable(NodeAddress node, String error) {
        return new NodeStatus(node, false, 0, 0, Optional.of(error));
    }
}
