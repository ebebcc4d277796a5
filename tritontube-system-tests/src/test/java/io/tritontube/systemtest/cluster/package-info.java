/**
 * The distributed system for real: etcd, storage daemon processes and web servers on Payara
 * Micro; placement with replicas, live migration, and nodes that die.
 */
package io.tritontube.systemtest.cluster;
