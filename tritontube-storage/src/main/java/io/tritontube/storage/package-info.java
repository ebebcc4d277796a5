/**
 * The TritonTube storage daemon's entry point, {@link io.tritontube.storage.StorageDaemon}:
 * the reference command line {@code [-host H] [-port P] BASE_DIR} plus the shared gRPC
 * security flags. The server is in {@code server}, the client library in {@code client}.
 */
package io.tritontube.storage;
