package io.tritontube.storage.client;

import java.util.Objects;
import java.util.Optional;

/**
 * One file a node holds, as its node sees it now.
 *
 * @param sha256         the digest of its bytes on disk, computed by the node for this answer
 * @param recordedSha256 the digest the node verified and recorded when the file was written;
 *                       empty for a file written without one (by a reference node, or by hand)
 */
public record FileStat(String videoId, String fileName, long size, Sha256 sha256, Optional<Sha256> recordedSha256) {

    public FileStat {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(recordedSha256, "recordedSha256");
    }

    /**
     * False when the bytes changed since the file was written (flipped, truncated, overwritten
     * behind the daemon's back): such a copy is corrupt whatever other copies say. A file
     * without a recorded digest cannot be judged on its own, so it counts as intact.
     */
    public boolean intact() {
        return recordedSha256.map(sha256::equals).orElse(true);
    }
}
