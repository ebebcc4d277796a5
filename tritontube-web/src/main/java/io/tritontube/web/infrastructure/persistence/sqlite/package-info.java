/**
 * Video metadata in one embedded SQLite file: the default for a single web server, and the
 * reference's {@code sqlite PATH} kind.
 */
package io.tritontube.web.infrastructure.persistence.sqlite;
