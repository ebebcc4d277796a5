package io.tritontube.web.infrastructure.persistence.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.etcd.jetcd.watch.WatchResponse;
import io.tritontube.web.domain.cluster.ClusterState;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One listener's etcd watch on the ring membership key, kept alive across failures.
 *
 * <p>jetcd calls back on Vert.x event-loop threads, which must not block; so every callback
 * only hands its work to this watch's own single thread, which decodes, calls the listener in
 * order, and does the blocking re-reads. jetcd resumes a watch by itself after a dropped
 * connection; when it gives up instead (the revision to resume from was compacted, or the
 * stream failed for good) this re-reads the key, delivers the state if it changed meanwhile,
 * and watches again from there, retrying with back-off while etcd cannot answer.
 */
final class ClusterStateWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClusterStateWatch.class.getName());
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final EtcdConnection etcd;
    private final ByteSequence key;
    private final Function<KeyValue, ClusterState> decoder;
    private final Consumer<ClusterState> listener;
    private final ScheduledThreadPoolExecutor deliveries;
    private volatile Thread deliveryThread;
    private volatile boolean closed;

    // Touched only on the delivery thread.
    private Watch.Watcher watcher;
    /** Bumped for each new watcher, so late callbacks of a replaced one are ignored. */
    private int generation;
    /** The etcd revision up to which every change of the key has been seen. */
    private long seenRevision;
    private Duration retryDelay = FIRST_RETRY_DELAY;

    private ClusterStateWatch(EtcdConnection etcd, ByteSequence key, Function<KeyValue, ClusterState> decoder,
                              Consumer<ClusterState> listener) {
        this.etcd = etcd;
        this.key = key;
        this.decoder = decoder;
        this.listener = listener;
        this.deliveries = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "etcd-ring-watch-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            deliveryThread = thread;
            return thread;
        });
        // A retry waiting for etcd must not hold close() up.
        deliveries.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Starts watching {@code key} for changes made after this call returns. The current
     * revision is read first, on the caller's thread, so that no change can slip between the
     * call and the watch taking effect.
     */
    static ClusterStateWatch start(EtcdConnection etcd, ByteSequence key, Function<KeyValue, ClusterState> decoder,
                                   Consumer<ClusterState> listener) {
        ClusterStateWatch watch = new ClusterStateWatch(etcd, key, decoder, listener);
        try {
            long now = etcd.await(() -> etcd.kv().get(key, GetOption.builder().withCountOnly(true).build()),
                    "read the revision to watch the ring membership from").getHeader().getRevision();
            watch.later(() -> watch.watchAfter(now), Duration.ZERO);
        } catch (MetadataUnavailableException e) {
            LOG.warning(() -> "the ring membership watch will start once etcd answers: " + e.getMessage());
            watch.later(watch::rewatch, FIRST_RETRY_DELAY);
        }
        return watch;
    }

    private void watchAfter(long revision) {
        seenRevision = Math.max(seenRevision, revision);
        int current = generation;
        WatchOption fromNextRevision = WatchOption.builder().withRevision(revision + 1).build();
        watcher = etcd.watch().watch(key, fromNextRevision, Watch.listener(
                response -> later(() -> ifCurrent(current, () -> handle(response)), Duration.ZERO),
                error -> later(() -> ifCurrent(current, () -> recover(error)), Duration.ZERO),
                () -> later(() -> ifCurrent(current, this::ended), Duration.ZERO)));
    }

    private void handle(WatchResponse response) {
        for (WatchEvent event : response.getEvents()) {
            KeyValue stored = event.getKeyValue();
            if (event.getEventType() == WatchEvent.EventType.PUT) {
                deliver(stored);
            } else {
                LOG.warning(() -> "the ring membership key " + EtcdKeyspace.text(key) + " was deleted at revision "
                        + stored.getModRevision() + "; listeners keep the last state");
                seenRevision = Math.max(seenRevision, stored.getModRevision());
            }
        }
    }

    private void recover(Throwable error) {
        if (error instanceof CompactedException compacted) {
            LOG.warning(() -> "the ring membership watch fell behind etcd's compaction (revision "
                    + compacted.getCompactedRevision() + "); re-reading the state and watching again");
        } else {
            LOG.log(Level.WARNING, "the ring membership watch failed; re-reading the state and watching again", error);
        }
        rewatch();
    }

    private void ended() {
        if (!closed) {
            LOG.warning("etcd ended the ring membership watch; re-reading the state and watching again");
            rewatch();
        }
    }

    /** Re-reads the key, delivers it if it changed unseen, and watches again from there. */
    private void rewatch() {
        if (closed) {
            return;
        }
        closeWatcher();
        GetResponse current;
        try {
            current = etcd.await(() -> etcd.kv().get(key), "re-read the ring membership to watch it again");
        } catch (MetadataUnavailableException e) {
            Duration wait = retryDelay;
            LOG.warning(() -> "the ring membership watch waits for etcd, next try in " + wait.toMillis() + " ms: "
                    + e.getMessage());
            Duration doubled = retryDelay.multipliedBy(2);
            retryDelay = doubled.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : doubled;
            later(this::rewatch, wait);
            return;
        }
        retryDelay = FIRST_RETRY_DELAY;
        current.getKvs().stream().findFirst().ifPresent(this::deliver);
        long revision = current.getHeader().getRevision();
        watchAfter(revision);
        LOG.info(() -> "watching the ring membership again from revision " + (revision + 1));
    }

    private void deliver(KeyValue stored) {
        if (stored.getModRevision() <= seenRevision) {
            return;
        }
        seenRevision = stored.getModRevision();
        ClusterState state;
        try {
            state = decoder.apply(stored);
        } catch (IllegalStateException damaged) {
            LOG.log(Level.SEVERE, "ignoring a ring membership change that cannot be read", damaged);
            return;
        }
        try {
            listener.accept(state);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a ring membership listener failed on revision " + state.revision(), e);
        }
    }

    private void ifCurrent(int watcherGeneration, Runnable action) {
        if (watcherGeneration == generation && !closed) {
            action.run();
        }
    }

    /** Runs {@code task} on the delivery thread after {@code delay}; never blocks the caller. */
    private void later(Runnable task, Duration delay) {
        try {
            deliveries.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            if (!closed) {
                throw e;
            }
            // Closed meanwhile: a change or retry arriving now has no listener left to serve.
        }
    }

    private void closeWatcher() {
        generation++; // whatever the old watcher still reports (an end after its error) is stale now
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        deliveries.execute(this::closeWatcher);
        deliveries.shutdown();
        if (Thread.currentThread() == deliveryThread) {
            return; // a listener closing its own watch: the thread ends when the listener returns
        }
        try {
            if (!deliveries.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning(() -> "a ring membership listener still runs " + CLOSE_TIMEOUT.toSeconds()
                        + " s after its watch was closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning("interrupted while closing the ring membership watch");
        }
    }
}
