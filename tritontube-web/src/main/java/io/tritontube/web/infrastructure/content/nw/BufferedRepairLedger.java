package io.tritontube.web.infrastructure.content.nw;

import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.cluster.RepairLedger;
import io.tritontube.web.domain.video.VideoId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link RepairLedger} whose records never fail: an upload or a delete must not fail because
 * the ledger's store (etcd) is down at that moment. What the ledger does not take is kept in
 * memory, logged, and handed to it before every read ({@link #flush()}), which the repair
 * check does at each round; until then further records go to memory at once, so a down store
 * costs each of them nothing instead of a timeout. Reads and forgets fail as the ledger does:
 * a repair cannot run on half a ledger.
 *
 * <p>What is only in memory is lost if the server dies before the store answers again; the
 * repair pass's deletion of files whose video has no record is the defence for those deletes.
 */
final class BufferedRepairLedger implements RepairLedger {

    private static final Logger LOG = Logger.getLogger(BufferedRepairLedger.class.getName());

    private final RepairLedger ledger;
    private final Set<NodeAddress> pendingMissedWrites = ConcurrentHashMap.newKeySet();
    private final Set<UnfinishedDelete> pendingDeletes = ConcurrentHashMap.newKeySet();

    BufferedRepairLedger(RepairLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void recordMissedWrite(NodeAddress node) {
        if (hasPending()) {
            pendingMissedWrites.add(node);
            return;
        }
        try {
            ledger.recordMissedWrite(node);
        } catch (RuntimeException e) {
            pendingMissedWrites.add(node);
            LOG.log(Level.WARNING, "Could not record in the repair ledger that storage node {0} missed a write ({1}); "
                    + "kept in memory until the ledger answers", new Object[] {node, e.getMessage()});
        }
    }

    @Override
    public void recordUnfinishedDelete(NodeAddress node, VideoId video) {
        if (hasPending()) {
            pendingDeletes.add(new UnfinishedDelete(node, video));
            return;
        }
        try {
            ledger.recordUnfinishedDelete(node, video);
        } catch (RuntimeException e) {
            pendingDeletes.add(new UnfinishedDelete(node, video));
            LOG.log(Level.WARNING, "Could not record in the repair ledger that video {0} is still to delete on storage "
                    + "node {1} ({2}); kept in memory until the ledger answers", new Object[] {video, node, e.getMessage()});
        }
    }

    /**
     * Hands the ledger what only memory holds. Each entry leaves memory once the ledger has it.
     *
     * @throws RuntimeException as the ledger does when it still does not answer
     */
    void flush() {
        for (NodeAddress node : Set.copyOf(pendingMissedWrites)) {
            ledger.recordMissedWrite(node);
            pendingMissedWrites.remove(node);
        }
        for (UnfinishedDelete delete : Set.copyOf(pendingDeletes)) {
            ledger.recordUnfinishedDelete(delete.node(), delete.video());
            pendingDeletes.remove(delete);
        }
    }

    @Override
    public Map<NodeAddress, Long> missedWrites() {
        flush();
        return ledger.missedWrites();
    }

    @Override
    public boolean forgetMissedWrites(NodeAddress node, long mark) {
        return ledger.forgetMissedWrites(node, mark);
    }

    @Override
    public Map<NodeAddress, Set<VideoId>> unfinishedDeletes() {
        flush();
        return ledger.unfinishedDeletes();
    }

    @Override
    public void forgetUnfinishedDelete(NodeAddress node, VideoId video) {
        ledger.forgetUnfinishedDelete(node, video);
    }

    @Override
    public void close() {
        if (hasPending()) {
            LOG.log(Level.WARNING, "Closing with repair records the ledger never took: missed writes on {0}, "
                    + "unfinished deletes {1}", new Object[] {pendingMissedWrites, pendingDeletes});
        }
        ledger.close();
    }

    private boolean hasPending() {
        return !pendingMissedWrites.isEmpty() || !pendingDeletes.isEmpty();
    }

    private record UnfinishedDelete(NodeAddress node, VideoId video) {
    }
}
