package io.tritontube.web.interfaces.web.upload;

import io.tritontube.web.application.UploadRejectedException;
import io.tritontube.web.application.UploadService;
import io.tritontube.web.application.UploadedFile;
import io.tritontube.web.domain.video.InvalidVideoIdException;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoAlreadyExistsException;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.interfaces.monitoring.SiteMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What both upload endpoints, the form's and the resumable one, share: they hand uploads to
 * {@link UploadService} through here, which turns every refusal into an HTTP status with a
 * message (the same for both), applies the rate limit of {@link UploadThrottle}, and counts
 * accepted and refused uploads in {@link SiteMetrics}.
 */
@ApplicationScoped
public class UploadIntake {

    private static final Logger LOG = Logger.getLogger(UploadIntake.class.getName());

    /** The {@code via} label of uploads sent by the form in one request. */
    public static final String VIA_FORM = "form";

    /** The {@code via} label of uploads sent in resumable chunks. */
    public static final String VIA_RESUMABLE = "resumable";

    @Inject
    UploadService uploads;

    @Inject
    SiteMetrics metrics;

    @Inject
    UploadThrottle throttle;

    /**
     * @return the video, recorded and queued for processing
     * @throws UploadRefusedException 400 bad name or content, 409 name taken, 500 or 503 server trouble
     */
    public Video accept(UploadedFile file, String via) throws UploadRefusedException {
        try {
            Video video = uploads.accept(file);
            metrics.uploadAccepted(via);
            return video;
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "could not take in the upload of " + file.fileName(), e);
            throw refuse(500, "the server could not take in the upload", e);
        } catch (InvalidVideoIdException | UploadRejectedException | VideoAlreadyExistsException
                 | MetadataUnavailableException | RejectedExecutionException e) {
            throw refusalFor(e);
        }
    }

    /**
     * The checks of a resumable upload at its creation ({@link UploadService#checkAnnounced}).
     *
     * @throws UploadRefusedException 400 bad name or empty, 409 name taken, 503 metadata store down
     */
    public VideoId announce(String fileName, long size) throws UploadRefusedException {
        try {
            return uploads.checkAnnounced(fileName, size);
        } catch (InvalidVideoIdException | UploadRejectedException | VideoAlreadyExistsException | MetadataUnavailableException e) {
            throw refusalFor(e);
        }
    }

    /** @throws UploadRefusedException 400 when {@code head} is not the beginning of an MP4 file */
    public void checkBeginning(byte[] head) throws UploadRefusedException {
        try {
            uploads.checkBeginning(head);
        } catch (UploadRejectedException e) {
            throw refuse(400, e.getMessage(), e);
        }
    }

    /**
     * Counts one upload started by {@code clientAddress} against the rate limit.
     *
     * @throws UploadRefusedException 429, with the seconds to wait, when it is over the limit
     */
    public void admit(String clientAddress) throws UploadRefusedException {
        Optional<UploadThrottle.Refusal> overLimit = throttle.admit(clientAddress);
        if (overLimit.isPresent()) {
            metrics.uploadRefused(UploadThrottle.Refusal.STATUS);
            throw new UploadRefusedException(UploadThrottle.Refusal.STATUS, overLimit.get().message(),
                    OptionalLong.of(overLimit.get().retryAfterSeconds()), null);
        }
    }

    /** A refusal the endpoint decided itself (size, form), counted like the others. */
    public UploadRefusedException refuse(int status, String message) {
        return refuse(status, message, null);
    }

    private UploadRefusedException refuse(int status, String message, Throwable cause) {
        metrics.uploadRefused(status);
        return new UploadRefusedException(status, message, OptionalLong.empty(), cause);
    }

    /** The status and message of each way {@link UploadService} can refuse an upload. */
    private UploadRefusedException refusalFor(Exception failure) {
        if (failure instanceof InvalidVideoIdException || failure instanceof UploadRejectedException) {
            return refuse(400, failure.getMessage(), failure);
        }
        if (failure instanceof VideoAlreadyExistsException) {
            return refuse(409, failure.getMessage(), failure);
        }
        if (failure instanceof MetadataUnavailableException) {
            LOG.log(Level.WARNING, "upload refused: metadata store unavailable", failure);
            return refuse(503, MetadataUnavailableException.USER_MESSAGE, failure);
        }
        if (failure instanceof RejectedExecutionException) {
            return refuse(503, "the server is stopping; try again shortly", failure);
        }
        throw new IllegalArgumentException("not a refusal of an upload: " + failure, failure);
    }
}
