package io.tritontube.web.domain.video;

/**
 * The metadata store cannot answer now (for example etcd lost its quorum). Callers map it
 * to 503: the request may succeed later without any change on the client's side.
 */
public class MetadataUnavailableException extends RuntimeException {

    public MetadataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
