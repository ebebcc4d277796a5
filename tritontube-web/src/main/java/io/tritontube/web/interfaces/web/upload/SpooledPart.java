package io.tritontube.web.interfaces.web.upload;

import io.tritontube.web.application.UploadedFile;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The {@code file} part of a multipart upload, spooled to disk by the container. */
final class SpooledPart implements UploadedFile {

    private final Part part;
    private final Path spoolDirectory;

    /** @param spoolDirectory the location of the endpoint's multipart configuration */
    SpooledPart(Part part, Path spoolDirectory) {
        this.part = part;
        this.spoolDirectory = spoolDirectory;
    }

    @Override
    public String fileName() {
        return part.getSubmittedFileName();
    }

    @Override
    public long size() {
        return part.getSize();
    }

    @Override
    public InputStream openStream() throws IOException {
        return part.getInputStream();
    }

    /**
     * The servlet specification resolves {@link Part#write} names against the multipart
     * location (Payara even prefixes absolute paths with it), so the target is given relative
     * to the spool directory. On one file system the container then renames its spool file
     * rather than copying it.
     */
    @Override
    public void moveTo(Path target) throws IOException {
        part.write(spoolDirectory.toAbsolutePath().relativize(target.toAbsolutePath()).toString());
    }
}
