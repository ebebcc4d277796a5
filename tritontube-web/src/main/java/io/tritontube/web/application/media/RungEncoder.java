package io.tritontube.web.application.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Adds lower renditions to a presentation that is already packaged and published: the remuxed
 * video's ladder, made in the background after the video is ready.
 */
public interface RungEncoder {

    /**
     * Encodes {@code rungs} from {@code source} and writes into {@code outputDirectory} their
     * init and media segments and HLS media playlists, then {@code packagedDirectory}'s DASH
     * manifest and HLS master playlist rewritten to list them after the existing renditions.
     * Existing files are never rewritten under their names, except those two. The new
     * segments start at the same times as the existing video's, so players can switch
     * between them. Blocks until done.
     *
     * @param source            the uploaded file the presentation was packaged from
     * @param rungs             the renditions to add, largest first
     * @param packagedDirectory the presentation as packaged: its manifest and playlists
     * @param outputDirectory   an existing, empty directory
     * @throws PackagingException when encoding failed; the message says why
     * @throws IOException when the tool could not be run or the files not read or written
     */
    void addRungs(Path source, List<Rendition> rungs, Path packagedDirectory, Path outputDirectory)
            throws PackagingException, IOException;
}
