/**
 * The daemon's files on disk, in the reference layout {@code BASE_DIR/<videoId>/<fileName>}.
 *
 * <p>This package is the only code that touches the file system, and it trusts no name it is
 * given: every video id and file name is checked here ({@link
 * io.tritontube.storage.server.disk.StoredNames}), and no symbolic link below BASE_DIR is ever
 * followed, so no request can reach outside BASE_DIR. Writes land in a temporary file whose
 * name no real file may have and appear under their final name only complete and verified.
 */
package io.tritontube.storage.server.disk;
