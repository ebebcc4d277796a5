package io.tritontube.web.interfaces.web.content;

import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.interfaces.web.ErrorResponses;
import io.tritontube.web.interfaces.web.RawRequestPath;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET} and {@code HEAD /content/<id>/<file>}: a packaged file of a ready video. The
 * path is parsed from the raw request URI ({@link ContentPath}); the bytes are streamed from
 * the {@link ContentStore} in buffer-sized pieces, never held whole.
 */
@WebServlet("/content/*")
public class ContentServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ContentServlet.class.getName());
    private static final String PREFIX = "/content/";
    private static final int BUFFER_BYTES = 64 * 1024;

    @Inject
    transient VideoRepository videos;

    @Inject
    transient ContentStore content;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    /** Overridden so that a HEAD request never reads the file (the default runs GET into a byte counter). */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        ContentPath path;
        try {
            path = ContentPath.parse(RawRequestPath.after(request, PREFIX).orElse(""));
        } catch (IllegalArgumentException e) {
            ErrorResponses.send(request, response, 400, e.getMessage());
            return;
        }
        Optional<Video> video;
        try {
            video = videos.find(path.videoId());
        } catch (MetadataUnavailableException e) {
            LOG.log(Level.WARNING, "cannot serve content of video " + path.videoId(), e);
            ErrorResponses.send(request, response, 503, MetadataUnavailableException.USER_MESSAGE);
            return;
        }
        if (video.isEmpty()) {
            ErrorResponses.send(request, response, 404, "there is no video with id '" + path.videoId() + "'");
            return;
        }
        if (!video.get().isReady()) {
            ErrorResponses.send(request, response, 404, "video '" + path.videoId() + "' is not ready");
            return;
        }
        ContentKey key = new ContentKey(path.videoId(), path.fileName());
        try {
            serveFile(request, response, video.get(), key, withBody);
        } catch (StoreReadException e) {
            LOG.log(Level.SEVERE, "cannot read " + key + " from the content store", e.getCause());
            ErrorResponses.send(request, response, 503, "the video's files cannot be read right now; try again shortly");
        }
    }

    private void serveFile(HttpServletRequest request, HttpServletResponse response, Video video, ContentKey key,
                           boolean withBody) throws IOException, StoreReadException {
        Optional<StoredContent> opened = open(key, ByteRange.WHOLE_FILE);
        if (opened.isEmpty()) {
            ErrorResponses.send(request, response, 404, "video '" + key.videoId() + "' has no file '" + key.fileName() + "'");
            return;
        }
        try (StoredContent whole = opened.get()) {
            long size = whole.fileSize();
            String etag = EntityTags.of(video, key.fileName(), size);
            ContentFileKind kind = ContentFileKind.of(key.fileName(), video.format().hasAudio());
            response.setHeader("ETag", etag);
            response.setHeader("Cache-Control", kind.cacheControl());
            response.setHeader("Accept-Ranges", "bytes");
            response.setContentType(kind.contentType());
            if (EntityTags.noneMatchHits(request.getHeader("If-None-Match"), etag)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            String rangeHeader = EntityTags.ifRangeAllows(request.getHeader("If-Range"), etag) ? request.getHeader("Range") : null;
            RangeSelection range = RangeSelection.of(rangeHeader, size);
            switch (range.kind()) {
                case UNSATISFIABLE -> {
                    response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                    response.setHeader("Content-Range", "bytes */" + size);
                    response.setContentLengthLong(0);
                }
                case WHOLE -> {
                    response.setContentLengthLong(size);
                    if (withBody) {
                        sendBody(whole, response, key);
                    }
                }
                case PARTIAL -> {
                    response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                    response.setHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
                    response.setContentLengthLong(range.length());
                    if (withBody) {
                        sendRange(response, key, range);
                    }
                }
            }
        }
    }

    /** The range is opened on its own, so that a remote store sends only those bytes. */
    private void sendRange(HttpServletResponse response, ContentKey key, RangeSelection range)
            throws IOException, StoreReadException {
        Optional<StoredContent> part = open(key, new ByteRange(range.first(), range.length()));
        if (part.isEmpty()) {
            throw new StoreReadException(new IOException(key + " disappeared while being served"));
        }
        try (StoredContent stored = part.get()) {
            sendBody(stored, response, key);
        }
    }

    private Optional<StoredContent> open(ContentKey key, ByteRange range) throws StoreReadException {
        try {
            return content.open(key, range);
        } catch (IOException e) {
            throw new StoreReadException(e);
        }
    }

    /** Copies the stream to the client; a client that hangs up is normal, a store that fails is not. */
    private static void sendBody(StoredContent stored, HttpServletResponse response, ContentKey key)
            throws IOException, StoreReadException {
        OutputStream out = response.getOutputStream();
        InputStream in = stored.stream();
        byte[] buffer = new byte[BUFFER_BYTES];
        while (true) {
            int read;
            try {
                read = in.read(buffer);
            } catch (IOException e) {
                throw new StoreReadException(e);
            }
            if (read < 0) {
                return;
            }
            try {
                out.write(buffer, 0, read);
            } catch (IOException clientGone) {
                LOG.log(Level.FINE, "client stopped reading " + key, clientGone);
                return;
            }
        }
    }

    /** The content store failed (as opposed to the client going away). */
    private static final class StoreReadException extends Exception {

        StoreReadException(IOException cause) {
            super(cause);
        }
    }
}
