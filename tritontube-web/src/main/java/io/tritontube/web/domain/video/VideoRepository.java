package io.tritontube.web.domain.video;

import java.util.Optional;

/**
 * Where video metadata lives: SQLite embedded, or etcd in a cluster. Implementations are
 * thread-safe and throw {@link MetadataUnavailableException} when the store cannot answer.
 */
public interface VideoRepository extends AutoCloseable {

    /**
     * Records a new video, atomically: of concurrent creates with one id exactly one
     * succeeds.
     *
     * @throws VideoAlreadyExistsException when the id is taken
     */
    void create(Video video) throws VideoAlreadyExistsException;

    Optional<Video> find(VideoId id);

    /**
     * Replaces the stored record of an existing video (status, progress, error). Does nothing
     * when the video no longer exists: a late progress report must not bring back a video
     * that was deleted meanwhile.
     */
    void update(Video video);

    /**
     * Replaces the stored record only while the stored video is still {@code processing},
     * atomically: how a writer that may race another one reports on, or settles, a video
     * being processed. A server whose claim on a video lapsed ({@link ProcessingClaims}) must
     * not make it ready, nor bring it back to processing, once another server marked it
     * failed; and of two servers marking one video failed, only one removes its files.
     *
     * @return true when the stored record is now {@code video}; false when the video no
     *         longer exists or is already ready or failed
     */
    boolean updateIfProcessing(Video video);

    /** @return true when a record was removed */
    boolean delete(VideoId id);

    /**
     * Videos newest first, one page at a time, never loading more than {@code limit}.
     *
     * @param pageToken  empty for the first page, else a {@link VideoSlice#nextPage()} value
     * @param limit      page size, at least 1
     * @throws InvalidPageTokenException when {@code pageToken} is not one this repository issued
     */
    VideoSlice listNewestFirst(Optional<String> pageToken, int limit);

    /**
     * Like {@link #listNewestFirst}, keeping only the videos that {@code search} matches. A
     * store may bound the work of one page: such a page can hold fewer than {@code limit}
     * videos (even none) and still name a next page, where the search goes on.
     *
     * @param pageToken empty for the first page, else a {@link VideoSlice#nextPage()} value of
     *                  the same search
     * @throws InvalidPageTokenException when {@code pageToken} is not one this repository issued
     */
    VideoSlice searchNewestFirst(IdSearch search, Optional<String> pageToken, int limit);

    @Override
    void close();
}
