package io.tritontube.storage.client;

/** One file a node holds, as listed: where it is and how big. */
public record StoredFile(String videoId, String fileName, long size) {
}
