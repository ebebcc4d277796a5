/**
 * The storage cluster's use cases: adding and removing storage nodes with a live migration,
 * following ring changes made by other web servers, resuming a migration whose web server died
 * (at the next start, or on another web server once the dead one's runner mark has ended),
 * reporting each node's status, and repairing replicas: those nodes missed while down, the
 * files of videos deleted meanwhile (from the durable repair ledger, and from
 * {@link io.tritontube.web.application.cluster.VideoRecords}: files of a video without a
 * record are deleted, not restored), and stray copies on nodes that do not own them.
 *
 * <p>Unlike the upload use cases these drive the {@code nw} content infrastructure directly
 * ({@link io.tritontube.web.infrastructure.content.nw.RingContentStore} and the storage
 * clients): membership only exists for the storage ring, so a port with a single
 * implementation would only add indirection. The entry point is
 * {@link io.tritontube.web.application.cluster.ClusterMembershipService}; its failures are
 * {@link io.tritontube.web.application.cluster.ClusterMembershipException}s whose reason the
 * admin service maps to gRPC status codes.
 */
package io.tritontube.web.application.cluster;
