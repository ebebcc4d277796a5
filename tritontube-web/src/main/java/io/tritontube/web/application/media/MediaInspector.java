package io.tritontube.web.application.media;

import java.io.IOException;
import java.nio.file.Path;

/** Looks inside a media file without decoding it. */
public interface MediaInspector {

    /**
     * @throws UnreadableMediaException when the file is not media the tool can read (the
     *         uploader's problem)
     * @throws IOException when the tool itself could not be run (the server's problem)
     */
    MediaInfo inspect(Path file) throws UnreadableMediaException, IOException;
}
