package io.tritontube.web.application;

/** An upload that is not acceptable as sent; the message says why, in words fit for the uploader. */
public class UploadRejectedException extends Exception {

    public UploadRejectedException(String message) {
        super(message);
    }
}
