package io.tritontube.admin.connection;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.tritontube.admin.argument.HostPort;
import io.tritontube.proto.admin.VideoContentAdminServiceGrpc;
import io.tritontube.proto.admin.VideoContentAdminServiceGrpc.VideoContentAdminServiceBlockingStub;
import io.tritontube.proto.cluster.ClusterAdminServiceGrpc;
import io.tritontube.proto.cluster.ClusterAdminServiceGrpc.ClusterAdminServiceBlockingStub;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gRPC channel of one CLI invocation, closed when the command ends. Every stub it hands out carries the
 * deadline, counted from the moment the stub is made, so a command asks for its stub right before its call.
 */
public final class AdminConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AdminConnection.class.getName());
    /** After the RPC has answered nothing is in flight, so the channel closes at once; this only bounds a bug. */
    private static final long SHUTDOWN_GRACE_SECONDS = 5;

    private final ManagedChannel channel;
    private final Duration deadline;

    private AdminConnection(ManagedChannel channel, Duration deadline) {
        this.channel = channel;
        this.deadline = deadline;
    }

    static AdminConnection open(HostPort server, ChannelCredentials credentials, Duration deadline) {
        ManagedChannel channel = Grpc.newChannelBuilderForAddress(server.host(), server.port(), credentials)
                .userAgent("tritontube-admin")
                .build();
        return new AdminConnection(channel, deadline);
    }

    /** The reference's service: AddNode, RemoveNode, ListNodes. */
    public VideoContentAdminServiceBlockingStub videoContentAdmin() {
        return VideoContentAdminServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Our additions: Status and Repair. */
    public ClusterAdminServiceBlockingStub clusterAdmin() {
        return ClusterAdminServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "The admin channel did not close within {0} s; closing it forcibly",
                        SHUTDOWN_GRACE_SECONDS);
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
