package io.tritontube.web.infrastructure.persistence.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;
import io.tritontube.web.domain.cluster.ClusterState;
import io.tritontube.web.domain.cluster.ClusterStateRepository;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The ring's membership in one etcd key, {@code <prefix>cluster/state} (JSON, {@link
 * ClusterStateJson}), so that every web server on the same etcd serves one ring.
 *
 * <p>A state's revision is the key's etcd modification revision; compare-and-set is a
 * transaction on it, and expected revision 0 matches only an absent key (etcd compares a
 * missing key's revisions as 0). Changes reach {@link #watch} listeners of every process
 * through an etcd watch. Failures throw {@link MetadataUnavailableException}.
 *
 * <p>Thread-safe. Closing it stops its watches and leaves the shared {@link EtcdConnection}
 * open.
 */
public final class EtcdClusterStateRepository implements ClusterStateRepository {

    private static final String STATE = "cluster/state";

    private final EtcdConnection etcd;
    private final ByteSequence stateKey;
    private final Set<ClusterStateWatch> watches = ConcurrentHashMap.newKeySet();

    /** Keeps the state under {@code /tritontube/}. */
    public EtcdClusterStateRepository(EtcdConnection etcd) {
        this(etcd, EtcdKeyspace.DEFAULT_PREFIX);
    }

    /** Keeps the state under {@code keyPrefix}, for example {@code /tritontube/}. */
    public EtcdClusterStateRepository(EtcdConnection etcd, String keyPrefix) {
        this.etcd = etcd;
        this.stateKey = new EtcdKeyspace(keyPrefix).key(STATE);
    }

    @Override
    public Optional<ClusterState> load() {
        GetResponse response = etcd.await(() -> etcd.kv().get(stateKey), "read the ring membership");
        return response.getKvs().stream().findFirst().map(EtcdClusterStateRepository::stateOf);
    }

    /**
     * {@code next}'s own revision is ignored: the stored state gets etcd's. Sent once: a second
     * attempt could not tell its own first one from another writer's. So when etcd does not
     * answer in time this throws, and the state may or may not have been stored; the next
     * {@link #load} tells.
     */
    @Override
    public boolean compareAndSet(long expectedRevision, ClusterState next) {
        if (expectedRevision < 0) {
            throw new IllegalArgumentException("expected revision must be 0 (nothing stored) or more, was "
                    + expectedRevision);
        }
        return etcd.awaitOnce(() -> etcd.kv().txn()
                .If(new Cmp(stateKey, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedRevision)))
                .Then(Op.put(stateKey, JsonValues.bytes(ClusterStateJson.toJson(next)), PutOption.DEFAULT))
                .commit(), "store the ring membership over revision " + expectedRevision).isSucceeded();
    }

    /**
     * Every state stored after this call returns reaches {@code listener}, in order, on a thread
     * of the watch's own (never an etcd client thread). When etcd cannot answer now, the watch
     * starts once it can and then delivers the state stored meanwhile.
     */
    @Override
    public AutoCloseable watch(Consumer<ClusterState> listener) {
        ClusterStateWatch watch = ClusterStateWatch.start(etcd, stateKey, EtcdClusterStateRepository::stateOf, listener);
        watches.add(watch);
        return () -> {
            watches.remove(watch);
            watch.close();
        };
    }

    @Override
    public void close() {
        watches.forEach(ClusterStateWatch::close);
        watches.clear();
    }

    private static ClusterState stateOf(KeyValue stored) {
        return JsonValues.decode(stored, json -> ClusterStateJson.fromJson(json, stored.getModRevision()));
    }
}
