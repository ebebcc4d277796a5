package io.tritontube.web.interfaces.web.upload;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * At most {@code perMinute} actions a minute for each client, as a token bucket: a client
 * may spend the whole minute's allowance in a burst, then one more action becomes possible
 * every {@code 60 / perMinute} seconds. Thread-safe.
 *
 * <p>Memory stays bounded by the clients seen in the last minute: a client whose bucket has
 * refilled is no different from one never seen, so such entries are dropped whenever the map
 * grows past {@value #TIDY_ABOVE} entries.
 */
final class ClientRateLimiter {

    static final int TIDY_ABOVE = 10_000;
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new HashMap<>();

    /**
     * @param perMinute at least 1
     * @param nanoTime  a monotonic clock in nanoseconds, {@code System::nanoTime}: a wall clock
     *                  set back would hand out allowances twice
     */
    ClientRateLimiter(int perMinute, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1, was " + perMinute);
        }
        this.capacity = perMinute;
        this.tokensPerNano = perMinute / (double) NANOS_PER_MINUTE;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one action's allowance for {@code client}.
     *
     * @return empty when the action may go ahead; otherwise how long until it may
     */
    synchronized Optional<Duration> tryAcquire(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.tokensAt(now) >= capacity);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        double tokens = bucket.tokensAt(now);
        if (tokens >= 1) {
            bucket.set(tokens - 1, now);
            return Optional.empty();
        }
        bucket.set(tokens, now);
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
    }

    /** Clients currently remembered. */
    synchronized int trackedClients() {
        return buckets.size();
    }

    private final class Bucket {

        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        double tokensAt(long now) {
            return Math.min(capacity, tokens + Math.max(0, now - at) * tokensPerNano);
        }

        void set(double newTokens, long now) {
            tokens = newTokens;
            at = now;
        }
    }
}
