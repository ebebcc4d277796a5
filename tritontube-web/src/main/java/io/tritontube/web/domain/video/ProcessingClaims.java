package io.tritontube.web.domain.video;

/**
 * Which web server is processing which video, so that a video left {@code processing} by a
 * server that died can be told from one that a live server is still working on.
 *
 * <p>A server claims a video before it records it as processing, and releases the claim once
 * the video is ready or failed: a processing record therefore always has a claim, unless its
 * server died. A claim dies with the server that holds it, without that server's help.
 *
 * <p>Thread-safe. Every method throws {@link MetadataUnavailableException} when the store
 * cannot answer; in particular a store that does not answer never reads as "not claimed".
 */
public interface ProcessingClaims extends AutoCloseable {

    /**
     * Claims {@code id} for this server, atomically: of concurrent claims of one id, on any
     * servers, at most one succeeds.
     *
     * @return true when this call took the claim; false when the video is claimed already, by
     *         this server or another
     */
    boolean claim(VideoId id);

    /**
     * Gives back the claim that this server took on {@code id}. Does nothing when this server
     * holds none: a claim another server holds on the same id is never touched.
     */
    void release(VideoId id);

    /** Whether a live server, this one or another, holds a claim on {@code id}. */
    boolean isClaimed(VideoId id);

    /** Gives back every claim this server still holds. */
    @Override
    void close();
}
