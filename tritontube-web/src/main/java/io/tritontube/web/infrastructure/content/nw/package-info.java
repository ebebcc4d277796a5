/**
 * The {@code nw} content kind: video files on the storage daemons, placed by the
 * consistent-hash ring with replicas.
 *
 * <ul>
 *   <li>{@link io.tritontube.web.infrastructure.content.nw.RingContentStore}: parallel writes to
 *       every replica (a down node is tolerated and remembered for repair), reads that fail over
 *       between replicas even in the middle of a stream, and an atomically swapped placement.
 *       Until its first placement (the ring's membership loaded) it refuses everything with
 *       {@link io.tritontube.web.infrastructure.content.nw.RingNotLoadedException}.</li>
 *   <li>{@link io.tritontube.web.infrastructure.content.nw.BufferedRepairLedger}: the repair
 *       ledger as the store records in it, never failing an upload or a delete.</li>
 *   <li>{@link io.tritontube.web.infrastructure.content.nw.StorageNodeClients}: one client, hence
 *       one gRPC channel, per node, and the note of which nodes hang (silent: a call waited out
 *       its deadline), so reads ask them last and uploads do not wait for them until they answer
 *       again ({@link io.tritontube.web.infrastructure.content.nw.SilentNodes},
 *       {@link io.tritontube.web.infrastructure.content.nw.ReplicaWrites}).</li>
 *   <li>{@link io.tritontube.web.infrastructure.content.nw.StorageRing}: the CDI bean that assembles
 *       the kind from the settings, the nw option {@code "ADMIN_HOST:PORT,NODE1,..."}
 *       ({@link io.tritontube.web.infrastructure.content.nw.NetworkContentOptions}) and the
 *       membership repository.</li>
 * </ul>
 */
package io.tritontube.web.infrastructure.content.nw;
