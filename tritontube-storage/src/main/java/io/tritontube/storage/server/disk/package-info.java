/**
 * The daemon's files on disk, in the reference layout {@code BASE_DIR/<videoId>/<fileName>}.
 *
 * <p>This package is the only code that touches the file system, and it trusts no name it is
 * given: every video id and file name is checked here ({@link
 * io.tritontube.storage.server.disk.StoredNames}), and no symbolic link below BASE_DIR is ever
 * followed, so no request can reach outside BASE_DIR. Writes land in a temporary file whose
 * name no real file may have and appear under their final name only complete and verified.
 *
 * <p>The SHA-256 a write was verified against is recorded with the file ({@link
 * io.tritontube.storage.server.disk.ChecksumRecording}: a user extended attribute, or a hidden
 * sidecar file where the file system has none), so a copy whose bytes later change on disk is
 * known to be corrupt on its own, without comparing it with other copies. Files without a
 * record (put there by a reference node or by hand) are taken as they are.
 */
package io.tritontube.storage.server.disk;
