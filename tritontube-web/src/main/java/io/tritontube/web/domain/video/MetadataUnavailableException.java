package io.tritontube.web.domain.video;

/**
 * The metadata store cannot answer now (for example etcd lost its quorum). Callers map it
 * to 503: the request may succeed later without any change on the client's side.
 */
public class MetadataUnavailableException extends RuntimeException {

    /** What to tell a user whose request failed for this reason (the message is for the log). */
    public static final String USER_MESSAGE = "the video list is unavailable right now; try again shortly";

    public MetadataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
