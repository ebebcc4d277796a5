package io.tritontube.web.interfaces.admin;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.web.application.cluster.ClusterMembershipService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web server's admin endpoint: the reference's {@code VideoContentAdminService} and our
 * {@code ClusterAdminService}, on the address the nw option names first. It binds exactly
 * that host, so {@code localhost:3343} is reachable from this machine only; the token check
 * and TLS apply when configured.
 */
public final class AdminGrpcServer {

    private static final Logger LOG = Logger.getLogger(AdminGrpcServer.class.getName());

    private final Server server;

    private AdminGrpcServer(Server server) {
        this.server = server;
    }

    /**
     * Binds {@code host:port} (port 0: any free port) and starts serving.
     *
     * @throws IOException when the address cannot be bound or the TLS files cannot be read
     */
    public static AdminGrpcServer start(String host, int port, ClusterMembershipService membership,
                                        GrpcSecuritySettings security) throws IOException {
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port), security.serverCredentials())
                .addService(ServerInterceptors.intercept(new VideoContentAdminGrpcService(membership),
                        security.serverInterceptors()))
                .addService(ServerInterceptors.intercept(new ClusterAdminGrpcService(membership),
                        security.serverInterceptors()))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new IOException("cannot serve the admin service on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        AdminGrpcServer started = new AdminGrpcServer(server);
        LOG.log(Level.INFO, "Admin gRPC service listening on {0}:{1} ({2})",
                new Object[] {host, String.valueOf(started.port()), security});
        return started;
    }

    /** The port bound: the one asked for, or the one chosen when that was 0. */
    public int port() {
        return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
    }

    /**
     * Stops taking calls and lets running ones finish for up to {@code grace} (a membership
     * change keeps running on its own; only its reply is lost), then cuts the connections.
     */
    public void stop(Duration grace) {
        server.shutdown();
        try {
            if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "Admin calls still running after {0}; cancelling them", grace);
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
    }
}
