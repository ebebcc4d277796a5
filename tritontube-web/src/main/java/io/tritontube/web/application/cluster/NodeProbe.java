package io.tritontube.web.application.cluster;

import io.grpc.Status;
import io.tritontube.storage.client.NodeHealth;
import io.tritontube.storage.client.StorageException;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.infrastructure.content.nw.StorageNodeClients;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/** Asks storage nodes, all at once, whether they answer a health call. */
final class NodeProbe {

    /** Long enough for a loaded node on a LAN, short enough that an admin command does not hang. */
    static final Duration HEALTH_DEADLINE = Duration.ofSeconds(3);

    private final StorageNodeClients clients;

    NodeProbe(StorageNodeClients clients) {
        this.clients = clients;
    }

    /**
     * Each node's answer, in the order given. A node whose channel reports it unavailable is
     * dialled afresh and asked once more: the channel may still be waiting out its reconnect
     * back-off from when the node was down (up to two minutes), which would hide a node that
     * is back. A node that is merely slow keeps its channel and the calls running on it.
     */
    Map<NodeAddress, NodeStatus> probe(Collection<NodeAddress> nodes) throws InterruptedException {
        Map<NodeAddress, CompletableFuture<NodeHealth>> calls = askAll(nodes);
        Set<NodeAddress> refused = new LinkedHashSet<>();
        for (Map.Entry<NodeAddress, CompletableFuture<NodeHealth>> call : calls.entrySet()) {
            if (failedWith(call.getValue(), Status.Code.UNAVAILABLE)) {
                refused.add(call.getKey());
            }
        }
        refused.forEach(clients::redial);
        calls.putAll(askAll(refused));
        Map<NodeAddress, NodeStatus> answers = new LinkedHashMap<>();
        for (Map.Entry<NodeAddress, CompletableFuture<NodeHealth>> call : calls.entrySet()) {
            answers.put(call.getKey(), statusOf(call.getKey(), call.getValue()));
        }
        return answers;
    }

    NodeStatus probe(NodeAddress node) throws InterruptedException {
        return probe(List.of(node)).get(node);
    }

    /** The nodes that answered, of a {@link #probe(Collection)} result. */
    static Set<NodeAddress> reachable(Map<NodeAddress, NodeStatus> answers) {
        return answers.values().stream().filter(NodeStatus::reachable).map(NodeStatus::node)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The nodes that did not answer, of a {@link #probe(Collection)} result. */
    static Set<NodeAddress> unreachable(Map<NodeAddress, NodeStatus> answers) {
        Set<NodeAddress> down = new LinkedHashSet<>(answers.keySet());
        down.removeAll(reachable(answers));
        return down;
    }

    private Map<NodeAddress, CompletableFuture<NodeHealth>> askAll(Collection<NodeAddress> nodes) {
        Map<NodeAddress, CompletableFuture<NodeHealth>> calls = new LinkedHashMap<>();
        for (NodeAddress node : nodes) {
            calls.put(node, health(node));
        }
        return calls;
    }

    private CompletableFuture<NodeHealth> health(NodeAddress node) {
        try {
            return clients.clientFor(node).health(HEALTH_DEADLINE);
        } catch (UncheckedIOException e) {
            return CompletableFuture.failedFuture(e.getCause());
        }
    }

    /** Waits for the call; true when it failed with {@code code}. */
    private static boolean failedWith(CompletableFuture<NodeHealth> call, Status.Code code) throws InterruptedException {
        try {
            call.get();
            return false;
        } catch (ExecutionException e) {
            return StorageException.causeOf(e).map(failure -> failure.code() == code).orElse(false);
        }
    }

    private static NodeStatus statusOf(NodeAddress node, CompletableFuture<NodeHealth> call) throws InterruptedException {
        try {
            NodeHealth health = call.get();
            return NodeStatus.answered(node, health.fileCount(), health.totalBytes());
        } catch (ExecutionException e) {
            String reason = StorageException.causeOf(e).map(Throwable::getMessage).orElseGet(() -> e.getCause().getMessage());
            return NodeStatus.unreachable(node, reason);
        }
    }
}
