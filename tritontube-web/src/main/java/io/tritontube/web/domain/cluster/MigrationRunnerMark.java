package io.tritontube.web.domain.cluster;

/**
 * Which web server runs the membership change stored in the ring's state, so that a migration
 * left behind by a server that died can be told from one a live server is still running, and
 * taken over by another server.
 *
 * <p>A server takes the mark before it stores a migration (or resumes one) and gives it back
 * once the migration is gone from the state: a stored migration therefore always has a marked
 * runner, unless that server died. The mark dies with the server that holds it, without that
 * server's help (in etcd, with its lease; in SQLite, whose file belongs to one server, with the
 * process's memory).
 *
 * <p>Thread-safe. Calls throw a runtime exception when the store does not answer
 * ({@link io.tritontube.web.domain.video.MetadataUnavailableException} for etcd); a store that
 * does not answer is never read as "no runner".
 */
public interface MigrationRunnerMark extends AutoCloseable {

    /**
     * Marks this server as the runner, atomically: of concurrent calls, on any servers, at most
     * one succeeds.
     *
     * @return false when a live server, this one or another, holds the mark already
     */
    boolean take();

    /** Whether a live server, this one or another, holds the mark. */
    boolean isHeld();

    /** Gives back the mark this server holds; does nothing when it holds none. */
    void release();

    /** Gives back the mark if this server holds it, and stops keeping it alive. */
    @Override
    void close();
}
