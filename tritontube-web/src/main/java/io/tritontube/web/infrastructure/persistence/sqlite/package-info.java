/**
 * Video metadata, the ring's membership and the repair ledger in one embedded SQLite file: the
 * default for a single web server, and the reference's {@code sqlite PATH} kind. Its processing
 * claims live in the server's memory
 * ({@link io.tritontube.web.infrastructure.persistence.sqlite.LocalProcessingClaims}), since no
 * other server shares the file.
 */
package io.tritontube.web.infrastructure.persistence.sqlite;
