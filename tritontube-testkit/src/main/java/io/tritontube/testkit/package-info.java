/**
 * Harnesses that tests share to run the real thing instead of mocks: {@link
 * io.tritontube.testkit.EtcdCluster} starts a real multi-member etcd cluster from Debian's
 * binary on free loopback ports, and {@link io.tritontube.testkit.FreePorts} and {@link
 * io.tritontube.testkit.ProcessLogs} help any harness that runs child processes.
 *
 * <p>Used in test scope only, by tritontube-web and tritontube-system-tests.
 */
package io.tritontube.testkit;
