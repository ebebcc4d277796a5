package io.tritontube.storage.server.disk;

/** How many files a node holds and how many bytes they take, temporary files excluded. */
public record DiskTotals(long fileCount, long totalBytes) {
}
