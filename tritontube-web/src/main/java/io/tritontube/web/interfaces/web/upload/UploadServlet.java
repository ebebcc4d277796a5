package io.tritontube.web.interfaces.web.upload;

import io.tritontube.web.application.UploadRejectedException;
import io.tritontube.web.application.UploadService;
import io.tritontube.web.domain.video.InvalidVideoIdException;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoAlreadyExistsException;
import io.tritontube.web.interfaces.web.ByteSizes;
import io.tritontube.web.interfaces.web.ErrorResponses;
import io.tritontube.web.interfaces.web.UrlPaths;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /upload} with the multipart field {@code file}: on success 303 to the new
 * video's page, where its processing can be followed. Every refusal has its status and a
 * message, and leaves nothing behind: the spooled parts are deleted whatever happens.
 */
final class UploadServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(UploadServlet.class.getName());

    /** Room for the multipart boundaries, part headers and small fields around the file itself. */
    static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;

    static final String FILE_PART = "file";

    private final transient UploadService uploads;
    private final transient Path spoolDirectory;
    private final long maxBytes;

    UploadServlet(UploadService uploads, Path spoolDirectory, long maxBytes) {
        this.uploads = uploads;
        this.spoolDirectory = spoolDirectory;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Refuse an oversize body before reading a byte of it. A body of unknown length is
        // refused too: the container would spool it until its limit and, on exceeding it,
        // leave the partial spool file behind.
        long declaredLength = request.getContentLengthLong();
        if (declaredLength < 0) {
            ErrorResponses.send(request, response, HttpServletResponse.SC_LENGTH_REQUIRED,
                    "the upload must state its size (Content-Length); chunked uploads are not accepted");
            return;
        }
        if (declaredLength > maxBytes + MULTIPART_OVERHEAD_BYTES) {
            refuseTooLarge(request, response);
            return;
        }
        try {
            Part file;
            try {
                file = request.getPart(FILE_PART);
            } catch (IllegalStateException overLimit) {
                // The servlet API's way of saying that the request exceeded the multipart limit;
                // the length check above keeps honest clients from ever getting here.
                refuseTooLarge(request, response);
                return;
            } catch (ServletException notMultipart) {
                ErrorResponses.send(request, response, 400, "the request is not a multipart/form-data upload");
                return;
            }
            if (file == null) {
                ErrorResponses.send(request, response, 400, "the upload has no '" + FILE_PART + "' part");
            } else if (file.getSubmittedFileName() == null) {
                ErrorResponses.send(request, response, 400, "the '" + FILE_PART + "' part is not a file");
            } else if (file.getSize() > maxBytes) {
                refuseTooLarge(request, response);
            } else {
                accept(request, response, file);
            }
        } finally {
            deleteSpooledParts(request);
        }
    }

    private void accept(HttpServletRequest request, HttpServletResponse response, Part file) throws IOException {
        try {
            Video video = uploads.accept(new SpooledPart(file, spoolDirectory));
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", UrlPaths.videoPage(request.getContextPath(), video.id()));
        } catch (InvalidVideoIdException | UploadRejectedException e) {
            ErrorResponses.send(request, response, 400, e.getMessage());
        } catch (VideoAlreadyExistsException e) {
            ErrorResponses.send(request, response, HttpServletResponse.SC_CONFLICT, e.getMessage());
        } catch (MetadataUnavailableException e) {
            LOG.log(Level.WARNING, "upload refused: metadata store unavailable", e);
            ErrorResponses.send(request, response, 503, MetadataUnavailableException.USER_MESSAGE);
        } catch (RejectedExecutionException e) {
            ErrorResponses.send(request, response, 503, "the server is stopping; try again shortly");
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "could not take in the upload of " + file.getSubmittedFileName(), e);
            ErrorResponses.send(request, response, 500, "the server could not take in the upload");
        }
    }

    private void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The client may still be sending; closing the connection stops it from sending the rest in vain.
        response.setHeader("Connection", "close");
        ErrorResponses.send(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "the upload is larger than the limit of " + ByteSizes.describe(maxBytes) + " (" + maxBytes + " bytes)");
    }

    private static void deleteSpooledParts(HttpServletRequest request) {
        try {
            for (Part part : request.getParts()) {
                part.delete();
            }
        } catch (IOException | ServletException | IllegalStateException e) {
            // Nothing was spooled (refused unread, not multipart) or the container's own
            // end-of-request cleanup will remove it; worth a trace, not an error.
            LOG.log(Level.FINE, "no spooled parts to delete", e);
        }
    }
}
