package io.tritontube.web.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** An upload as the web layer received it: already spooled to disk, not yet accepted. */
public interface UploadedFile {

    /** The file name the client sent, or null when it sent none. */
    String fileName();

    long size();

    InputStream openStream() throws IOException;

    /** Moves the spooled bytes to {@code target} (a rename when both are on one file system). */
    void moveTo(Path target) throws IOException;
}
