package io.tritontube.web.interfaces.rest.tus;

import io.tritontube.web.application.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A resumable upload whose last byte arrived, as {@link io.tritontube.web.application.UploadService} takes it. */
final class CompletedUpload implements UploadedFile {

    private final PartialUpload upload;
    private final Path data;

    CompletedUpload(PartialUpload upload, Path data) {
        this.upload = upload;
        this.data = data;
    }

    @Override
    public String fileName() {
        return upload.fileName();
    }

    @Override
    public long size() {
        return upload.length();
    }

    @Override
    public InputStream openStream() throws IOException {
        return Files.newInputStream(data);
    }

    /** Both live under the data folder: a rename. */
    @Override
    public void moveTo(Path target) throws IOException {
        Files.move(data, target);
    }
}
