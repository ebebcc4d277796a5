package io.tritontube.web.interfaces.rest.tus;

import io.tritontube.web.application.UploadService;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.infrastructure.config.TritonTubeSettings;
import io.tritontube.web.interfaces.rest.ApiError;
import io.tritontube.web.interfaces.web.ByteSizes;
import io.tritontube.web.interfaces.web.UrlPaths;
import io.tritontube.web.interfaces.web.upload.UploadIntake;
import io.tritontube.web.interfaces.web.upload.UploadRefusedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /api/uploads}: resumable uploads by the tus protocol 1.0.0.
 * <ul>
 *   <li>{@code OPTIONS}: the versions, extensions and largest size this server takes.</li>
 *   <li>{@code POST} with {@code Upload-Length} and {@code Upload-Metadata: filename <base64>}:
 *       201 with the upload's URL in {@code Location}; 400 for a bad name or an empty file,
 *       409 when the id is taken, 413 over the size limit, 429 over the rate limit.</li>
 *   <li>{@code HEAD /api/uploads/<id>}: {@code Upload-Offset}, where to resume.</li>
 *   <li>{@code PATCH /api/uploads/<id>} with {@code Upload-Offset} and a body of type
 *       {@code application/offset+octet-stream}: appends; 204 with the new offset; 409 when the
 *       offset is not the upload's, 423 while another request appends. The first bytes are
 *       checked for the MP4 signature (400), and the last byte hands the upload over like the
 *       form's: 204 with the video's page in {@code TritonTube-Video-Page}, or the form's
 *       refusal (400, 409 ...), after which the upload is gone.</li>
 *   <li>{@code DELETE /api/uploads/<id>}: gives the upload up; 204.</li>
 * </ul>
 * An unknown or expired upload is 404. After the hand-over, {@code HEAD} still answers for
 * the rest of the expiry, with the full offset and the video's page, so that a client that
 * lost the last answer learns where its video went instead of uploading it again.
 */
@Path("uploads")
@TusEndpoint
@RequestScoped
public class TusUploadResource {

    private static final Logger LOG = Logger.getLogger(TusUploadResource.class.getName());

    @Inject
    ResumableUploads uploads;

    @Inject
    UploadIntake intake;

    @Inject
    TritonTubeSettings settings;

    @Context
    HttpServletRequest request;

    @OPTIONS
    public Response capabilities() {
        return Response.noContent()
                .header(TusProtocol.TUS_VERSION, TusProtocol.VERSION)
                .header(TusProtocol.TUS_EXTENSION, TusProtocol.EXTENSIONS)
                .header(TusProtocol.TUS_MAX_SIZE, settings.uploadMaxBytes())
                .build();
    }

    @POST
    public Response create(@HeaderParam(TusProtocol.UPLOAD_LENGTH) String lengthHeader,
                           @HeaderParam(TusProtocol.UPLOAD_DEFER_LENGTH) String deferLength,
                           @HeaderParam(TusProtocol.UPLOAD_METADATA) String metadataHeader) throws IOException {
        try {
            intake.admit(request.getRemoteAddr());
            long length = announcedLength(lengthHeader, deferLength);
            String fileName = announcedFileName(metadataHeader);
            VideoId id = intake.announce(fileName, length);
            PartialUpload upload = uploads.store().create(fileName, length);
            LOG.log(Level.INFO, "resumable upload {0} started: {1} bytes for video {2}", new Object[] {upload.id(), length, id});
            return withExpiry(Response.created(URI.create("uploads/" + upload.id()))).build();
        } catch (UploadRefusedException refused) {
            return refusal(refused);
        }
    }

    @HEAD
    @Path("{upload}")
    public Response offset(@PathParam("upload") String uploadId) throws IOException {
        Optional<PartialUpload> found = uploads.store().find(uploadId);
        if (found.isEmpty()) {
            return unknown();
        }
        PartialUpload upload = found.get();
        Response.ResponseBuilder answer = Response.ok()
                .header(TusProtocol.UPLOAD_OFFSET, upload.offset())
                .header(TusProtocol.UPLOAD_LENGTH, upload.length())
                .header("Cache-Control", "no-store");
        upload.handedOverAs().ifPresent(video -> answer.header(TusProtocol.VIDEO_PAGE, videoPage(video)));
        return answer.build();
    }

    @PATCH
    @Path("{upload}")
    @Consumes(TusProtocol.OFFSET_OCTET_STREAM)
    public Response append(@PathParam("upload") String uploadId, @HeaderParam(TusProtocol.UPLOAD_OFFSET) String offsetHeader,
                           InputStream body) throws IOException {
        long offset;
        try {
            offset = TusProtocol.parseCount(TusProtocol.UPLOAD_OFFSET, offsetHeader);
        } catch (IllegalArgumentException e) {
            return ApiError.response(400, e.getMessage());
        }
        return underLock(uploadId, upload -> append(upload, offset, body));
    }

    @DELETE
    @Path("{upload}")
    public Response terminate(@PathParam("upload") String uploadId) throws IOException {
        return underLock(uploadId, upload -> {
            uploads.store().delete(upload.id());
            return Response.noContent().build();
        });
    }

