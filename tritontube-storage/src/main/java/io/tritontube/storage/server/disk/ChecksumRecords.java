package io.tritontube.storage.server.disk;

import io.tritontube.storage.client.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps, for each stored file, the SHA-256 its write was verified against, so that bytes
 * changed later on disk (bit rot, a partial copy, a hand edit) show as a mismatch instead of
 * being served and copied as if they were good. A file without a record is not suspect: it
 * was written by a reference node or copied in by hand.
 */
interface ChecksumRecords {

    /**
     * Records {@code sha256} for the content of {@code temporary}, which is about to be renamed
     * to {@code target}; once the caller has synced {@code temporary} and its directory, the
     * record is as durable as the content.
     */
    void record(Path temporary, Path target, Sha256 sha256) throws IOException;

    /** The digest recorded for {@code file}, empty when there is none. */
    Optional<Sha256> recordedFor(Path file) throws IOException;

    /** Drops what is kept apart from {@code file} about it, after it was deleted or its write abandoned. */
    void forget(Path file) throws IOException;

    /** Removes the records in {@code videoDirectory} whose file is gone (a crash between the two); returns how many. */
    int removeOrphans(Path videoDirectory) throws IOException;

    static ChecksumRecords of(ChecksumRecording recording) {
        return switch (recording) {
            case EXTENDED_ATTRIBUTE -> new ExtendedAttributeChecksums();
            case SIDECAR_FILE -> new SidecarChecksums();
        };
    }
}
