package io.tritontube.web.interfaces.rest;

import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.domain.video.VideoSlice;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /api/videos?limit=&page=} (newest first, {@value #DEFAULT_LIMIT} by default, at
 * most {@value #MAX_LIMIT}) and {@code GET /api/videos/<id>}.
 */
@Path("videos")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class VideoResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    @Inject
    VideoRepository videos;

    @GET
    public VideoListJson list(@QueryParam("limit") String limit, @QueryParam("page") String page) {
        VideoSlice slice = videos.listNewestFirst(Optional.ofNullable(page).filter(p -> !p.isBlank()), parseLimit(limit));
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