    /**
     * Runs {@code change} holding the upload's lock: 404 for an unknown upload, 423 while
     * another request holds the lock.
     */
    private Response underLock(String uploadId, Change change) throws IOException {
        // Unknown ids are never locked: they would fill the store's table of locks.
        if (uploads.store().find(uploadId).isEmpty()) {
            return unknown();
        }
        Optional<PartialUploadStore.Held> held = uploads.store().tryLock(uploadId);
        if (held.isEmpty()) {
            return ApiError.response(423, "another request is sending to this upload now; ask for its offset (HEAD) and go on from there");
        }
        try (PartialUploadStore.Held lock = held.get()) {
            // Looked up again under the lock: the request that held it may have finished or deleted the upload.
            Optional<PartialUpload> upload = uploads.store().find(uploadId);
            return upload.isPresent() ? change.apply(upload.get()) : unknown();
        }
    }

    /** With the upload's lock held. */
    private Response append(PartialUpload upload, long offset, InputStream body) throws IOException {
        if (offset != upload.offset()) {
            return ApiError.response(409, "Upload-Offset is " + offset + " but the upload has " + upload.offset()
                    + " bytes; send from there");
        }
        if (upload.handedOverAs().isPresent()) {
            // A repeat of the final request whose answer was lost: the same answer again.
            return finished(upload, upload.handedOverAs().get()).build();
        }
        long contentLength = request.getContentLengthLong();
        if (contentLength > upload.remaining()) {
            return ApiError.response(413, "the chunk of " + contentLength + " bytes goes past the announced length: "
                    + upload.remaining() + " bytes remain");
        }
        long newOffset;
        try {
            newOffset = uploads.store().append(upload, body);
        } catch (PartialUploadStore.InterruptedBodyException e) {
            LOG.log(Level.INFO, "resumable upload {0}: the connection broke during a chunk; it resumes from byte {1}",
                    new Object[] {upload.id(), e.offsetKept()});
            return ApiError.response(400, "the chunk was cut short; ask for the offset (HEAD) and go on from there");
        }
        if (newOffset == upload.length() && body.read() >= 0) {
            uploads.store().delete(upload.id());
            return ApiError.response(413, "the upload sent more bytes than the " + upload.length() + " it announced; it is deleted");
        }
        try {
            if (upload.offset() < UploadService.BEGINNING_LENGTH && newOffset >= UploadService.BEGINNING_LENGTH) {
                intake.checkBeginning(uploads.store().head(upload, UploadService.BEGINNING_LENGTH));
            }
            if (newOffset < upload.length()) {
                return withExpiry(Response.noContent().header(TusProtocol.UPLOAD_OFFSET, newOffset)).build();
            }
            Video video = intake.accept(new CompletedUpload(upload, uploads.store().data(upload.id())), UploadIntake.VIA_RESUMABLE);
            uploads.store().markHandedOver(upload, video.id());
            return finished(upload, video.id()).build();
        } catch (UploadRefusedException refused) {
            uploads.store().delete(upload.id());
            return refusal(refused);
        }
    }

    private long announcedLength(String lengthHeader, String deferLength) throws UploadRefusedException {
        if (deferLength != null) {
            throw intake.refuse(400, "uploads must announce their length: Upload-Defer-Length is not supported");
        }
        long length;
        try {
            length = TusProtocol.parseCount(TusProtocol.UPLOAD_LENGTH, lengthHeader);
        } catch (IllegalArgumentException e) {
            throw intake.refuse(400, e.getMessage());
        }
        long maxBytes = settings.uploadMaxBytes();
        if (length > maxBytes) {
            throw intake.refuse(413, "the upload is larger than the limit of " + ByteSizes.describe(maxBytes)
                    + " (" + maxBytes + " bytes)");
        }
        return length;
    }

    private String announcedFileName(String metadataHeader) throws UploadRefusedException {
        Map<String, String> metadata;
        try {
            metadata = TusProtocol.parseMetadata(metadataHeader);
        } catch (IllegalArgumentException e) {
            throw intake.refuse(400, e.getMessage());
        }
        return metadata.get(TusProtocol.FILE_NAME_KEY);
    }

    private Response.ResponseBuilder finished(PartialUpload upload, VideoId video) {
        return Response.noContent()
                .header(TusProtocol.UPLOAD_OFFSET, upload.length())
                .header(TusProtocol.VIDEO_PAGE, videoPage(video));
    }

    private Response.ResponseBuilder withExpiry(Response.ResponseBuilder answer) {
        return answer.header(TusProtocol.UPLOAD_EXPIRES, TusProtocol.httpDate(uploads.expiresIfIdleFrom(Instant.now())));
    }

    private String videoPage(VideoId video) {
        return UrlPaths.videoPage(request.getContextPath(), video);
    }

    /** What a request does to an upload, holding its lock. */
    @FunctionalInterface
    private interface Change {

        Response apply(PartialUpload upload) throws IOException;
    }

    private static Response unknown() {
        return ApiError.response(404, "there is no such upload: it was finished and has expired, given up, or never started");
    }

    private static Response refusal(UploadRefusedException refused) {
        Response.ResponseBuilder answer = ApiError.builder(refused.status(), refused.getMessage());
        refused.retryAfterSeconds().ifPresent(seconds -> answer.header("Retry-After", seconds));
        return answer.build();
    }
}
