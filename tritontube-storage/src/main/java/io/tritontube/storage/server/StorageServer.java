package io.tritontube.storage.server;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.storage.server.disk.StorageDirectory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daemon's gRPC server: binds one address, serves one {@link StorageDirectory}, and stops
 * gracefully (calls in flight may finish for a grace period, then are cancelled; a cancelled
 * write never appears under its final name).
 */
public final class StorageServer {

    private static final Logger LOG = Logger.getLogger(StorageServer.class.getName());

    /**
     * Per message, not per file: files stream in chunks (256 KiB from our client), so this only
     * bounds what one chunk of another client may be. gRPC's own default, stated on purpose.
     */
    static final int MAX_INBOUND_MESSAGE_BYTES = 4 * 1024 * 1024;

    /** Our clients ping every 20 s to detect dead peers; allow that without GOAWAY. */
    private static final Duration PERMITTED_KEEPALIVE = Duration.ofSeconds(10);
    private static final Duration AFTER_CANCEL_WAIT = Duration.ofSeconds(5);

    private final StorageDirectory directory;
    private final Server server;

    public StorageServer(String host, int port, StorageDirectory directory, GrpcSecuritySettings security)
            throws IOException {
        this.directory = directory;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port), security.serverCredentials())
                .addService(StorageService.definition(directory, security))
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .permitKeepAliveTime(PERMITTED_KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    /** Removes what a previous crash left behind, then starts listening. */
    public StorageServer start() throws IOException {
        int leftovers = directory.removeLeftovers();
        if (leftovers > 0) {
            LOG.log(Level.INFO, "Removed {0} files left by interrupted writes and deletes", leftovers);
        }
        server.start();
        return this;
    }

    /** The port actually bound: differs from the one asked for when that was 0. */
    public int port() {
        return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
    }

    /**
     * Stops accepting calls, lets those in flight run for up to {@code grace}, then cancels
     * the rest. Returns once the server has terminated (or a few seconds after cancelling).
     */
    public void stop(Duration grace) throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.log(Level.WARNING, "Calls still running after {0}; cancelling them", grace);
            server.shutdownNow();
            server.awaitTermination(AFTER_CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public void blockUntilShutdown() throws InterruptedException {
        server.awaitTermination();
    }
}
