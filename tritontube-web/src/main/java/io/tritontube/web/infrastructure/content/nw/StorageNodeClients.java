package io.tritontube.web.infrastructure.content.nw;

import io.grpc.Status;
import io.tritontube.storage.client.StorageClient;
import io.tritontube.storage.client.StorageException;
import io.tritontube.storage.client.StorageNodeUnavailableException;
import io.tritontube.web.domain.cluster.NodeAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One {@link StorageClient}, hence one gRPC channel, per storage node, created on first use
 * and reused by every request; closed when the node leaves the ring and on shutdown.
 *
 * <p>It also remembers which nodes are silent (hung: a call to them waited out its deadline)
 * from what callers {@link #noteFailedCall note}, so that reads ask them last and writes do not
 * wait for them; a silent node is probed with a health call meanwhile, and one that answers is
 * asked first again.
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
    private final SilentNodes silent = new SilentNodes();
    /** The silent nodes with a health probe in flight: one at a time per node. */
    private final Set<NodeAddress> probing = ConcurrentHashMap.newKeySet();

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

    /**
     * {@code nodes} in the order to ask them for a file: the silent ones last, each part in the
     * given order. Each silent node is probed, so one that answers again soon comes first again.
     */
    public List<NodeAddress> answeringFirst(List<NodeAddress> nodes) {
        List<NodeAddress> ordered = silent.answeringFirst(nodes);
        ordered.stream().filter(silent::isSilent).forEach(this::probe);
        return ordered;
    }

    /** Whether {@code node} recently waited out a call's deadline; asking probes it. */
    public boolean isSilent(NodeAddress node) {
        if (silent.isSilent(node)) {
            probe(node);
            return true;
        }
        return false;
    }

    /** Notes that {@code node} answered a call: it is no longer silent, if it was. */
    public void noteAnswered(NodeAddress node) {
        if (silent.noteAnswered(node)) {
            LOG.log(Level.INFO, "Storage node {0} answers again: reads ask it first again", node);
        }
    }

    /**
     * Notes what {@code failure} says about {@code node}: silent when the call got no answer in
     * time, answering when the node itself refused the call (no such file, bad range...);
     * a node that refused the connection is down, which costs callers nothing to find out.
     */
    public void noteFailedCall(NodeAddress node, StorageException failure) {
        if (failure.code() == Status.Code.DEADLINE_EXCEEDED) {
            if (silent.noteSilent(node)) {
                LOG.log(Level.WARNING, "Storage node {0} does not answer in time ({1}): it is asked last until it answers "
                        + "again", new Object[] {node, failure.getMessage()});
            }
        } else if (!(failure instanceof StorageNodeUnavailableException)) {
            noteAnswered(node);
        }
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

    private void probe(NodeAddress node) {
        if (!probing.add(node)) {
            return;
        }
        try {
            clientFor(node).health().whenComplete((health, failure) -> {
                probing.remove(node);
                if (failure == null) {
                    noteAnswered(node);
                } else {
                    LOG.log(Level.FINE, "Silent storage node {0} still does not answer: {1}",
                            new Object[] {node, failure.getMessage()});
                }
            });
        } catch (UncheckedIOException e) {
            probing.remove(node);
            LOG.log(Level.WARNING, "Cannot probe silent storage node " + node, e);
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
