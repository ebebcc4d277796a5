package io.tritontube.web.interfaces.web.pages;

import io.tritontube.web.application.VideoDeletion;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The routes of one video's page, {@code /videos/<id>}: decodes and checks the id (400 for an
 * id that cannot exist, 404 for one that does not) and answers:
 * <ul>
 *   <li>{@code GET /videos/<id>}: the video view;</li>
 *   <li>{@code POST /videos/<id>/delete}: with {@code confirmed=yes}, deletes the video and
 *       goes back to the index (303) saying so, or, with {@code then=upload}, inviting to
 *       upload it again (the retry of a failed video); without, the confirmation page, which
 *       is what a browser without JavaScript gets from the video page's Delete button.</li>
 * </ul>
 */
@WebServlet("/videos/*")
public class VideoPageRoute extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(VideoPageRoute.class.getName());
    static final String VIEW = "/views/video.xhtml";
    static final String CONFIRM_DELETE_VIEW = "/views/delete.xhtml";
    static final String DELETE_SUFFIX = "/delete";

    @Inject
    transient VideoRepository videos;

    @Inject
    transient VideoDeletion deletion;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<Video> video = lookUp(request, response, "");
        if (video.isPresent()) {
            // The status changes while processing: the page must always be fresh.
            response.setHeader("Cache-Control", "no-cache");
            forward(request, response, VIEW, video.get());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<Video> video = lookUp(request, response, DELETE_SUFFIX);
        if (video.isEmpty()) {
            return;
        }
        if (!"yes".equals(request.getParameter("confirmed"))) {
            forward(request, response, CONFIRM_DELETE_VIEW, video.get());
            return;
        }
        VideoId id = video.get().id();
        try {
            deletion.delete(id);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "deleting video " + id + " left some of its files behind", e);
            ErrorResponses.send(request, response, 503, "the video was removed from the list, but some of its files "
                    + "could not be deleted yet; deleting it again will remove them");
            return;
        }
        String notice = "upload".equals(request.getParameter("then")) ? "retry" : "deleted";
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/?" + notice + "="
                + URLEncoder.encode(id.value(), StandardCharsets.UTF_8) + ("retry".equals(notice) ? "#upload-heading" : ""));
    }

    /**
     * The video that the path names, the path being {@code /videos/<id>} followed by
     * {@code suffix}; or empty, the error answered.
     */
    private Optional<Video> lookUp(HttpServletRequest request, HttpServletResponse response, String suffix) throws IOException {
        Optional<String> raw = RawRequestPath.after(request, "/videos/")
                .filter(path -> path.endsWith(suffix))
                .map(path -> path.substring(0, path.length() - suffix.length()));
        if (raw.isEmpty() || raw.get().isEmpty() || raw.get().contains("/")) {
            ErrorResponses.send(request, response, 404, "there is no page at this address");
            return Optional.empty();
        }
        VideoId id;
        try {
            id = VideoId.of(UrlPaths.decodeSegment(raw.get()));
        } catch (IllegalArgumentException e) {
            // Bad percent-encoding or an id that cannot exist; either message says which.
            ErrorResponses.send(request, response, 400, e.getMessage());
            return Optional.empty();
        }
        Optional<Video> video;
        try {
            video = videos.find(id);
        } catch (MetadataUnavailableException e) {
            LOG.log(Level.WARNING, "cannot show the page of video " + id, e);
            ErrorResponses.send(request, response, 503, MetadataUnavailableException.USER_MESSAGE);
            return Optional.empty();
        }
        if (video.isEmpty()) {
            ErrorResponses.send(request, response, 404, "there is no video with id '" + id + "'");
        }
        return video;
    }

    private static void forward(HttpServletRequest request, HttpServletResponse response, String view, Video video)
            throws IOException, ServletException {
        request.setAttribute(VideoPage.VIDEO_ATTRIBUTE, video);
        request.getRequestDispatcher(view).forward(request, response);
    }
}
