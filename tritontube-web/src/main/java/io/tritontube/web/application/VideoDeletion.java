package io.tritontube.web.application;

import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes a video: its record first, so that it leaves the list and its page at once and its
 * id is free again, then every file stored under its id. A video still processing stops
 * there too: {@link VideoProcessor} checks that its video still exists before publishing and
 * before marking it ready, and removes what it stored if not.
 */
@ApplicationScoped
public class VideoDeletion {

    private static final Logger LOG = Logger.getLogger(VideoDeletion.class.getName());

    @Inject
    VideoRepository videos;

    @Inject
    ContentStore content;

    /**
     * Deleting is idempotent: for an id with no record the files are still removed (there
     * are none, or a previous delete left some behind), and the answer is false.
     *
     * @return true when a record was removed, false when there was none
     * @throws IOException when some files could not be removed; the record is gone already,
     *                     and deleting again removes the rest
     */
    public boolean delete(VideoId id) throws IOException {
        boolean existed = videos.delete(id);
        content.deleteVideo(id);
        if (existed) {
            LOG.log(Level.INFO, "deleted video {0} and its files", id);
        }
        return existed;
    }
}
