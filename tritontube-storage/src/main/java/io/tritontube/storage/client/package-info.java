/**
 * The Java client of a TritonTube storage daemon, used by the web server to store, read,
 * copy and delete the files of videos on the nodes of the ring.
 *
 * <p>One {@link io.tritontube.storage.client.StorageClient} talks to one node over one
 * reused gRPC channel. Bulk transfers stream with flow control on both sides, so neither
 * end ever holds a whole file in memory. Failures are
 * {@link io.tritontube.storage.client.StorageException}s; a node that is down or does not
 * answer in time is a {@link io.tritontube.storage.client.StorageNodeUnavailableException},
 * the signal to fail over to the next replica.
 */
package io.tritontube.storage.client;
