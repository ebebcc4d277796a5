package io.tritontube.web.application.cluster;

import io.tritontube.storage.client.NodeHealth;
import io.tritontube.storage.client.StorageException;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.infrastructure.content.nw.StorageNodeClients;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Asks storage nodes, all at once, whether they answer a health call. */
final class NodeProbe {

    /** Long enough for a loaded node on a LAN, short enough that an admin command does not hang. */
    static final Duration HEALTH_DEADLINE = Duration.ofSeconds(3);

    private final StorageNodeClients clients;

    NodeProbe(StorageNodeClients clients) {
        this.clients = clients;
    }

    /** Each node's answer, in the order given. */
    Map<NodeAddress, NodeStatus> probe(Collection<NodeAddress> nodes) throws InterruptedException {
        Map<NodeAddress, CompletableFuture<NodeHealth>> calls = new LinkedHashMap<>();
        for (NodeAddress node : nodes) {
            calls.put(node, health(node));
        }
        Map<NodeAddress, NodeStatus> answers = new LinkedHashMap<>();
        for (Map.Entry<NodeAddress, CompletableFuture<NodeHealth>> call : calls.entrySet()) {
            answers.put(call.getKey(), statusOf(call.getKey(), call.getValue()));
        }
        return answers;
    }

    NodeStatus probe(NodeAddress node) throws InterruptedException {
        return probe(List.of(node)).get(node);
    }

    private CompletableFuture<NodeHealth> health(NodeAddress node) {
        try {
            return clients.clientFor(node).health(HEALTH_DEADLINE);
        } catch (UncheckedIOException e) {
            return CompletableFuture.failedFuture(e.getCause());
        }
    }

    private static NodeStatus statusOf(NodeAddress node, CompletableFuture<NodeHealth> call) throws InterruptedException {
        try {
            NodeHealth health = call.get();
            return NodeStatus.answered(node, health.fileCount(), health.totalBytes());
        } catch (ExecutionException | CompletionException e) {
            String reason = StorageException.causeOf(e).map(Throwable::getMessage).orElseGet(() -> e.getCause().getMessage());
            return NodeStatus.unreachable(node, reason);
        }
    }
}
