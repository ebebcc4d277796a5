package io.tritontube.web.application;

import java.time.Duration;

/**
 * How often {@link InterruptedProcessingRecovery} looks for videos whose server died: a video
 * is marked failed at most this long after its claim ends.
 *
 * @param every positive
 */
public record RecoveryPeriod(Duration every) {

    public RecoveryPeriod {
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("the recovery period must be positive, was " + every);
        }
    }
}
