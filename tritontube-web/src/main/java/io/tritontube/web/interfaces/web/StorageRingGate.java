package io.tritontube.web.interfaces.web;

import io.tritontube.web.infrastructure.config.ContentKind;
import io.tritontube.web.infrastructure.config.TritonTubeSettings;
import io.tritontube.web.infrastructure.content.nw.RingNotLoadedException;
import io.tritontube.web.infrastructure.content.nw.StorageRing;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers 503, with a Retry-After, on the routes that need the storage ring while its
 * membership is not loaded yet (the server started while etcd did not answer): content reads,
 * uploads and deletes. Refused at the door, an upload is not accepted only to fail when its
 * files cannot be stored, and a delete does not remove the record while it cannot remove the
 * files. Pages and the video list need only the metadata and are let through.
 */
@WebFilter(urlPatterns = {"/content/*", "/upload", "/api/uploads", "/api/uploads/*", "/api/videos/*"},
        dispatcherTypes = DispatcherType.REQUEST)
public class StorageRingGate extends HttpFilter {

    /** The ring is retried every 2 s; a client coming back after this is likely served. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    TritonTubeSettings settings;

    /** Resolved only for the nw kind, the only one with a ring. */
    @Inject
    Instance<StorageRing> storageRing;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (needsTheRing(request) && settings.contentKind() == ContentKind.NW && !storageRing.get().isLoaded()) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            ErrorResponses.send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    RingNotLoadedException.USER_MESSAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Of the videos' API routes (the list too: {@code /api/videos/*} matches it), only DELETE touches files. */
    private static boolean needsTheRing(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/videos")
                || "DELETE".equals(request.getMethod());
    }
}
