package io.tritontube.web.application.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Looks inside a media file without decoding it. */
public interface MediaInspector {

    /**
     * Reads the container's description of the file: only headers, so it is fast whatever
     * the file's length.
     *
     * @throws UnreadableMediaException when the file is not media the tool can read (the
     *         uploader's problem)
     * @throws IOException when the tool itself could not be run (the server's problem)
     */
    MediaInfo inspect(Path file) throws UnreadableMediaException, IOException;

    /**
     * The longest stretch of the first video stream without a keyframe, counting from the
     * stream's start: segments can only be cut at keyframes, so this tells whether the
     * stream can be segmented as it is. Reads every packet's flags but decodes nothing:
     * about 0.3 s for 10 minutes of video.
     *
     * @throws UnreadableMediaException when the file has no readable video stream
     * @throws IOException when the tool itself could not be run
     */
    Duration longestKeyframeGap(Path file) throws UnreadableMediaException, IOException;
}
