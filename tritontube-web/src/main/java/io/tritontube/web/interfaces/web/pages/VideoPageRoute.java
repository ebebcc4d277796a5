package io.tritontube.web.interfaces.web.pages;

import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.interfaces.web.ErrorResponses;
import io.tritontube.web.interfaces.web.RawRequestPath;
import io.tritontube.web.interfaces.web.UrlPaths;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /videos/<id>}: decodes and checks the id, looks the video up and forwards to
 * the video view with it; 400 for an id that cannot exist, 404 for one that does not.
 */
@WebServlet("/videos/*")
public class VideoPageRoute extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(VideoPageRoute.class.getName());
    static final String VIEW = "/views/video.xhtml";

    @Inject
    transient VideoRepository videos;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<String> raw = RawRequestPath.after(request, "/videos/");
        if (raw.isEmpty() || raw.get().isEmpty() || raw.get().contains("/")) {
            ErrorResponses.send(request, response, 404, "there is no page at this address");
            return;
        }
        VideoId id;
        try {
            id = VideoId.of(UrlPaths.decodeSegment(raw.get()));
        } catch (IllegalArgumentException e) {
            // Bad percent-encoding or an id that cannot exist; either message says which.
            ErrorResponses.send(request, response, 400, e.getMessage());
            return;
        }
        Optional<Video> video;
        try {
            video = videos.find(id);
        } catch (MetadataUnavailableException e) {
            LOG.log(Level.WARNING, "cannot show the page of video " + id, e);
            ErrorResponses.send(request, response, 503, MetadataUnavailableException.USER_MESSAGE);
            return;
        }
        if (video.isEmpty()) {
            ErrorResponses.send(request, response, 404, "there is no video with id '" + id + "'");
            return;
        }
        // The status changes while processing: the page must always be fresh.
        response.setHeader("Cache-Control", "no-cache");
        request.setAttribute(VideoPage.VIDEO_ATTRIBUTE, video.get());
        request.getRequestDispatcher(VIEW).forward(request, response);
    }
}
