package io.tritontube.storage.server.disk;

import java.io.IOException;

/** The bytes of a write do not match the size or SHA-256 its header announced. */
public class ContentMismatchException extends IOException {

    public ContentMismatchException(String message) {
        super(message);
    }
}
