package io.tritontube.web.interfaces.web.pages;

import io.tritontube.web.domain.video.IdSearch;
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
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Backs the index: one page of videos, newest first, all of them or those whose title contains
 * {@code ?q=} ({@code &page=<token>} for the following pages); the upload form's settings; and
 * the notice after a delete ({@code ?deleted=<id>}) or a retry ({@code ?retry=<id>}).
 */
@Named
@RequestScoped
public class IndexPage {

    private static final Logger LOG = Logger.getLogger(IndexPage.class.getName());
    static final int PAGE_SIZE = 20;

    /** The chunk size of resumable uploads: big enough that a chunk's round trip costs little, small enough to resend. */
    static final long UPLOAD_CHUNK_BYTES = 8L * 1024 * 1024;

    @Inject
    VideoRepository videos;

    @Inject
    TritonTubeSettings settings;

    private List<VideoView> shown = List.of();
    private Optional<String> nextPage = Optional.empty();
    private Optional<IdSearch> search = Optional.empty();
    private boolean firstPage = true;
    private String deleted;
    private String retry;

    /** The view action: loads the page, or answers 400/503 instead of rendering. */
    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        Map<String, String> parameters = external.getRequestParameterMap();
        Optional<String> page = Optional.ofNullable(parameters.get("page")).filter(p -> !p.isBlank());
        firstPage = page.isEmpty();
        deleted = parameters.get("deleted");
        retry = parameters.get("retry");
        try {
            search = IdSearch.of(parameters.get("q"));
        } catch (IllegalArgumentException longerThanAnyTitle) {
            answerInstead(faces, 400, longerThanAnyTitle.getMessage());
            return;
        }
        try {
            VideoSlice slice = search.isPresent()
                    ? videos.searchNewestFirst(search.get(), page, PAGE_SIZE)
                    : videos.listNewestFirst(page, PAGE_SIZE);
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

    /** What was searched for, for the search box; empty when nothing was. */
    public String getQuery() {
        return search.map(IdSearch::text).orElse("");
    }

    public boolean isSearching() {
        return search.isPresent();
    }

    /** The link to the following page (of the same search), or null on the last one. */
    public String getNextPageUrl() {
        return nextPage.map(token -> indexUrl() + "?" + searchParameter() + "page=" + encode(token)).orElse(null);
    }

    /** The first page of the same list: all videos, or the same search. */
    public String getFirstPageUrl() {
        String parameter = searchParameter();
        return indexUrl() + (parameter.isEmpty() ? "" : "?" + parameter.substring(0, parameter.length() - 1));
    }

    /** The id of the video just deleted, for the notice; null otherwise. */
    public String getDeleted() {
        return deleted;
    }

    /** The id of the failed video just removed so that it can be uploaded again; null otherwise. */
    public String getRetry() {
        return retry;
    }

    public String getUploadLimit() {
        return ByteSizes.describe(settings.uploadMaxBytes());
    }

    public long getUploadChunkBytes() {
        return UPLOAD_CHUNK_BYTES;
    }

    private String searchParameter() {
        return search.map(s -> "q=" + encode(s.text()) + "&").orElse("");
    }

    private static String indexUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void answerInstead(FacesContext faces, int status, String message) throws IOException {
        ExternalContext external = faces.getExternalContext();
        ErrorResponses.send((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(), status, message);
        faces.responseComplete();
    }
}
