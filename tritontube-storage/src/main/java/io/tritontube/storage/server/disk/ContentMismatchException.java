package io.tritontube.storage.server.disk;

import java.io.IOException;

/**
 * Bytes do not match the size or SHA-256 they should have: those a write's header announced,
 * or the SHA-256 recorded when a stored file was written (that copy is corrupt).
 */
public class ContentMismatchException extends IOException {

    public ContentMismatchException(String message) {
        super(message);
    }
}
