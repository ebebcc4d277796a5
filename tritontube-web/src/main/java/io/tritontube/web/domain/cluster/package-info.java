/**
 * The storage cluster: node addresses, the stored membership of the ring and the
 * migration in progress, and the repository that keeps them.
 */
package io.tritontube.web.domain.cluster;
