package io.tritontube.admin;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Deadline;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.tritontube.proto.admin.AddNodeRequest;
import io.tritontube.proto.admin.AddNodeResponse;
import io.tritontube.proto.admin.ListNodesRequest;
import io.tritontube.proto.admin.ListNodesResponse;
import io.tritontube.proto.admin.RemoveNodeRequest;
import io.tritontube.proto.admin.RemoveNodeResponse;
import io.tritontube.proto.admin.VideoContentAdminServiceGrpc;
import io.tritontube.proto.cluster.ClusterAdminServiceGrpc;
import io.tritontube.proto.cluster.RepairRequest;
import io.tritontube.proto.cluster.RepairResponse;
import io.tritontube.proto.cluster.StatusRequest;
import io.tritontube.proto.cluster.StatusResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test double of the web server's admin endpoint: both admin services on a real Netty server on
 * 127.0.0.1 (the CLI takes host:port), answering what the test configured and recording every call
 * that reached a service, with its authorization header and deadline.
 *
 * <p>As a field {@code @RegisterExtension final FakeAdminServer server = FakeAdminServer.start();} each test
 * gets a fresh server, stopped after the test.
 */
final class FakeAdminServer implements AutoCloseable, AfterEachCallback {

    /** One call as the services saw it. */
    record ReceivedCall(String method, String requestedNode, String authorization, Deadline deadline) {
    }

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> CALL_AUTHORIZATION = Context.key("authorization");

    private final Server server;
    private final List<ReceivedCall> calls = new CopyOnWriteArrayList<>();
    private final List<String> ringNodes = new CopyOnWriteArrayList<>();
    private volatile int migratedFileCount;
    private volatile StatusResponse statusAnswer = StatusResponse.getDefaultInstance();
    private volatile RepairResponse repairAnswer = RepairResponse.getDefaultInstance();
    private volatile Status failure;
    private volatile boolean silent;

    private FakeAdminServer(ServerCredentials credentials, List<ServerInterceptor> interceptors) throws IOException {
        NettyServerBuilder builder = NettyServerBuilder
                .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), credentials)
                .addService(new VideoContentAdmin())
                .addService(new ClusterAdmin())
                .intercept(new AuthorizationRecorder());
        interceptors.forEach(builder::intercept); // added last, so they run first: a refused call records nothing
        this.server = builder.build().start();
    }

    /** A plaintext server without token check. */
    static FakeAdminServer start() {
        try {
            return new FakeAdminServer(InsecureServerCredentials.create(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake admin server on loopback", e);
        }
    }

    static FakeAdminServer start(ServerCredentials credentials, ServerInterceptor... interceptors) throws IOException {
        return new FakeAdminServer(credentials, List.of(interceptors));
    }

    /** The SERVER argument that reaches this server. */
    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    FakeAdminServer withNodes(String... nodes) {
        ringNodes.addAll(List.of(nodes));
        return this;
    }

    FakeAdminServer migratingFiles(int count) {
        migratedFileCount = count;
        return this;
    }

    FakeAdminServer answeringStatus(StatusResponse answer) {
        statusAnswer = answer;
        return this;
    }

    FakeAdminServer answeringRepair(RepairResponse answer) {
        repairAnswer = answer;
        return this;
    }

    /** Every RPC fails with this status. */
    FakeAdminServer failingWith(Status status) {
        failure = status;
        return this;
    }

    /** Every RPC is accepted and never answered, so only the client's deadline can end it. */
    FakeAdminServer neverAnswering() {
        silent = true;
        return this;
    }

    List<ReceivedCall> calls() {
        return List.copyOf(calls);
    }

    List<String> ringNodes() {
        return List.copyOf(ringNodes);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination();
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        close();
    }

    private <T> void answer(String method, String requestedNode, StreamObserver<T> observer, Supplier<T> reply) {
        calls.add(new ReceivedCall(method, requestedNode, CALL_AUTHORIZATION.get(), Context.current().getDeadline()));
        if (silent) {
            return;
        }
        if (failure != null) {
            observer.onError(failure.asRuntimeException());
            return;
        }
        observer.onNext(reply.get());
        observer.onCompleted();
    }

    private final class VideoContentAdmin extends VideoContentAdminServiceGrpc.VideoContentAdminServiceImplBase {
        @Override
        public void addNode(AddNodeRequest request, StreamObserver<AddNodeResponse> observer) {
            answer("AddNode", request.getNodeAddress(), observer, () -> {
                ringNodes.add(request.getNodeAddress());
                return AddNodeResponse.newBuilder().setMigratedFileCount(migratedFileCount).build();
            });
        }

        @Override
        public void removeNode(RemoveNodeRequest request, StreamObserver<RemoveNodeResponse> observer) {
            answer("RemoveNode", request.getNodeAddress(), observer, () -> {
                ringNodes.remove(request.getNodeAddress());
                return RemoveNodeResponse.newBuilder().setMigratedFileCount(migratedFileCount).build();
            });
        }

        @Override
        public void listNodes(ListNodesRequest request, StreamObserver<ListNodesResponse> observer) {
            answer("ListNodes", null, observer, () -> ListNodesResponse.newBuilder().addAllNodes(ringNodes).build());
        }
    }

    private final class ClusterAdmin extends ClusterAdminServiceGrpc.ClusterAdminServiceImplBase {
        @Override
        public void status(StatusRequest request, StreamObserver<StatusResponse> observer) {
            answer("Status", null, observer, () -> statusAnswer);
        }

        @Override
        public void repair(RepairRequest request, StreamObserver<RepairResponse> observer) {
            answer("Repair", null, observer, () -> repairAnswer);
        }
    }

    /** Hands the authorization header to the service code through the call's context. */
    private static final class AuthorizationRecorder implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            Context context = Context.current().withValue(CALL_AUTHORIZATION, headers.get(AUTHORIZATION));
            return Contexts.interceptCall(context, call, headers, next);
        }
    }
}
