package io.tritontube.web.application.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/** Turns an uploaded video into the files of a streamable presentation. */
public interface VideoPackager {

    /**
     * Carries out {@code plan}: writes into {@code outputDirectory} the DASH manifest, the HLS
     * playlists that share its segments, the init and media segments, and a poster and a
     * thumbnail (the names are in {@link io.tritontube.web.domain.content.PackagedFiles}).
     * Blocks until done.
     *
     * @param source           the uploaded file
     * @param plan             what to make of it
     * @param outputDirectory  an existing, empty directory
     * @param progress         called with the fraction done, 0.0 to 1.0, as packaging advances
     * @throws PackagingException when packaging failed; the message is a short reason fit for
     *         the uploader
     * @throws IOException when the packaging tool could not be run at all
     */
    void packageDash(Path source, PackagingPlan plan, Path outputDirectory, DoubleConsumer progress)
            throws PackagingException, IOException;
}
