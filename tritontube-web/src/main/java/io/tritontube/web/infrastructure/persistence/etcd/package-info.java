/**
 * Video metadata and the ring's membership in a real etcd cluster, for several web servers
 * that serve one site: the {@code etcd "h1:p1,h2:p2,h3:p3"} metadata kind.
 *
 * <p>One {@link io.tritontube.web.infrastructure.persistence.etcd.EtcdConnection} (the jetcd
 * client, created once from the endpoints) is shared by
 * {@link io.tritontube.web.infrastructure.persistence.etcd.EtcdVideoRepository},
 * {@link io.tritontube.web.infrastructure.persistence.etcd.EtcdProcessingClaims},
 * {@link io.tritontube.web.infrastructure.persistence.etcd.EtcdClusterStateRepository},
 * {@link io.tritontube.web.infrastructure.persistence.etcd.EtcdMigrationRunnerMark} and
 * {@link io.tritontube.web.infrastructure.persistence.etcd.EtcdRepairLedger}; it awaits
 * every call on the caller's thread with a timeout and never blocks a Vert.x event loop.
 *
 * <p>Key layout under the prefix ({@code /tritontube/} by default; docs/etcd-keys.md has more):
 * <pre>
 * /tritontube/videos/&lt;id&gt;                                  video record, JSON
 * /tritontube/videos-by-time/&lt;19-digit inverted millis&gt;/&lt;id&gt;  newest-first index entry, empty value
 * /tritontube/cluster/state                                  ring membership and migration, JSON
 * /tritontube/cluster/migration-runner                       the server running the migration, JSON, under a lease
 * /tritontube/repair/missed-writes/&lt;node&gt;                  a node that missed writes, empty value
 * /tritontube/repair/unfinished-deletes/&lt;node&gt;/&lt;id&gt;        a deleted video's files still on a node, empty value
 * /tritontube/processing-claims/&lt;id&gt;                       the server processing the video, JSON, under its lease
 * </pre>
 * The inverted time is {@code Long.MAX_VALUE - uploadedAt.toEpochMilli()}, zero-padded, so that
 * etcd's ascending key order lists newest first and a page is a bounded range read.
 */
package io.tritontube.web.infrastructure.persistence.etcd;
