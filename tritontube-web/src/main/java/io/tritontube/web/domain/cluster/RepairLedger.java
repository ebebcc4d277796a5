package io.tritontube.web.domain.cluster;

import io.tritontube.web.domain.video.VideoId;
import java.util.Map;
import java.util.Set;

/**
 * What the repair pass still owes the storage nodes, kept with the ring's membership (in its
 * SQLite file, or in etcd) so that a web server restart does not forget it and every web
 * server sharing etcd sees the same:
 * <ul>
 *   <li>nodes that missed writes while they were down: a repair restores the replicas they
 *       lack, trusting their copies last, once they answer again;</li>
 *   <li>videos deleted while a node was down: their files on that node are still to delete.</li>
 * </ul>
 *
 * <p>Each missed write is recorded with a <em>mark</em> that grows with every record, of any
 * node: a repair reads the marks before it starts and afterwards forgets a node only if
 * nothing was recorded for it since, so a write missed during the pass is not forgotten.
 *
 * <p>Calls fail with a runtime exception when the store does not answer
 * ({@link io.tritontube.web.domain.video.MetadataUnavailableException} for etcd).
 */
public interface RepairLedger extends AutoCloseable {

    /** Records that {@code node} missed a write, with a mark above every mark recorded before. */
    void recordMissedWrite(NodeAddress node);

    /** Every node with missed writes on record, with the mark of its latest one. */
    Map<NodeAddress, Long> missedWrites();

    /**
     * Forgets {@code node}'s missed writes unless one was recorded after {@code mark} (read
     * from {@link #missedWrites()}).
     *
     * @return false when a later one kept them on record (or there were none)
     */
    boolean forgetMissedWrites(NodeAddress node, long mark);

    /** Records that the files of deleted video {@code video} are still on {@code node}. */
    void recordUnfinishedDelete(NodeAddress node, VideoId video);

    /** The videos whose files are still to delete, by node. */
    Map<NodeAddress, Set<VideoId>> unfinishedDeletes();

    /** Forgets an unfinished delete, once the files are gone from the node. */
    void forgetUnfinishedDelete(NodeAddress node, VideoId video);

    @Override
    void close();
}
