/**
 * Video metadata, the ring's membership and the repair ledger in one embedded SQLite file: the
 * default for a single web server, and the reference's {@code sqlite PATH} kind. Its processing
 * claims and migration runner mark live in the server's memory
 * ({@link io.tritontube.web.infrastructure.persistence.sqlite.LocalProcessingClaims},
 * {@link io.tritontube.web.infrastructure.persistence.sqlite.LocalMigrationRunnerMark}), since no
 * other server shares the file.
 */
package io.tritontube.web.infrastructure.persistence.sqlite;
