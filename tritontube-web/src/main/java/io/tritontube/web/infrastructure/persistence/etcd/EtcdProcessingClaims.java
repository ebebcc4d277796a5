package io.tritontube.web.infrastructure.persistence.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.ProcessingClaims;
import io.tritontube.web.domain.video.VideoId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processing claims in etcd, shared by every web server of the cluster: the claim on a video is
 * the key {@code <prefix>processing-claims/<id>}, attached to the claiming server's lease, so
 * that etcd deletes it by itself {@link #DEFAULT_TTL} after the server stopped renewing the
 * lease (docs/etcd-keys.md).
 *
 * <ul>
 *   <li>one lease per server process, granted at its first claim and renewed every third of
 *       its time to live. The renewal is a loop of single keep-alive calls rather than jetcd's
 *       {@code keepAlive} stream: that stream stops renewing for good once etcd has been
 *       unreachable for a time to live, and the lease would then expire after etcd returns,
 *       failing videos this server is still processing. A lease survives an etcd outage (a new
 *       leader renews every lease); only etcd saying that the lease is gone ends it, and the
 *       next claim takes a new one.</li>
 *   <li>a claim is put only if the key does not exist, in one transaction; its value is unique
 *       to the claim, so a re-sent attempt recognises its own claim, and a release deletes the
 *       key only if it still holds that value, never another server's claim.</li>
 *   <li>a release etcd cannot take now is retried with each renewal: otherwise the claim would
 *       block new uploads of the id for as long as this server runs.</li>
 * </ul>
 * Thread-safe. Closing it revokes the lease, so this server's claims end at once; it leaves
 * the shared {@link EtcdConnection} open.
 */
public final class EtcdProcessingClaims implements ProcessingClaims {

    /** Long enough to outlast a few slow renewals (each waits at most 5 s), short enough that a dead server's videos fail soon. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(15);

    private static final String CLAIMS = "processing-claims/";
    private static final long NO_LEASE = 0;
    private static final Logger LOG = Logger.getLogger(EtcdProcessingClaims.class.getName());

    private final EtcdConnection etcd;
    private final EtcdKeyspace keyspace;
    private final Duration ttl;
    private final String server = EtcdLeases.describeThisServer();
    /** The value of each claim this server holds: what a release compares before deleting. */
    private final Map<VideoId, ByteSequence> held = new ConcurrentHashMap<>();
    /** Claims to delete that etcd did not take when released. */
    private final Map<VideoId, ByteSequence> unreleased = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> renewals;
    private final Object leaseLock = new Object();
    private long leaseId = NO_LEASE;

    /** Claims under {@code /tritontube/}, living {@link #DEFAULT_TTL} after this server stops. */
    public EtcdProcessingClaims(EtcdConnection etcd, ScheduledExecutorService scheduler) {
        this(etcd, EtcdKeyspace.DEFAULT_PREFIX, DEFAULT_TTL, scheduler);
    }

    /**
     * @param keyPrefix where the claims live, for example {@code /tritontube/}
     * @param ttl       how long a claim outlives this server; whole seconds, at least 3
     * @param scheduler runs the lease's renewals; not owned
     */
    public EtcdProcessingClaims(EtcdConnection etcd, String keyPrefix, Duration ttl, ScheduledExecutorService scheduler) {
        if (ttl.toSeconds() < 3) {
            throw new IllegalArgumentException("a claim's time to live must be at least 3 s, was " + ttl);
        }
        this.etcd = etcd;
        this.keyspace = new EtcdKeyspace(keyPrefix);
        this.ttl = Duration.ofSeconds(ttl.toSeconds());
        long renewEvery = this.ttl.toMillis() / 3;
        this.renewals = scheduler.scheduleWithFixedDelay(this::renew, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean claim(VideoId id) {
        ByteSequence key = keyOf(id);
        ByteSequence value = JsonValues.bytes(JsonValues.BUILDERS.createObjectBuilder()
                .add("server", server)
                .add("claim", UUID.randomUUID().toString())
                .build());
        long lease = lease();
        TxnResponse claimed;
        try {
            claimed = putIfAbsent(id, key, value, lease);
        } catch (MetadataUnavailableException e) {
            if (!EtcdLeases.isGone(e)) {
                throw e;
            }
            forgetLease(lease);
            claimed = putIfAbsent(id, key, value, lease());
        }
        boolean mine = claimed.isSucceeded() || EtcdVideoRepository.storedValue(claimed).equals(Optional.of(value));
        if (mine) {
            held.put(id, value);
        }
        return mine;
    }

    private TxnResponse putIfAbsent(VideoId id, ByteSequence key, ByteSequence value, long lease) {
        return etcd.await(() -> kv().txn()
                .If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
                .Then(Op.put(key, value, PutOption.builder().withLeaseId(lease).build()))
                .Else(Op.get(key, GetOption.DEFAULT))
                .commit(), "claim video '" + id + "' for processing");
    }

    /** Deletes the claim only if it still holds this server's value; when etcd cannot answer, retries with the renewals. */
    @Override
    public void release(VideoId id) {
        ByteSequence value = held.remove(id);
        if (value == null) {
            return;
        }
        try {
            deleteIfHeld(id, value);
        } catch (MetadataUnavailableException e) {
            unreleased.put(id, value);
            LOG.log(Level.WARNING, "could not release the processing claim on video '" + id
                    + "' now; trying again every " + renewalPeriod().toSeconds() + " s", e);
        }
    }

    private void deleteIfHeld(VideoId id, ByteSequence value) {
        ByteSequence key = keyOf(id);
        etcd.await(() -> kv().txn()
                .If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.value(value)))
                .Then(Op.delete(key, DeleteOption.DEFAULT))
                .commit(), "release the processing claim on video '" + id + "'");
    }

    /** A linearizable read: a claim etcd has deleted (lease expired) is never reported. */
    @Override
    public boolean isClaimed(VideoId id) {
        return etcd.await(() -> kv().get(keyOf(id), GetOption.builder().withCountOnly(true).build()),
                "read the processing claim on video '" + id + "'").getCount() > 0;
    }

    /** Revokes the lease, which deletes every claim of this server at once. */
    @Override
    public void close() {
        renewals.cancel(false);
        long lease;
        synchronized (leaseLock) {
            lease = leaseId;
            leaseId = NO_LEASE;
        }
        held.clear();
        unreleased.clear();
        if (lease == NO_LEASE) {
            return;
        }
        try {
            etcd.awaitOnce(() -> etcd.lease().revoke(lease), "revoke the lease of this server's processing claims");
        } catch (MetadataUnavailableException e) {
            LOG.log(Level.WARNING, "could not revoke the lease of this server's processing claims: they end by"
                    + " themselves within " + ttl.toSeconds() + " s", e);
        }
    }

    /** The lease claims are attached to, granted when there is none. */
    private long lease() {
        synchronized (leaseLock) {
            if (leaseId == NO_LEASE) {
                leaseId = etcd.await(() -> etcd.lease().grant(ttl.toSeconds()),
                        "grant a lease for this server's processing claims").getID();
                LOG.info(() -> "processing claims of " + server + " live under etcd lease "
                        + Long.toHexString(leaseId) + ", " + ttl.toSeconds() + " s after this server stops");
            }
            return leaseId;
        }
    }

    /** Runs on the scheduler: renews the lease, then retries the releases etcd missed. Never throws, or renewals would stop. */
    private void renew() {
        long lease;
        synchronized (leaseLock) {
            lease = leaseId;
        }
        try {
            if (lease != NO_LEASE) {
                etcd.await(() -> etcd.lease().keepAliveOnce(lease), "renew the lease of this server's processing claims");
            }
            unreleased.forEach((id, value) -> {
                deleteIfHeld(id, value);
                unreleased.remove(id, value);
            });
        } catch (MetadataUnavailableException e) {
            if (EtcdLeases.isGone(e)) {
                forgetLease(lease);
            } else {
                LOG.log(Level.WARNING, "could not renew the lease of this server's processing claims, trying again in "
                        + renewalPeriod().toSeconds() + " s: " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "renewing the lease of this server's processing claims failed unexpectedly", e);
        }
    }

    /**
     * etcd let the lease expire (this server could not reach it for a whole time to live): its
     * claims are gone, and any server may mark those videos failed. Processing them goes on,
     * but cannot make them ready ({@link io.tritontube.web.domain.video.VideoRepository#updateIfProcessing}).
     */
    private void forgetLease(long lease) {
        synchronized (leaseLock) {
            if (leaseId != lease) {
                return;
            }
            leaseId = NO_LEASE;
        }
        LOG.severe(() -> "etcd lease " + Long.toHexString(lease) + " of " + server + " expired: its claims on "
                + held.keySet() + " are gone, and those videos may be marked failed; the next claim takes a new lease");
        held.clear();
        unreleased.clear();
    }

    private Duration renewalPeriod() {
        return ttl.dividedBy(3);
    }

    private ByteSequence keyOf(VideoId id) {
        return keyspace.key(CLAIMS + id.value());
    }

    private KV kv() {
        return etcd.kv();
    }
}
