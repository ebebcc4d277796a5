package io.tritontube.web.domain.video;

/** A page token that the repository did not issue (mangled, or from another kind of store). */
public class InvalidPageTokenException extends IllegalArgumentException {

    public InvalidPageTokenException(String message) {
        super(message);
    }
}
