package io.tritontube.web.application;

import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.MediaInspector;
import io.tritontube.web.application.media.UnreadableMediaException;
import io.tritontube.web.domain.video.InvalidVideoIdException;
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
 * Accepts an upload: checks it, records the video as {@code processing} and hands it to
 * {@link VideoProcessingService}. Returns in well under a second whatever the video's
 * length: the only tool it runs is ffprobe, which reads headers. A rejected upload leaves
 * no record and no file behind.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class.getName());

    @Inject
    VideoRepository videos;

    @Inject
    MediaInspector inspector;

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
        if (upload.fileName() == null || upload.fileName().isEmpty()) {
            throw new UploadRejectedException("no file was chosen");
        }
        VideoId id = VideoId.fromFileName(upload.fileName());
        if (upload.size() == 0) {
            throw new UploadRejectedException("the file is empty");
        }
        if (!startsLikeMp4(upload)) {
            throw new UploadRejectedException("the file is not an MP4 video (it does not start with an ISO-BMFF 'ftyp' box)");
        }
        Path uploadFile = workArea.newUploadFile();
        boolean handedOver = false;
        try {
            upload.moveTo(uploadFile);
            MediaInfo media = inspect(uploadFile);
            Video video = Video.accepted(id, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            videos.create(video);
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

    private static boolean startsLikeMp4(UploadedFile upload) throws IOException {
        try (InputStream in = upload.openStream()) {
            return Mp4Signature.matches(in.readNBytes(Mp4Signature.LENGTH));
        }
    }

    private MediaInfo inspect(Path uploadFile) throws UploadRejectedException, IOException {
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

    /** Hands over, or takes the record back so that the id is free again. */
    private void submit(Video video, Path uploadFile, MediaInfo media) {
        try {
            processing.submit(video, uploadFile, media);
        } catch (RejectedExecutionException e) {
            videos.delete(video.id());
            throw e;
        }
    }
}
