package io.tritontube.storage.server.disk;

/**
 * Where a node keeps the SHA-256 it verified when each file was written. {@link
 * StorageDirectory#open(java.nio.file.Path)} picks {@link #EXTENDED_ATTRIBUTE} when BASE_DIR's
 * file system takes user extended attributes, {@link #SIDECAR_FILE} otherwise.
 */
public enum ChecksumRecording {

    /**
     * A user extended attribute of the file itself, set on the temporary file before the
     * rename that publishes it: the record and the bytes appear together, and go together.
     */
    EXTENDED_ATTRIBUTE,

    /**
     * A hidden file beside the stored one, made durable before the stored file is renamed into
     * place; for file systems without user extended attributes (some tmpfs, NFS, FAT).
     */
    SIDECAR_FILE
}
