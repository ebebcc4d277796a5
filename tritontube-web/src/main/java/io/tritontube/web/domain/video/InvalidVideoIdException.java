package io.tritontube.web.domain.video;

/** A string that cannot be a {@link VideoId}; the message says why, in words fit for the uploader. */
public class InvalidVideoIdException extends IllegalArgumentException {

    public InvalidVideoIdException(String message) {
        super(message);
    }
}
