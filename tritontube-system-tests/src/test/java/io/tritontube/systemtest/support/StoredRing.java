package io.tritontube.systemtest.support;

import io.tritontube.testkit.EtcdCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ring membership as the web servers stored it in etcd (key {@value #KEY}), read with
 * {@code etcdctl} as an operator would: independent of any web server, so it can be read while
 * none runs.
 *
 * @param nodes     the nodes of the ring that serves
 * @param migrating whether a membership change is stored as under way
 */
public record StoredRing(List<String> nodes, boolean migrating) {

    public static final String KEY = "/tritontube/cluster/state";

    /** The top-level node list; the migration's own lists are {@code "fromNodes"} and {@code "toNodes"}. */
    private static final Pattern NODES = Pattern.compile("\"nodes\"\\s*:\\s*\\[([^\\]]*)]");
    private static final Pattern MIGRATION = Pattern.compile("\"migration\"\\s*:");

    /** What {@code etcd} holds now; fails when nothing is stored. */
    public static StoredRing in(EtcdCluster etcd) {
        String json = etcdctlGet(etcd, KEY);
        Matcher nodes = NODES.matcher(json);
        if (!nodes.find()) {
            throw new AssertionError("no ring stored under " + KEY + " in " + etcd + ": '" + json + "'");
        }
        List<String> addresses = Arrays.stream(nodes.group(1).split(","))
                .map(node -> node.strip().replace("\"", ""))
                .filter(node -> !node.isEmpty())
                .toList();
        return new StoredRing(addresses, MIGRATION.matcher(json).find());
    }

    private static String etcdctlGet(EtcdCluster etcd, String key) {
        ProcessBuilder etcdctl = new ProcessBuilder("etcdctl", "--endpoints=" + etcd.clientEndpoints(),
                "--command-timeout=5s", "get", key, "--print-value-only").redirectErrorStream(true);
        etcdctl.environment().put("ETCDCTL_API", "3");
        try {
            Process process = etcdctl.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("etcdctl get " + key + " failed: " + output);
            }
            return output.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run etcdctl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + key, e);
        }
    }
}
