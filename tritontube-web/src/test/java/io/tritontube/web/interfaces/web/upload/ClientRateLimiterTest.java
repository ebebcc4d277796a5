package io.tritontube.web.interfaces.web.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    /** The limiter's monotonic clock, moved by hand. */
    private long nanos;
    private final LongSupplier clock = () -> nanos;

    @Test
    void aClientMaySpendTheMinutesAllowanceAtOnceThenWaits() {
        ClientRateLimiter limiter = new ClientRateLimiter(3, clock);

        for (int upload = 0; upload < 3; upload++) {
            assertEquals(Optional.empty(), limiter.tryAcquire("10.0.0.1"), "upload " + upload + " of the burst");
        }
        Optional<Duration> refused = limiter.tryAcquire("10.0.0.1");

        assertEquals(Optional.of(Duration.ofSeconds(20)), refused, "one upload comes back every 60/3 seconds");
    }

    @Test
    void theAllowanceRefillsWithTime() {
        ClientRateLimiter limiter = new ClientRateLimiter(2, clock);
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");

        advance(Duration.ofSeconds(29));
        Optional<Duration> tooEarly = limiter.tryAcquire("a");
        advance(Duration.ofSeconds(1));
        Optional<Duration> onTime = limiter.tryAcquire("a");

        assertEquals(Optional.of(Duration.ofSeconds(1)), tooEarly);
        assertEquals(Optional.empty(), onTime);
    }

    @Test
    void refusedAttemptsDoNotPushTheWaitFurther() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, clock);
        limiter.tryAcquire("a");

        for (int attempt = 0; attempt < 10; attempt++) {
            limiter.tryAcquire("a");
        }
        advance(Duration.ofSeconds(60));

        assertEquals(Optional.empty(), limiter.tryAcquire("a"));
    }

    @Test
    void eachClientHasItsOwnAllowance() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, clock);

        assertEquals(Optional.empty(), limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.1").isPresent());
        assertEquals(Optional.empty(), limiter.tryAcquire("10.0.0.2"));
    }

    @Test
    void clientsWhoseAllowanceRefilledAreForgottenWhenTheMapGrows() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, clock);
        for (int client = 0; client <= ClientRateLimiter.TIDY_ABOVE; client++) {
            limiter.tryAcquire("client " + client);
        }
        advance(Duration.ofMinutes(1));

        limiter.tryAcquire("a newcomer");

        assertEquals(1, limiter.trackedClients());
    }

    private void advance(Duration duration) {
        nanos += duration.toNanos();
    }
}
