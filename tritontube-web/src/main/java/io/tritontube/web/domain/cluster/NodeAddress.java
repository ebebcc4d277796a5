package io.tritontube.web.domain.cluster;

import java.util.Objects;

/**
 * A storage node's address, {@code host:port}, exactly as the operator gave it: the ring
 * hashes this string, so {@code localhost:8090} and {@code 127.0.0.1:8090} are different
 * positions, as in the reference.
 */
public final class NodeAddress implements Comparable<NodeAddress> {

    private final String value;
    private final String host;
    private final int port;

    private NodeAddress(String value, String host, int port) {
        this.value = value;
        this.host = host;
        this.port = port;
    }

    /** @throws IllegalArgumentException when {@code value} is not {@code host:port} */
    public static NodeAddress of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the node address is empty");
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("the node address '" + value + "' is not host:port");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the node address '" + value + "' has no numeric port");
        }
        if (port < 1 || port > 65535 || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the node address '" + value + "' is not host:port");
        }
        return new NodeAddress(value, host, port);
    }

    public String value() {
        return value;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public int compareTo(NodeAddress other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeAddress other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
