package io.tritontube.storage.client;

/** One file a node holds, with the digest of its bytes on disk, as computed by the node. */
public record FileStat(String videoId, String fileName, long size, Sha256 sha256) {
}
