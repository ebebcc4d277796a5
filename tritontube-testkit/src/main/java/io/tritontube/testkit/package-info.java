/**
 * Harnesses that tests share to run the real thing instead of mocks: {@link
 * io.tritontube.testkit.EtcdCluster} starts a real multi-member etcd cluster from Debian's
 * binary on free loopback ports; {@link io.tritontube.testkit.FreePorts}, {@link
 * io.tritontube.testkit.ProcessLogs} and {@link io.tritontube.testkit.TempFolders} help any
 * harness that runs child processes.
 *
 * <p>Used in test scope only, by tritontube-web and tritontube-system-tests.
 */
package io.tritontube.testkit;
