/**
 * The storage daemon's gRPC side: {@link io.tritontube.storage.server.StorageServer} owns the
 * listening server and its graceful shutdown, {@link io.tritontube.storage.server.StorageService}
 * implements {@code tritontube.storage.v1.StorageService} on top of the
 * {@link io.tritontube.storage.server.disk.StorageDirectory}. Transfers stream with flow
 * control both ways, so the daemon's memory does not grow with file sizes or file counts.
 */
package io.tritontube.storage.server;
