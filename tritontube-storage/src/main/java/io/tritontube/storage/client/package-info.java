/**
 * The Java client of a TritonTube storage daemon, used by the web server to store, read,
 * copy and delete the files of videos on the nodes of the ring.
 *
 * <p>One {@link io.tritontube.storage.client.StorageClient} talks to one node over one
 * reused gRPC channel. Bulk transfers stream with flow control on both sides, so neither
 * end ever holds a whole file in memory. Failures are
 * {@link io.tritontube.storage.client.StorageException}s; a node that is down or does not
 * answer in time is a {@link io.tritontube.storage.client.StorageNodeUnavailableException},
 * the signal to fail over to the next replica. "In time" is short for a read's first answer
 * (the first-answer timeout, 2 s by default), so a hung node is given up on quickly, and the
 * answer timeout (10 s) for every later message, so a long transfer runs as long as bytes flow.
 */
package io.tritontube.storage.client;
