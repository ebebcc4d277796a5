package io.tritontube.web.interfaces.web.upload;

import java.util.OptionalLong;

/**
 * An upload that an endpoint must refuse, with the HTTP status and the message to answer;
 * already counted in the metrics by {@link UploadIntake}.
 */
public class UploadRefusedException extends Exception {

    private final int status;
    private final OptionalLong retryAfterSeconds;

    UploadRefusedException(int status, String message, OptionalLong retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** For the {@code Retry-After} header: present when trying again later will help (rate limit). */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
