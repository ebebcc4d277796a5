package io.tritontube.web.infrastructure.persistence.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.cluster.RepairLedger;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.VideoId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The repair ledger in etcd, so that every web server on it shares one: an empty key per
 * node that missed writes, {@code <prefix>repair/missed-writes/<node>}, and per video deleted
 * while a node was down, {@code <prefix>repair/unfinished-deletes/<node>/<videoId>} (node
 * addresses and video ids never contain {@code /}).
 *
 * <p>A missed write's mark is its key's etcd modification revision: recording again is a put,
 * which moves the key to a revision above every earlier write to etcd, and forgetting is a
 * transaction that deletes the key only if its revision is still the mark read.
 *
 * <p>Every call is safe to send again, so all go through {@link EtcdConnection#await}; failures
 * throw {@link MetadataUnavailableException}. Closing it leaves the shared connection open.
 */
public final class EtcdRepairLedger implements RepairLedger {

    private static final String MISSED_WRITES = "repair/missed-writes/";
    private static final String UNFINISHED_DELETES = "repair/unfinished-deletes/";
    private static final ByteSequence NO_VALUE = ByteSequence.EMPTY;

    private final EtcdConnection etcd;
    private final EtcdKeyspace keyspace;

    /** Keeps the ledger under {@code /tritontube/}. */
    public EtcdRepairLedger(EtcdConnection etcd) {
        this(etcd, EtcdKeyspace.DEFAULT_PREFIX);
    }

    /** Keeps the ledger under {@code keyPrefix}, for example {@code /tritontube/}. */
    public EtcdRepairLedger(EtcdConnection etcd, String keyPrefix) {
        this.etcd = etcd;
        this.keyspace = new EtcdKeyspace(keyPrefix);
    }

    @Override
    public void recordMissedWrite(NodeAddress node) {
        ByteSequence key = keyspace.key(MISSED_WRITES + node.value());
        etcd.await(() -> etcd.kv().put(key, NO_VALUE), "record a write missed by storage node " + node);
    }

    @Override
    public Map<NodeAddress, Long> missedWrites() {
        Map<NodeAddress, Long> marks = new LinkedHashMap<>();
        for (KeyValue entry : entriesUnder(MISSED_WRITES, "read the nodes that missed writes")) {
            marks.put(NodeAddress.of(keyspace.remainderAfter(MISSED_WRITES, entry.getKey())), entry.getModRevision());
        }
        return marks;
    }

    @Override
    public boolean forgetMissedWrites(NodeAddress node, long mark) {
        ByteSequence key = keyspace.key(MISSED_WRITES + node.value());
        return etcd.await(() -> etcd.kv().txn()
                .If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.modRevision(mark)))
                .Then(Op.delete(key, DeleteOption.DEFAULT))
                .commit(), "forget the writes missed by storage node " + node).isSucceeded();
    }

    @Override
    public void recordUnfinishedDelete(NodeAddress node, VideoId video) {
        ByteSequence key = unfinishedDeleteKey(node, video);
        etcd.await(() -> etcd.kv().put(key, NO_VALUE),
                "record the unfinished delete of video '" + video + "' on storage node " + node);
    }

    @Override
    public Map<NodeAddress, Set<VideoId>> unfinishedDeletes() {
        Map<NodeAddress, Set<VideoId>> deletes = new LinkedHashMap<>();
        for (KeyValue entry : entriesUnder(UNFINISHED_DELETES, "read the unfinished deletes")) {
            String nodeAndVideo = keyspace.remainderAfter(UNFINISHED_DELETES, entry.getKey());
            int slash = nodeAndVideo.indexOf('/');
            deletes.computeIfAbsent(NodeAddress.of(nodeAndVideo.substring(0, slash)), unused -> new HashSet<>())
                    .add(VideoId.of(nodeAndVideo.substring(slash + 1)));
        }
        return deletes;
    }

    @Override
    public void forgetUnfinishedDelete(NodeAddress node, VideoId video) {
        ByteSequence key = unfinishedDeleteKey(node, video);
        etcd.await(() -> etcd.kv().delete(key),
                "forget the unfinished delete of video '" + video + "' on storage node " + node);
    }

    /** Nothing to release: the connection is shared and closed by whoever opened it. */
    @Override
    public void close() {
    }

    private ByteSequence unfinishedDeleteKey(NodeAddress node, VideoId video) {
        return keyspace.key(UNFINISHED_DELETES + node.value() + "/" + video.value());
    }

    /** Every key under {@code <prefix><base>}: a handful of nodes and deleted videos, read in one go. */
    private List<KeyValue> entriesUnder(String base, String operation) {
        GetOption range = GetOption.builder().withRange(keyspace.endOfRange(base)).build();
        return etcd.await(() -> etcd.kv().get(keyspace.key(base), range), operation).getKvs();
    }
}
