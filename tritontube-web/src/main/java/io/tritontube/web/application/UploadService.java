package io.tritontube.web.application;

import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.MediaInspector;
import io.tritontube.web.application.media.UnreadableMediaException;
import io.tritontube.web.domain.video.InvalidVideoIdException;
import io.tritontube.web.domain.video.ProcessingClaims;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoAlreadyExistsException;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts an upload: checks it, claims it for this server ({@link ProcessingClaims}), records
 * the video as {@code processing} and hands it to {@link VideoProcessingService}. Returns in
 * well under a second whatever the video's length: the only tool it runs is ffprobe, which
 * reads headers. A rejected upload leaves no record, claim or file behind.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class.getName());

    /** How many leading bytes {@link #checkBeginning} looks at. */
    public static final int BEGINNING_LENGTH = Mp4Signature.LENGTH;

    @Inject
    VideoRepository videos;

    @Inject
    MediaInspector inspector;

    @Inject
    ProcessingClaims claims;

    @Inject
    VideoProcessingService processing;

    @Inject
    WorkArea workArea;

    /**
     * @return the video as recorded, status {@code processing}
     * @throws InvalidVideoIdException when the file name gives no valid id
     * @throws UploadRejectedException when the file is empty, not MP4, unreadable or has no video
     * @throws VideoAlreadyExistsException when a video with the same id exists
     * @throws RejectedExecutionException when the server is stopping
     * @throws IOException when the server could not move the file or run ffprobe
     */
    public Video accept(UploadedFile upload) throws UploadRejectedException, VideoAlreadyExistsException, IOException {
        VideoId id = checkNameAndSize(upload.fileName(), upload.size());
        checkBeginning(firstBytes(upload));
        Path uploadFile = workArea.newUploadFile();
        boolean handedOver = false;
        try {
            upload.moveTo(uploadFile);
            MediaInfo media = inspect(uploadFile);
            Video video = Video.accepted(id, Instant.now().truncatedTo(ChronoUnit.MILLIS), media.format());
            claimAndCreate(video);
            submit(video, uploadFile, media);
            handedOver = true;
            LOG.log(Level.INFO, "accepted video {0} ({1} bytes)", new Object[] {id, upload.size()});
            return video;
        } finally {
            if (!handedOver) {
                Files.deleteIfExists(uploadFile);
            }
        }
    }

    /**
     * The checks an upload can pass before its bytes arrive, which a resumable upload runs when
     * it is announced: the same answers as {@link #accept}, so that nobody sends gigabytes only
     * to learn that the name was taken. {@link #accept} checks the id again, atomically.
     *
     * @return the id the upload will get
     * @throws InvalidVideoIdException when the file name gives no valid id
     * @throws UploadRejectedException when there is no name or the size is 0
     * @throws VideoAlreadyExistsException when a video with the same id exists now
     */
    public VideoId checkAnnounced(String fileName, long size) throws UploadRejectedException, VideoAlreadyExistsException {
        VideoId id = checkNameAndSize(fileName, size);
        if (videos.find(id).isPresent()) {
            throw new VideoAlreadyExistsException(id);
        }
        return id;
    }

    /**
     * The check of an upload's first bytes, which a resumable upload runs as soon as they arrive.
     *
     * @param head at least the first {@value #BEGINNING_LENGTH} bytes, or the whole file when shorter
     * @throws UploadRejectedException when they are not the beginning of an MP4 file
     */
    public void checkBeginning(byte[] head) throws UploadRejectedException {
        if (!Mp4Signature.matches(head)) {
            throw new UploadRejectedException("the file is not an MP4 video (it does not start with an ISO-BMFF 'ftyp' box)");
        }
    }

    private static VideoId checkNameAndSize(String fileName, long size) throws UploadRejectedException {
        if (fileName == null || fileName.isEmpty()) {
            throw new UploadRejectedException("no file was chosen");
        }
        VideoId id = VideoId.fromFileName(fileName);
        if (size == 0) {
            throw new UploadRejectedException("the file is empty");
        }
        return id;
    }

    private static byte[] firstBytes(UploadedFile upload) throws IOException {
        try (InputStream in = upload.openStream()) {
            return in.readNBytes(BEGINNING_LENGTH);
        }
    }

    private MediaInfo inspect(Path uploadFile) throws UploadRejectedException, IOException {
        String damage = Mp4BoxLayout.problemWith(uploadFile);
        if (damage != null) {
            throw new UploadRejectedException("the MP4 file is damaged: " + damage);
        }
        MediaInfo media;
        try {
            media = inspector.inspect(uploadFile);
        } catch (UnreadableMediaException e) {
            throw new UploadRejectedException(e.getMessage());
        }
        if (!media.hasVideo()) {
            throw new UploadRejectedException("the MP4 file has no video stream");
        }
        return media;
    }

    /**
     * Claims the video for this server, then records it: no server's recovery may ever see it
     * processing and unclaimed ({@link InterruptedProcessingRecovery}). A record refused gives
     * the claim back at once; an id claimed already is being uploaded or processed right now,
     * here or on another server, so it is taken.
     */
    private void claimAndCreate(Video video) throws VideoAlreadyExistsException {
        if (!claims.claim(video.id())) {
            throw new VideoAlreadyExistsException(video.id());
        }
        try {
            videos.create(video);
        } catch (VideoAlreadyExistsException | RuntimeException e) {
            claims.release(video.id());
            throw e;
        }
    }

    /** Hands over (processing releases the claim when done), or takes record and claim back to free the id again. */
    private void submit(Video video, Path uploadFile, MediaInfo media) {
        try {
            processing.submit(video, uploadFile, media);
        } catch (RejectedExecutionException e) {
            videos.delete(video.id());
            claims.release(video.id());
            throw e;
        }
    }
}
