/**
 * The storage cluster: node addresses, the stored membership of the ring and the
 * migration in progress, the repository that keeps them, the repair ledger (what the
 * repair pass still owes the nodes), and the mark of the web server running a migration.
 */
package io.tritontube.web.domain.cluster;
