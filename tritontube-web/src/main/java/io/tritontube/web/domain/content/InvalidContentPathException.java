package io.tritontube.web.domain.content;

/** A content path or file name that could name something outside a video's own files. */
public class InvalidContentPathException extends IllegalArgumentException {

    public InvalidContentPathException(String message) {
        super(message);
    }
}
