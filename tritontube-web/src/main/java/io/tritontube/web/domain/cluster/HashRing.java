package io.tritontube.web.domain.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where each file lives: the reference's consistent-hash ring, extended with virtual nodes
 * and replicas. Immutable, so a ring can be swapped atomically and read without locks.
 *
 * <p>The rule (REFERENCE.md), with our extension:
 * <ul>
 *   <li>{@link #hash(String)}: the first 8 bytes of SHA-256 of the UTF-8 string, read as an
 *       unsigned big-endian 64-bit integer.</li>
 *   <li>Node {@code host:port} has {@code virtualNodes} positions: virtual node 0 at
 *       {@code hash("host:port")}, exactly the reference's single position, and virtual node
 *       {@code i > 0} at {@code hash("host:port#i")}. So with one virtual node and one replica
 *       every file lands exactly where the reference puts it.</li>
 *   <li>A key belongs to the first position {@code >=} its hash, wrapping from the largest
 *       position to the smallest; a key equal to a position belongs to that position.</li>
 *   <li>{@link #ownersOf(String)}: that owner, then the next <em>distinct</em> physical nodes
 *       clockwise, {@code replicas} of them in all (fewer when the ring has fewer nodes).</li>
 * </ul>
 * Two positions with the same hash (practically never) are ordered by node address, so every
 * web server computes the same placement.
 */
public final class HashRing {

    /**
     * 256 virtual nodes keep each of 3 to 10 nodes within about ±18% of its fair share of the
     * key space (±11% of the stored copies with 2 replicas), measured on several address
     * families; 128 already exceeded ±20% for some. The cost is a few thousand positions.
     */
    public static final int DEFAULT_VIRTUAL_NODES = 256;

    /** Two copies of every file: one storage node can be lost without losing a video. */
    public static final int DEFAULT_REPLICAS = 2;

    /** Above this a ring would cost real memory and buy no better balance. */
    public static final int MAX_VIRTUAL_NODES = 4096;

    private final List<NodeAddress> nodesInRingOrder;
    private final int virtualNodes;
    private final int replicas;
    /**
     * Positions sorted in unsigned order, stored with the sign bit flipped so that plain
     * signed comparison of the stored values is unsigned comparison of the hashes.
     */
    private final long[] flippedPositions;
    private final NodeAddress[] nodeAtPosition;

    private HashRing(List<NodeAddress> nodesInRingOrder, int virtualNodes, int replicas,
                     long[] flippedPositions, NodeAddress[] nodeAtPosition) {
        this.nodesInRingOrder = nodesInRingOrder;
        this.virtualNodes = virtualNodes;
        this.replicas = replicas;
        this.flippedPositions = flippedPositions;
        this.nodeAtPosition = nodeAtPosition;
    }

    /**
     * @throws IllegalArgumentException when a node is listed twice, or virtualNodes is not in
     *                                  1..{@value #MAX_VIRTUAL_NODES}, or replicas is below 1
     */
    public static HashRing of(Collection<NodeAddress> nodes, int virtualNodes, int replicas) {
        if (virtualNodes < 1 || virtualNodes > MAX_VIRTUAL_NODES) {
            throw new IllegalArgumentException("virtual nodes must be between 1 and " + MAX_VIRTUAL_NODES
                    + ", not " + virtualNodes);
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, not " + replicas);
        }
        Set<NodeAddress> distinct = new HashSet<>();
        for (NodeAddress node : nodes) {
            if (!distinct.add(node)) {
                throw new IllegalArgumentException("the node " + node + " is listed twice");
            }
        }
        List<Position> positions = new ArrayList<>(nodes.size() * virtualNodes);
        for (NodeAddress node : nodes) {
            for (int i = 0; i < virtualNodes; i++) {
                positions.add(new Position(hash(virtualNodeName(node, i)), node, i));
            }
        }
        positions.sort(Position.RING_ORDER);

        long[] flipped = new long[positions.size()];
        NodeAddress[] owners = new NodeAddress[positions.size()];
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = positions.get(i).hash() ^ Long.MIN_VALUE;
            owners[i] = positions.get(i).node();
        }
        List<NodeAddress> ringOrder = positions.stream()
                .filter(position -> position.virtualNode() == 0)
                .map(Position::node)
                .toList();
        return new HashRing(ringOrder, virtualNodes, replicas, flipped, owners);
    }

    /** The reference's hash: first 8 bytes of SHA-256(UTF-8 s), unsigned big-endian. */
    public static long hash(String s) {
        byte[] digest = sha256().digest(s.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xFF);
        }
        return value;
    }

    /** The same ring with {@code node} added. */
    public HashRing withNode(NodeAddress node) {
        List<NodeAddress> next = new ArrayList<>(nodesInRingOrder);
        next.add(node);
        return of(next, virtualNodes, replicas);
    }

    /** The same ring without {@code node}. */
    public HashRing withoutNode(NodeAddress node) {
        List<NodeAddress> next = new ArrayList<>(nodesInRingOrder);
        next.remove(node);
        return of(next, virtualNodes, replicas);
    }

    /**
     * The nodes that hold {@code key}, the primary owner first: {@code replicas} distinct
     * nodes, or every node when the ring has fewer; empty for an empty ring.
     */
    public List<NodeAddress> ownersOf(String key) {
        if (flippedPositions.length == 0) {
            return List.of();
        }
        int wanted = Math.min(replicas, nodesInRingOrder.size());
        Set<NodeAddress> owners = new LinkedHashSet<>(wanted * 2);
        int start = firstPositionAtOrAfter(hash(key) ^ Long.MIN_VALUE);
        for (int step = 0; owners.size() < wanted; step++) {
            owners.add(nodeAtPosition[(start + step) % nodeAtPosition.length]);
        }
        return List.copyOf(owners);
    }

    /** The physical nodes, ordered by the position of their virtual node 0 (ListNodes' order). */
    public List<NodeAddress> nodesInRingOrder() {
        return nodesInRingOrder;
    }

    public boolean contains(NodeAddress node) {
        return nodesInRingOrder.contains(node);
    }

    public int size() {
        return nodesInRingOrder.size();
    }

    public boolean isEmpty() {
        return nodesInRingOrder.isEmpty();
    }

    public int virtualNodes() {
        return virtualNodes;
    }

    public int replicas() {
        return replicas;
    }

    /** Two rings are equal when they place every key the same way. */
    @Override
    public boolean equals(Object o) {
        return o instanceof HashRing other
                && virtualNodes == other.virtualNodes
                && replicas == other.replicas
                && nodesInRingOrder.equals(other.nodesInRingOrder);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodesInRingOrder, virtualNodes, replicas);
    }

    @Override
    public String toString() {
        return "HashRing" + nodesInRingOrder + " (" + virtualNodes + " virtual nodes, " + replicas + " replicas)";
    }

    /** Index of the first position >= {@code flippedHash}, or 0 (wrap) when there is none. */
    private int firstPositionAtOrAfter(long flippedHash) {
        int low = 0;
        int high = flippedPositions.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (flippedPositions[middle] < flippedHash) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low == flippedPositions.length ? 0 : low;
    }

    private static String virtualNodeName(NodeAddress node, int index) {
        return index == 0 ? node.value() : node.value() + "#" + index;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    private record Position(long hash, NodeAddress node, int virtualNode) {
        static final Comparator<Position> RING_ORDER = Comparator
                .comparing(Position::hash, Long::compareUnsigned)
                .thenComparing(Position::node)
                .thenComparingInt(Position::virtualNode);
    }
}
