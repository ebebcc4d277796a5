package io.tritontube.web.infrastructure.content.nw;

import io.tritontube.web.domain.cluster.NodeAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference's {@code nw} option, {@code "ADMIN_HOST:PORT,NODE1,NODE2,..."}: where this web
 * server serves the admin service, then the storage nodes that seed the ring.
 *
 * @param adminAddress where the admin gRPC service listens
 * @param seedNodes    the ring's nodes when no membership is stored yet
 */
public record NetworkContentOptions(NodeAddress adminAddress, List<NodeAddress> seedNodes) {

    public NetworkContentOptions {
        seedNodes = List.copyOf(seedNodes);
    }

    /** @throws IllegalArgumentException naming the bad entry when the option is malformed */
    public static NetworkContentOptions parse(String option) {
        if (option == null || option.isBlank()) {
            throw new IllegalArgumentException("the nw content option is empty; expected \"ADMIN_HOST:PORT,NODE1,NODE2,...\"");
        }
        String[] entries = option.split(",", -1);
        List<NodeAddress> addresses = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            try {
                addresses.add(NodeAddress.of(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry " + (i + 1) + " of the nw content option \"" + option
                        + "\" is not host:port (" + e.getMessage() + "); expected \"ADMIN_HOST:PORT,NODE1,NODE2,...\"", e);
            }
        }
        return new NetworkContentOptions(addresses.get(0), addresses.subList(1, addresses.size()));
    }
}
