package io.tritontube.web.domain.content;

import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the packaged files of videos live: a local directory, or the storage daemons of the
 * ring. Implementations are thread-safe and blocking; callers that want parallelism run
 * several calls on an executor.
 */
public interface ContentStore extends AutoCloseable {

    /**
     * Stores {@code source}'s bytes under {@code key}, atomically: readers see the old state
     * or the whole new file, never a part.
     */
    void put(ContentKey key, Path source) throws IOException;

    /**
     * Opens a range of a stored file, or empty when there is no such file. The range is cut
     * at the end of the file: a range that starts at or past the end opens with an empty
     * stream, so callers can compare it with {@link StoredContent#fileSize()} (HTTP 416).
     */
    Optional<StoredContent> open(ContentKey key, ByteRange range) throws IOException;

    /** Removes every file of a video; removing a video with no files is not an error. */
    void deleteVideo(VideoId videoId) throws IOException;

    @Override
    void close();
}
