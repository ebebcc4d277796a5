package io.tritontube.web.infrastructure.persistence.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.tritontube.web.domain.cluster.MigrationRunnerMark;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The migration runner mark in etcd, shared by every web server of the cluster: the key
 * {@code <prefix>cluster/migration-runner}, attached to a lease of the marking server, so that
 * etcd deletes it by itself {@link #DEFAULT_TTL} after that server stopped renewing the lease
 * (docs/etcd-keys.md).
 *
 * <ul>
 *   <li>each mark has a lease of its own, granted when it is taken and revoked when it is
 *       given back: revoking deletes the key, and a mark is taken rarely (once per membership
 *       change), so a lease shared with other keys would gain nothing.</li>
 *   <li>the key is put only if absent, in one transaction. A take that fails (or whose answer
 *       is lost) revokes its lease, which deletes the key too if the put did land.</li>
 *   <li>the lease is renewed every third of its time to live with single keep-alive calls, as
 *       {@link EtcdProcessingClaims} does and for the same reason: jetcd's keep-alive stream
 *       gives up for good after a long etcd outage.</li>
 * </ul>
 * Thread-safe. Closing it gives back the mark; it leaves the shared {@link EtcdConnection} open.
 */
public final class EtcdMigrationRunnerMark implements MigrationRunnerMark {

    /** As for processing claims: a dead server's migration is taken over this long after its death, plus a check. */
    public static final Duration DEFAULT_TTL = EtcdProcessingClaims.DEFAULT_TTL;

    private static final String RUNNER = "cluster/migration-runner";
    private static final long NO_LEASE = 0;
    private static final Logger LOG = Logger.getLogger(EtcdMigrationRunnerMark.class.getName());

    private final EtcdConnection etcd;
    private final ByteSequence key;
    private final Duration ttl;
    private final ScheduledExecutorService scheduler;
    private final String server = EtcdLeases.describeThisServer();
    private final Object lock = new Object();
    /** Guarded by {@link #lock}: the lease of the mark this server holds, or {@link #NO_LEASE}. */
    private long heldLease = NO_LEASE;
    /** Guarded by {@link #lock}: the renewals of {@link #heldLease}. */
    private ScheduledFuture<?> renewals;

    /** The mark under {@code /tritontube/}, living {@link #DEFAULT_TTL} after this server stops. */
    public EtcdMigrationRunnerMark(EtcdConnection etcd, ScheduledExecutorService scheduler) {
        this(etcd, EtcdKeyspace.DEFAULT_PREFIX, DEFAULT_TTL, scheduler);
    }

    /**
     * @param keyPrefix where the mark lives, for example {@code /tritontube/}
     * @param ttl       how long the mark outlives this server; whole seconds, at least 3
     * @param scheduler runs the lease's renewals; not owned
     */
    public EtcdMigrationRunnerMark(EtcdConnection etcd, String keyPrefix, Duration ttl, ScheduledExecutorService scheduler) {
        if (ttl.toSeconds() < 3) {
            throw new IllegalArgumentException("the migration runner mark's time to live must be at least 3 s, was " + ttl);
        }
        this.etcd = etcd;
        this.key = new EtcdKeyspace(keyPrefix).key(RUNNER);
        this.ttl = Duration.ofSeconds(ttl.toSeconds());
        this.scheduler = scheduler;
    }

    @Override
    public boolean take() {
        synchronized (lock) {
            if (heldLease != NO_LEASE) {
                return false;
            }
            long lease = etcd.await(() -> etcd.lease().grant(ttl.toSeconds()), "grant a lease for the migration runner mark")
                    .getID();
            boolean taken;
            try {
                taken = putIfAbsent(lease);
            } catch (MetadataUnavailableException e) {
                revoke(lease);
                throw e;
            }
            if (!taken) {
                revoke(lease);
                return false;
            }
            heldLease = lease;
            long renewEvery = ttl.toMillis() / 3;
            renewals = scheduler.scheduleWithFixedDelay(() -> renew(lease), renewEvery, renewEvery, TimeUnit.MILLISECONDS);
            LOG.info(() -> server + " runs the membership change; its mark lives under etcd lease "
                    + Long.toHexString(lease) + ", " + ttl.toSeconds() + " s after this server stops");
            return true;
        }
    }

    private boolean putIfAbsent(long lease) {
        ByteSequence value = JsonValues.bytes(JsonValues.BUILDERS.createObjectBuilder()
                .add("server", server)
                .add("mark", UUID.randomUUID().toString())
                .build());
        return etcd.await(() -> etcd.kv().txn()
                .If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
                .Then(Op.put(key, value, PutOption.builder().withLeaseId(lease).build()))
                .commit(), "mark this server as the runner of the membership change").isSucceeded();
    }

    /** A linearizable read: a mark etcd has deleted (lease expired) is never reported. */
    @Override
    public boolean isHeld() {
        return etcd.await(() -> etcd.kv().get(key, GetOption.builder().withCountOnly(true).build()),
                "read the migration runner mark").getCount() > 0;
    }

    /** Revokes the mark's lease, which deletes the key. */
    @Override
    public void release() {
        long lease;
        synchronized (lock) {
            lease = heldLease;
            heldLease = NO_LEASE;
            if (renewals != null) {
                renewals.cancel(false);
                renewals = null;
            }
        }
        if (lease != NO_LEASE) {
            revoke(lease);
        }
    }

    @Override
    public void close() {
        release();
    }

    /** Never throws: a lease that cannot be revoked now ends by itself. */
    private void revoke(long lease) {
        try {
            etcd.awaitOnce(() -> etcd.lease().revoke(lease), "revoke the lease of the migration runner mark");
        } catch (MetadataUnavailableException e) {
            if (!EtcdLeases.isGone(e)) {
                LOG.log(Level.WARNING, "could not revoke the lease of the migration runner mark: the mark ends by itself"
                        + " within " + ttl.toSeconds() + " s, and no membership change can start until then", e);
            }
        }
    }

    /** Runs on the scheduler. Never throws, or the renewals would stop. */
    private void renew(long lease) {
        try {
            etcd.await(() -> etcd.lease().keepAliveOnce(lease), "renew the lease of the migration runner mark");
        } catch (MetadataUnavailableException e) {
            if (EtcdLeases.isGone(e)) {
                lost(lease);
            } else {
                LOG.log(Level.WARNING, "could not renew the lease of the migration runner mark, trying again in "
                        + ttl.dividedBy(3).toSeconds() + " s: " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "renewing the lease of the migration runner mark failed unexpectedly", e);
        }
    }

    /**
     * etcd let the lease expire (this server could not reach it for a whole time to live):
     * another server may take the migration over. Both running it is safe, if wasteful:
     * copies replace, and the ring is switched or rolled back by compare-and-set, once.
     */
    private void lost(long lease) {
        synchronized (lock) {
            if (heldLease != lease) {
                return;
            }
            heldLease = NO_LEASE;
            renewals.cancel(false);
            renewals = null;
        }
        LOG.severe(() -> "etcd lease " + Long.toHexString(lease) + " of the migration runner mark expired: another "
                + "web server may take the membership change over");
    }
}
