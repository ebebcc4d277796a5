package io.tritontube.systemtest.support;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.tritontube.grpc.security.BearerTokenCredentials;
import io.tritontube.proto.admin.VideoContentAdminServiceGrpc;
import io.tritontube.proto.cluster.ClusterAdminServiceGrpc;
import io.tritontube.testkit.EtcdCluster;
import io.tritontube.testkit.FreePorts;
import io.tritontube.testkit.PayaraMicroServer;
import io.tritontube.testkit.StorageDaemonProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The whole distributed system, for real: a 3-member etcd cluster, storage daemon processes,
 * and web servers in {@code etcd} + {@code nw} mode on Payara Micro, each with its admin gRPC
 * service. A client of the reference admin contract talks to it as the old CLI did.
 */
public final class Cluster implements AutoCloseable {

    public static final int REPLICAS = 2;

    private final Path workDir;
    private final EtcdCluster etcd;
    private final List<StorageDaemonProcess> daemons = new ArrayList<>();
    private final List<WebServer> webServers = new ArrayList<>();
    private final List<ManagedChannel> channels = new ArrayList<>();

    private final Map<String, String> extraSettings;
    /** The shared secret every daemon and web server of this cluster requires; null for none. */
    private final String token;

    private Cluster(Path workDir, EtcdCluster etcd, Map<String, String> extraSettings, String token) {
        this.workDir = workDir;
        this.etcd = etcd;
        this.extraSettings = Map.copyOf(extraSettings);
        this.token = token;
    }

    /** etcd, {@code nodes} storage daemons, and one web server whose ring starts with those nodes. */
    public static Cluster start(String name, int nodes) {
        return start(name, nodes, Map.of());
    }

    /** As {@link #start(String, int)}, the web servers also given {@code extraSettings}. */
    public static Cluster start(String name, int nodes, Map<String, String> extraSettings) {
        return start(name, nodes, extraSettings, null);
    }

    /**
     * As {@link #start(String, int)}, with {@code token} required by every storage daemon and by
     * the admin service, and passed by the web servers and by this cluster's admin stubs.
     */
    public static Cluster startSecured(String name, int nodes, String token) {
        return start(name, nodes, Map.of("tritontube.grpc.token", token), token);
    }

    private static Cluster start(String name, int nodes, Map<String, String> extraSettings, String token) {
        Path workDir = SystemTestDirs.fresh(name);
        Cluster cluster = new Cluster(workDir, EtcdCluster.start(), extraSettings, token);
        try {
            for (int i = 0; i < nodes; i++) {
                cluster.startStorageNode();
            }
            cluster.startWebServer();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** A new storage daemon, not yet in the ring, requiring the cluster's token if it has one. */
    public StorageDaemonProcess startStorageNode() {
        return token == null ? startStorageNode(new String[0]) : startStorageNode("--token", token);
    }

    /** A new storage daemon, not yet in the ring, started with {@code extraArgs} (such as {@code --token}). */
    public StorageDaemonProcess startStorageNode(String... extraArgs) {
        StorageDaemonProcess daemon = StorageDaemonProcess.start(workDir, extraArgs);
        daemons.add(daemon);
        return daemon;
    }

    /**
     * A web server on the shared etcd. Its nw list names the first storage daemons started; a
     * server that finds a ring stored in etcd uses that one instead.
     */
    public WebServer startWebServer() {
        return startWebServer(PayaraMicroServer::start);
    }

    /**
     * Like {@link #startWebServer()}, but also returns when the site answers 503: for a web
     * server started while etcd is down.
     */
    public WebServer startWebServerAnswering() {
        return startWebServer(PayaraMicroServer::startAnswering);
    }

    /** How a web server's Payara is started and awaited. */
    @FunctionalInterface
    private interface Launcher {
        PayaraMicroServer start(String name, Path workDir, Map<String, String> settings);
    }

    private WebServer startWebServer(Launcher launcher) {
        int index = webServers.size();
        String adminAddress = "127.0.0.1:" + FreePorts.pick();
        String nodes = daemons.stream().map(StorageDaemonProcess::address).collect(Collectors.joining(","));
        Map<String, String> settings = new HashMap<>(extraSettings);
        settings.putAll(Map.of(
                "tritontube.metadata.kind", "etcd",
                "tritontube.metadata.options", etcd.clientEndpoints(),
                "tritontube.content.kind", "nw",
                "tritontube.content.options", adminAddress + "," + nodes,
                "tritontube.ring.replicas", Integer.toString(REPLICAS)));
        PayaraMicroServer server = launcher.start("web-" + index, workDir.resolve("web-" + index), settings);
        ManagedChannel channel = ManagedChannelBuilder.forTarget(adminAddress).usePlaintext().build();
        channels.add(channel);
        var admin = VideoContentAdminServiceGrpc.newBlockingStub(channel);
        var clusterAdmin = ClusterAdminServiceGrpc.newBlockingStub(channel);
        if (token != null) {
            admin = admin.withCallCredentials(new BearerTokenCredentials(token));
            clusterAdmin = clusterAdmin.withCallCredentials(new BearerTokenCredentials(token));
        }
        WebServer web = new WebServer(new SiteClient(server), adminAddress, admin, clusterAdmin);
        webServers.add(web);
        return web;
    }

    /** The {@code index}th web server started, the first being the one {@link #start} made. */
    public WebServer web(int index) {
        return webServers.get(index);
    }

    public EtcdCluster etcd() {
        return etcd;
    }

    public List<StorageDaemonProcess> storageNodes() {
        return List.copyOf(daemons);
    }

    /** The daemons' files of one video, node by node, as they are on disk. */
    public Map<String, List<String>> filesByNode(String videoId) {
        return daemons.stream().collect(Collectors.toMap(StorageDaemonProcess::address, d -> d.filesOf(videoId)));
    }

    @Override
    public void close() {
        channels.forEach(channel -> {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        webServers.forEach(web -> web.site().server().close());
        daemons.forEach(StorageDaemonProcess::close);
        etcd.close();
    }

    /** One web server of the cluster: its site, and its admin service as the reference CLI saw it. */
    public record WebServer(SiteClient site, String adminAddress,
                            VideoContentAdminServiceGrpc.VideoContentAdminServiceBlockingStub admin,
                            ClusterAdminServiceGrpc.ClusterAdminServiceBlockingStub clusterAdmin) {
    }
}
