package io.tritontube.web.interfaces.web.upload;

import io.tritontube.web.infrastructure.config.TritonTubeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * The per-client upload rate limit ({@code tritontube.upload.rate-limit-per-minute}), shared
 * by both ways to start an upload: the form's {@code POST /upload} and the creation of a
 * resumable upload. The chunks of a resumable upload are not counted: they belong to an
 * upload already admitted. Clients are told apart by their remote address.
 */
@ApplicationScoped
public class UploadThrottle {

    @Inject
    TritonTubeSettings settings;

    /** Empty when the limit is off. */
    private Optional<ClientRateLimiter> limiter;

    @PostConstruct
    void configure() {
        int perMinute = settings.uploadRateLimitPerMinute();
        limiter = perMinute == 0 ? Optional.empty() : Optional.of(new ClientRateLimiter(perMinute, System::nanoTime));
    }

    /**
     * Counts one upload started by {@code clientAddress}.
     *
     * @return empty when it may go ahead; otherwise the refusal to send
     */
    public Optional<Refusal> admit(String clientAddress) {
        return limiter.flatMap(l -> l.tryAcquire(clientAddress))
                .map(wait -> new Refusal(settings.uploadRateLimitPerMinute(), wait));
    }

    /**
     * An upload over the limit: HTTP 429 with {@code Retry-After: }{@link #retryAfterSeconds()}
     * and {@link #message()}.
     */
    public record Refusal(int perMinute, Duration waitFor) {

        public static final int STATUS = 429;

        /** Whole seconds, rounded up: a client that waits this long gets through. */
        public long retryAfterSeconds() {
            return Math.max(1, (waitFor.toMillis() + 999) / 1000);
        }

        public String message() {
            return "too many uploads from your address: at most " + perMinute + " a minute; try again in "
                    + retryAfterSeconds() + (retryAfterSeconds() == 1 ? " second" : " seconds");
        }
    }
}
