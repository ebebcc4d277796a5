package io.tritontube.storage.server.disk;

/** A video id or file name from a request breaks {@link StoredNames}' rules. */
public class InvalidNameException extends IllegalArgumentException {

    public InvalidNameException(String message) {
        super(message);
    }
}
