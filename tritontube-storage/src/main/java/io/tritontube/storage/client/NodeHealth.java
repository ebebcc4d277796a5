package io.tritontube.storage.client;

/** What a live node reports about itself. */
public record NodeHealth(String baseDir, long fileCount, long totalBytes, long freeBytes) {
}
