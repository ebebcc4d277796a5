package io.tritontube.web.domain.cluster;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the ring's membership is kept: in etcd when etcd holds the metadata (so every web
 * server shares one ring), in SQLite otherwise.
 */
public interface ClusterStateRepository extends AutoCloseable {

    /** The stored state, or empty before the first web server seeded it. */
    Optional<ClusterState> load();

    /**
     * Stores {@code next} only if the stored state is still the one read with revision
     * {@code expectedRevision} (or, with {@code expectedRevision} 0, if nothing is stored).
     *
     * @return false when another writer got there first; nothing was changed
     */
    boolean compareAndSet(long expectedRevision, ClusterState next);

    /**
     * Calls {@code listener} with each state stored from now on, by this process or another.
     * Close the returned handle to stop.
     */
    AutoCloseable watch(Consumer<ClusterState> listener);

    @Override
    void close();
}
