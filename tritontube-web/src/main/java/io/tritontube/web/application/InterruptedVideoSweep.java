package io.tritontube.web.application;

import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.ProcessingClaims;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.domain.video.VideoSlice;
import io.tritontube.web.domain.video.VideoStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One look through the catalogue for videos whose processing was interrupted: recorded as
 * processing, yet claimed by no live server ({@link ProcessingClaims}), because the server that
 * processed them died or restarted. Each is marked failed and its partly stored files removed.
 *
 * <p>Why no live processing is ever failed: a server claims a video before recording it and
 * releases the claim only after marking it ready or failed. This reads the record first and the
 * claim after, so a video seen processing and then unclaimed was either settled meanwhile, which
 * the conditional {@link VideoRepository#updateIfProcessing} refuses to overwrite, or lost its
 * server. Of several servers looking at once, that same condition lets exactly one mark the
 * video, and that one removes its files.
 */
final class InterruptedVideoSweep {

    private static final Logger LOG = Logger.getLogger(InterruptedVideoSweep.class.getName());
    static final String REASON = "interrupted by a server restart; upload again";
    private static final int PAGE_SIZE = 100;

    private final VideoRepository videos;
    private final ProcessingClaims claims;
    private final ContentStore content;

    InterruptedVideoSweep(VideoRepository videos, ProcessingClaims claims, ContentStore content) {
        this.videos = videos;
        this.claims = claims;
        this.content = content;
    }

    /**
     * @return the videos this look marked failed
     * @throws MetadataUnavailableException when the store cannot answer, about a video or its
     *         claim: then nothing more is marked failed, on a guess, until the next look
     */
    List<VideoId> settleUnclaimed() {
        List<VideoId> settled = new ArrayList<>();
        Optional<String> page = Optional.empty();
        do {
            VideoSlice slice = videos.listNewestFirst(page, PAGE_SIZE);
            for (Video video : slice.videos()) {
                if (video.status() == VideoStatus.PROCESSING && !claims.isClaimed(video.id())
                        && videos.updateIfProcessing(video.failed(REASON))) {
                    removeFiles(video.id());
                    settled.add(video.id());
                }
            }
            page = slice.nextPage();
        } while (page.isPresent());
        return settled;
    }

    private void removeFiles(VideoId id) {
        try {
            content.deleteVideo(id);
        } catch (IOException | RuntimeException e) {
            // The record is failed all the same: a failed video is never served, and deleting its id removes the rest.
            LOG.log(Level.WARNING, "could not remove the partly stored files of interrupted video " + id, e);
        }
    }
}
