/**
 * The admin gRPC endpoint of the web server, at the first address of the nw option: the
 * reference's {@code tritontube.VideoContentAdminService} (AddNode, RemoveNode, ListNodes,
 * wire-compatible with any client generated from the reference's file) and our
 * {@code ClusterAdminService} (Status, Repair). Thin: each call delegates to
 * {@link io.tritontube.web.application.cluster.ClusterMembershipService} and maps its refusals to
 * status codes: INVALID_ARGUMENT (not host:port), ALREADY_EXISTS, NOT_FOUND, FAILED_PRECONDITION
 * (node not answering, last node, files would be lost), ABORTED (another change is running, or
 * the migration failed and was rolled back), UNAUTHENTICATED (wrong or missing token).
 */
package io.tritontube.web.interfaces.admin;
