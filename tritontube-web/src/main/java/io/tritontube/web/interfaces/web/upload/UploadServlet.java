package io.tritontube.web.interfaces.web.upload;

import io.tritontube.web.domain.video.Video;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /upload} with the multipart field {@code file}: on success 303 to the new
 * video's page, where its processing can be followed. Every refusal has its status and a
 * message, and leaves nothing behind: the spooled parts are deleted whatever happens. A
 * client over the rate limit gets 429 with {@code Retry-After} before its body is read.
 */
final class UploadServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(UploadServlet.class.getName());

    /** Room for the multipart boundaries, part headers and small fields around the file itself. */
    static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;

    static final String FILE_PART = "file";

    private final transient UploadIntake intake;
    private final transient Path spoolDirectory;
    private final long maxBytes;

    UploadServlet(UploadIntake intake, Path spoolDirectory, long maxBytes) {
        this.intake = intake;
        this.spoolDirectory = spoolDirectory;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Video video = receive(request);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", UrlPaths.videoPage(request.getContextPath(), video.id()));
        } catch (UploadRefusedException refused) {
            if (refused.status() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE || refused.retryAfterSeconds().isPresent()) {
                // Refused unread: the client may still be sending; closing the connection stops it sending the rest in vain.
                response.setHeader("Connection", "close");
            }
            refused.retryAfterSeconds().ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
            ErrorResponses.send(request, response, refused.status(), refused.getMessage());
        } finally {
            deleteSpooledParts(request);
        }
    }

    /** Reads the upload, refusing it as early as its headers allow, and hands it over. */
    private Video receive(HttpServletRequest request) throws IOException, UploadRefusedException {
        intake.admit(request.getRemoteAddr());
        // Refuse an oversize body before reading a byte of it. A body of unknown length is
        // refused too: the container would spool it until its limit and, on exceeding it,
        // leave the partial spool file behind.
        long declaredLength = request.getContentLengthLong();
        if (declaredLength < 0) {
            throw intake.refuse(HttpServletResponse.SC_LENGTH_REQUIRED,
                    "the upload must state its size (Content-Length); chunked uploads are not accepted");
        }
        if (declaredLength > maxBytes + MULTIPART_OVERHEAD_BYTES) {
            throw tooLarge();
        }
        Part file;
        try {
            file = request.getPart(FILE_PART);
        } catch (IllegalStateException overMultipartLimit) {
            // The servlet API's way of saying that the request exceeded the multipart limit;
            // the length check above keeps honest clients from ever getting here.
            throw tooLarge();
        } catch (ServletException notMultipart) {
            throw intake.refuse(400, "the request is not a multipart/form-data upload");
        }
        if (file == null) {
            throw intake.refuse(400, "the upload has no '" + FILE_PART + "' part");
        }
        if (file.getSubmittedFileName() == null) {
            throw intake.refuse(400, "the '" + FILE_PART + "' part is not a file");
        }
        if (file.getSize() > maxBytes) {
            throw tooLarge();
        }
        return intake.accept(new SpooledPart(file, spoolDirectory), UploadIntake.VIA_FORM);
    }

    private UploadRefusedException tooLarge() {
        return intake.refuse(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
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
