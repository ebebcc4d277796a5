package io.tritontube.web.application.media;

/** A file that is not readable media; the message says why, in words fit for the uploader. */
public class UnreadableMediaException extends Exception {

    public UnreadableMediaException(String message) {
        super(message);
    }
}
