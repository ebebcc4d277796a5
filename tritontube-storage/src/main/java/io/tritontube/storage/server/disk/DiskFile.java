package io.tritontube.storage.server.disk;

/** One stored file as found on disk. */
public record DiskFile(String videoId, String fileName, long size) {
}
