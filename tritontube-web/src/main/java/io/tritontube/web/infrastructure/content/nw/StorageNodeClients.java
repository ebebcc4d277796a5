package io.tritontube.web.infrastructure.content.nw;

import io.tritontube.storage.client.StorageClient;
import io.tritontube.web.domain.cluster.NodeAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One {@link StorageClient}, hence one gRPC channel, per storage node, created on first use
 * and reused by every request; closed when the node leaves the ring and on shutdown.
 */
public final class StorageNodeClients implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StorageNodeClients.class.getName());

    /** How a client for one node is made: the production dialler, or in-process channels in tests. */
    @FunctionalInterface
    public interface Connector {
        StorageClient connect(NodeAddress node) throws IOException;
    }

    private final Connector connector;
    private final Map<NodeAddress, StorageClient> clients = new ConcurrentHashMap<>();

    public StorageNodeClients(Connector connector) {
        this.connector = connector;
    }

    /**
     * The client of {@code node}, connecting on first use. Connecting only builds the channel;
     * an unreachable node shows up when a call fails.
     *
     * @throws UncheckedIOException when the client cannot be built (unreadable TLS trust file)
     */
    public StorageClient clientFor(NodeAddress node) {
        return clients.computeIfAbsent(node, this::connect);
    }

    /** Closes the clients of every node not in {@code nodes}: they left the ring. */
    public void retainOnly(Set<NodeAddress> nodes) {
        for (NodeAddress node : Set.copyOf(clients.keySet())) {
            if (!nodes.contains(node)) {
                LOG.log(Level.INFO, "Closing the channel to storage node {0}: it is not in the ring", node);
                closeClientOf(node);
            }
        }
    }

    /**
     * Drops the client of a node that does not answer, so the next call dials it afresh
     * instead of waiting out the channel's reconnect back-off (up to two minutes): a node
     * that comes back is then seen at once.
     */
    public void redial(NodeAddress node) {
        closeClientOf(node);
    }

    @Override
    public void close() {
        Set.copyOf(clients.keySet()).forEach(this::closeClientOf);
    }

    private void closeClientOf(NodeAddress node) {
        StorageClient client = clients.remove(node);
        if (client != null) {
            client.close();
        }
    }

    private StorageClient connect(NodeAddress node) {
        try {
            return connector.connect(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up a client for storage node " + node + ": " + e.getMessage(), e);
        }
    }
}
