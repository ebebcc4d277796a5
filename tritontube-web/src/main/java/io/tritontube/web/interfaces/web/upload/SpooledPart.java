package io.tritontube.web.interfaces.web.upload;

import io.tritontube.web.application.UploadedFile;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** The {@code file} part of a multipart upload, spooled to disk by the container. */
final class SpooledPart implements UploadedFile {

    private final Part part;

    SpooledPart(Part part) {
        this.part = part;
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

    /** With an absolute path, the container renames its spool file rather than copying it. */
    @Override
    public void moveTo(Path target) throws IOException {
        part.write(target.toAbsolutePath().toString());
    }
}
