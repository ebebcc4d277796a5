package io.tritontube.web.interfaces.rest;

import io.tritontube.web.application.VideoDeletion;
import io.tritontube.web.domain.video.IdSearch;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.domain.video.VideoSlice;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /api/videos?limit=&page=&q=} (newest first, {@value #DEFAULT_LIMIT} by default,
 * at most {@value #MAX_LIMIT}; {@code q} keeps the videos whose title contains it, ignoring
 * case), {@code GET /api/videos/<id>} and {@code DELETE /api/videos/<id>}.
 */
@Path("videos")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class VideoResource {

    private static final Logger LOG = Logger.getLogger(VideoResource.class.getName());

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    @Inject
    VideoRepository videos;

    @Inject
    VideoDeletion deletion;

    @GET
    public VideoListJson list(@QueryParam("limit") String limit, @QueryParam("page") String page, @QueryParam("q") String query) {
        Optional<String> pageToken = Optional.ofNullable(page).filter(p -> !p.isBlank());
        Optional<IdSearch> search = parseSearch(query);
        VideoSlice slice = search.isPresent()
                ? videos.searchNewestFirst(search.get(), pageToken, parseLimit(limit))
                : videos.listNewestFirst(pageToken, parseLimit(limit));
        return new VideoListJson(slice.videos().stream().map(VideoJson::of).toList(), slice.nextPage().orElse(null));
    }

    /** {@code 404} for an unknown id; {@code 400} for one that cannot be an id. */
    @GET
    @Path("{id}")
    public VideoJson get(@PathParam("id") String id) {
        VideoId videoId = VideoId.of(id);
        Video video = videos.find(videoId).orElseThrow(
                () -> ApiError.exception(Response.Status.NOT_FOUND, "there is no video with id '" + videoId + "'"));
        return VideoJson.of(video);
    }

    /**
     * Deletes the video's record and every file stored under its id: 204. Idempotent: for an
     * id with no record (never uploaded, or deleted already) the answer is 404, after making
     * sure that no files of it remain, so deleting twice is harmless and a second delete
     * finishes a first one whose file removal failed (503).
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        VideoId videoId = VideoId.of(id);
        boolean existed;
        try {
            existed = deletion.delete(videoId);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "deleting video " + videoId + " left some of its files behind", e);
            throw ApiError.exception(Response.Status.SERVICE_UNAVAILABLE, "the video's record was deleted, but some of its "
                    + "files could not be removed yet: " + e.getMessage() + "; DELETE it again to remove them");
        }
        if (!existed) {
            throw ApiError.exception(Response.Status.NOT_FOUND, "there is no video with id '" + videoId + "'");
        }
        return Response.noContent().build();
    }

    private static Optional<IdSearch> parseSearch(String query) {
        try {
            return IdSearch.of(query);
        } catch (IllegalArgumentException longerThanAnyTitle) {
            throw ApiError.exception(Response.Status.BAD_REQUEST, longerThanAnyTitle.getMessage());
        }
    }

    /** Parsed here rather than as an int parameter, for which JAX-RS would answer a bad value with 404. */
    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Answered below with the same message as an out-of-range number.
        }
        throw ApiError.exception(Response.Status.BAD_REQUEST, "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
