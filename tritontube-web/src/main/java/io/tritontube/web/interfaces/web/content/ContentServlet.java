package io.tritontube.web.interfaces.web.content;

import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.infrastructure.config.TritonTubeSettings;
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
 * path is parsed from the raw request URI ({@link ContentPath}).
 *
 * <p>Small files (segments, manifests, stills) are served from the {@link HotFileCache} when
 * they were served lately; on a miss, a whole-file GET reads the file from the
 * {@link ContentStore} once and keeps it there. Larger files are streamed from the store in
 * buffer-sized pieces, never held whole. A range that starts at a known byte is asked of the
 * store as a range straight away, in the same call that reports the file's size.
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

    @Inject
    transient TritonTubeSettings settings;

    private transient HotFileCache cache;

    @Override
    public void init() {
        cache = new HotFileCache(settings.contentCacheBytes());
        LOG.log(Level.INFO, "content route: hot files cached in up to {0} bytes", String.valueOf(cache.budget()));
    }

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
        HotFileCache.Key cacheKey = HotFileCache.Key.of(video, key.fileName());
        Optional<byte[]> cached = cache.get(cacheKey);
        if (cached.isPresent()) {
            respond(request, response, video, key, new CachedBody(cached.get()), withBody);
            return;
        }
        // If-Range is checked against the entity tag, which needs the size: then the whole file is opened.
        ByteRange opening = request.getHeader("If-Range") == null
                ? RangeSelection.toOpen(request.getHeader("Range")) : ByteRange.WHOLE_FILE;
        Optional<StoredContent> opened = open(key, opening);
        if (opened.isEmpty()) {
            ErrorResponses.send(request, response, 404, "video '" + key.videoId() + "' has no file '" + key.fileName() + "'");
            return;
        }
        try (StoredContent stored = opened.get()) {
            if (withBody && opening.isWholeFile() && cache.admits(stored.fileSize())) {
                byte[] bytes = readWhole(stored, key);
                cache.put(cacheKey, bytes);
                respond(request, response, video, key, new CachedBody(bytes), withBody);
            } else {
                respond(request, response, video, key, new StoreBody(key, opening, stored), withBody);
            }
        }
    }

    /** The caching and range headers, then the status and the selected bytes. */
    private static void respond(HttpServletRequest request, HttpServletResponse response, Video video, ContentKey key,
                                Body body, boolean withBody) throws IOException, StoreReadException {
        long size = body.fileSize();
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
                if (withBody && size > 0) {
                    body.send(0, size, response);
                }
            }
            case PARTIAL -> {
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
                response.setContentLengthLong(range.length());
                if (withBody) {
                    body.send(range.first(), range.length(), response);
                }
            }
        }
    }

    private Optional<StoredContent> open(ContentKey key, ByteRange range) throws StoreReadException {
        try {
            return content.open(key, range);
        } catch (IOException e) {
            throw new StoreReadException(e);
        }
    }

    private static byte[] readWhole(StoredContent stored, ContentKey key) throws StoreReadException {
        try {
            byte[] bytes = stored.stream().readNBytes((int) stored.fileSize());
            if (bytes.length != stored.fileSize()) {
                throw new IOException(key + " ended after " + bytes.length + " of its " + stored.fileSize() + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new StoreReadException(e);
        }
    }

    /** Where a response's bytes come from. */
    private interface Body {

        long fileSize();

        /** Sends {@code length} bytes from {@code first}; a client that hangs up is normal, a store that fails is not. */
        void send(long first, long length, HttpServletResponse response) throws IOException, StoreReadException;
    }

    /** A whole file in memory. */
    private record CachedBody(byte[] bytes) implements Body {

        @Override
        public long fileSize() {
            return bytes.length;
        }

        @Override
        public void send(long first, long length, HttpServletResponse response) throws IOException {
            try {
                response.getOutputStream().write(bytes, (int) first, (int) length);
            } catch (IOException clientGone) {
                LOG.log(Level.FINE, "client stopped reading", clientGone);
            }
        }
    }

    /** A file opened in the store, from {@code opened}'s first byte on. */
    private final class StoreBody implements Body {

        private final ContentKey key;
        private final ByteRange opening;
        private final StoredContent opened;

        StoreBody(ContentKey key, ByteRange opening, StoredContent opened) {
            this.key = key;
            this.opening = opening;
            this.opened = opened;
        }

        @Override
        public long fileSize() {
            return opened.fileSize();
        }

        /**
         * Streams what was opened when those are exactly the bytes to send ({@link RangeSelection#toOpen}
         * makes that the rule); otherwise (a suffix range, or an If-Range) opens the range on its
         * own, so that a remote store sends only those bytes.
         */
        @Override
        public void send(long first, long length, HttpServletResponse response) throws IOException, StoreReadException {
            long openedEnd = opening.length() == 0 ? opened.fileSize() : Math.min(opened.fileSize(), opening.offset() + opening.length());
            if (opening.offset() == first && openedEnd == first + length) {
                copy(opened.stream(), response, key);
                return;
            }
            Optional<StoredContent> part = open(key, new ByteRange(first, length));
            if (part.isEmpty()) {
                throw new StoreReadException(new IOException(key + " disappeared while being served"));
            }
            try (StoredContent stored = part.get()) {
                copy(stored.stream(), response, key);
            }
        }
    }

    /** Copies the stream to the client; a client that hangs up is normal, a store that fails is not. */
    private static void copy(InputStream in, HttpServletResponse response, ContentKey key) throws IOException, StoreReadException {
        OutputStream out = response.getOutputStream();
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
