package io.tritontube.web.infrastructure.content.nw;

import io.tritontube.web.domain.cluster.NodeAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The nodes that recently let a call wait out its deadline without a word: hung rather than
 * dead, since a stopped process or a stuck disk keeps its port open and every call to it waits
 * for its whole deadline. Remembering them lets reads ask them last, so a hung node costs that
 * delay once instead of on every segment. A note lasts until the node answers again or, failing
 * that, until it expires, when the node gets its turn again.
 */
final class SilentNodes {

    /** Long enough to spare a viewer's run of segment reads, short enough to give a node a fresh chance soon. */
    static final Duration REMEMBERED_FOR = Duration.ofSeconds(30);

    private final Map<NodeAddress, Long> silentUntilNanos = new ConcurrentHashMap<>();
    private final long rememberedForNanos;
    private final LongSupplier nanoClock;

    SilentNodes() {
        this(REMEMBERED_FOR, System::nanoTime);
    }

    SilentNodes(Duration rememberedFor, LongSupplier nanoClock) {
        this.rememberedForNanos = rememberedFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Notes that {@code node} did not answer in time; returns whether it was not already noted. */
    boolean noteSilent(NodeAddress node) {
        return silentUntilNanos.put(node, nanoClock.getAsLong() + rememberedForNanos) == null;
    }

    /** Notes that {@code node} answered; returns whether it had been silent. */
    boolean noteAnswered(NodeAddress node) {
        return silentUntilNanos.remove(node) != null;
    }

    boolean isSilent(NodeAddress node) {
        Long until = silentUntilNanos.get(node);
        if (until == null) {
            return false;
        }
        if (nanoClock.getAsLong() - until >= 0) {
            silentUntilNanos.remove(node, until);
            return false;
        }
        return true;
    }

    /** {@code nodes}, those not silent first, each part in its given order (the ring's preference). */
    List<NodeAddress> answeringFirst(List<NodeAddress> nodes) {
        List<NodeAddress> ordered = new ArrayList<>(nodes.size());
        List<NodeAddress> silent = new ArrayList<>();
        for (NodeAddress node : nodes) {
            (isSilent(node) ? silent : ordered).add(node);
        }
        ordered.addAll(silent);
        return ordered;
    }
}
