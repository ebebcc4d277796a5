package io.tritontube.web.application.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/** Turns an uploaded video into the files of an MPEG-DASH presentation. */
public interface VideoPackager {

    /**
     * Writes {@code manifest.mpd}, the init segments and the media segments into
     * {@code outputDirectory}. Blocks until done.
     *
     * @param source           the uploaded file
     * @param media            what inspecting {@code source} found
     * @param outputDirectory  an existing, empty directory
     * @param progress         called with the fraction done, 0.0 to 1.0, as packaging advances
     * @throws PackagingException when packaging failed; the message is a short reason fit for
     *         the uploader
     * @throws IOException when the packaging tool could not be run at all
     */
    void packageDash(Path source, MediaInfo media, Path outputDirectory, DoubleConsumer progress)
            throws PackagingException, IOException;
}
