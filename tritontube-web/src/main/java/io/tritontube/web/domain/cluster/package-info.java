/**
 * The storage cluster: node addresses, the stored membership of the ring and the
 * migration in progress, the repository that keeps them, and the repair ledger (what the
 * repair pass still owes the nodes).
 */
package io.tritontube.web.domain.cluster;
