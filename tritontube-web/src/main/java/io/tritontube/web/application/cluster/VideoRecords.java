package io.tritontube.web.application.cluster;

import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.VideoId;

/**
 * Whether a video has a metadata record, as the repair pass asks it of every video it finds
 * files of. An upload records its video before it stores any file and a delete removes the
 * record before the files, so files whose video has no record are left over from a delete:
 * repair deletes them rather than restoring their replicas.
 */
@FunctionalInterface
public interface VideoRecords {

    /** @throws MetadataUnavailableException when the metadata store cannot answer now */
    boolean exists(VideoId video);
}
