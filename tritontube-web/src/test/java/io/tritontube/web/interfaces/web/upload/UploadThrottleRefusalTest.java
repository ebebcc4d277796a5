package io.tritontube.web.interfaces.web.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a client over the upload rate limit is told: 429, when to come back, and why. */
class UploadThrottleRefusalTest {

    @Test
    void retryAfterRoundsUpSoThatAClientThatWaitsGetsThrough() {
        assertEquals(2, new UploadThrottle.Refusal(30, Duration.ofMillis(1001)).retryAfterSeconds());
        assertEquals(2, new UploadThrottle.Refusal(30, Duration.ofSeconds(2)).retryAfterSeconds());
        assertEquals(1, new UploadThrottle.Refusal(30, Duration.ofNanos(1)).retryAfterSeconds(), "never 0: that means now");
    }

    @Test
    void theMessageSaysTheLimitAndTheWait() {
        assertEquals("too many uploads from your address: at most 30 a minute; try again in 2 seconds",
                new UploadThrottle.Refusal(30, Duration.ofMillis(1500)).message());
        assertEquals("too many uploads from your address: at most 1 a minute; try again in 1 second",
                new UploadThrottle.Refusal(1, Duration.ofMillis(200)).message());
    }
}
