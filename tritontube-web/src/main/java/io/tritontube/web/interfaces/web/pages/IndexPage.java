package io.tritontube.web.interfaces.web.pages;

import io.tritontube.web.domain.video.InvalidPageTokenException;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.domain.video.VideoSlice;
import io.tritontube.web.infrastructure.config.TritonTubeSettings;
import io.tritontube.web.interfaces.web.ByteSizes;
import io.tritontube.web.interfaces.web.ErrorResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Backs the index: one page of videos, newest first ({@code ?page=<token>} for the
 * following ones), and the upload form's size hint.
 */
@Named
@RequestScoped
public class IndexPage {

    private static final Logger LOG = Logger.getLogger(IndexPage.class.getName());
    static final int PAGE_SIZE = 20;

    @Inject
    VideoRepository videos;

    @Inject
    TritonTubeSettings settings;

    private List<VideoView> shown = List.of();
    private Optional<String> nextPage = Optional.empty();
    private boolean firstPage = true;

    /** The view action: loads the page, or answers 400/503 instead of rendering. */
    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        Optional<String> page = Optional.ofNullable(external.getRequestParameterMap().get("page")).filter(p -> !p.isBlank());
        firstPage = page.isEmpty();
        try {
            VideoSlice slice = videos.listNewestFirst(page, PAGE_SIZE);
            String contextPath = external.getRequestContextPath();
            shown = slice.videos().stream().map(video -> new VideoView(video, contextPath)).toList();
            nextPage = slice.nextPage();
        } catch (InvalidPageTokenException e) {
            answerInstead(faces, 400, e.getMessage());
        } catch (MetadataUnavailableException e) {
            LOG.log(Level.WARNING, "cannot list the videos", e);
            answerInstead(faces, 503, MetadataUnavailableException.USER_MESSAGE);
        }
    }

    public List<VideoView> getVideos() {
        return shown;
    }

    public boolean isFirstPage() {
        return firstPage;
    }

    /** The link to the following page, or null on the last one. */
    public String getNextPageUrl() {
        String contextPath = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return nextPage.map(token -> contextPath + "/?page=" + URLEncoder.encode(token, StandardCharsets.UTF_8)).orElse(null);
    }

    public String getUploadLimit() {
        return ByteSizes.describe(settings.uploadMaxBytes());
    }

    private static void answerInstead(FacesContext faces, int status, String message) throws IOException {
        ExternalContext external = faces.getExternalContext();
        ErrorResponses.send((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(), status, message);
        faces.responseComplete();
    }
}
