package io.tritontube.web.application.media;

/** Packaging a video failed; the message is a short reason fit for the uploader. */
public class PackagingException extends Exception {

    public PackagingException(String message) {
        super(message);
    }
}
