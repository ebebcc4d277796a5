package io.tritontube.grpc.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.tritontube.proto.storage.HealthRequest;
import io.tritontube.proto.storage.HealthResponse;
import io.tritontube.proto.storage.StorageServiceGrpc;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BearerTokenServerInterceptorTest {

    private static final String TOKEN = "s3cret-token";

    private final AtomicInteger callsReachingService = new AtomicInteger();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void startGuardedServer() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(new CountingHealthService(),
                        new BearerTokenServerInterceptor(TOKEN)))
                .build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void callWithoutTokenIsRefusedBeforeReachingTheService() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> StorageServiceGrpc.newBlockingStub(channel).health(HealthRequest.getDefaultInstance()));

        assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
        assertTrue(refused.getStatus().getDescription().contains("authorization"));
        assertEquals(0, callsReachingService.get());
    }

    @Test
    void callWithWrongTokenIsRefusedBeforeReachingTheService() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> StorageServiceGrpc.newBlockingStub(channel)
                        .withCallCredentials(new BearerTokenCredentials("s3cret-tokem"))
                        .health(HealthRequest.getDefaultInstance()));

        assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
        assertEquals(0, callsReachingService.get());
    }

    @Test
    void callWithTheConfiguredTokenIsServed() {
        HealthResponse health = StorageServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(new BearerTokenCredentials(TOKEN))
                .health(HealthRequest.getDefaultInstance());

        assertEquals("served", health.getBaseDir());
        assertEquals(1, callsReachingService.get());
    }

    @Test
    void tokensThatCannotTravelAsMetadataAreRejectedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> new BearerTokenServerInterceptor(""));
        assertThrows(IllegalArgumentException.class, () -> new BearerTokenCredentials("two words"));
    }

    @Test
    void settingsNeverPrintTheTokenAndRequireCertificateAndKeyTogether() {
        GrpcSecuritySettings settings = new GrpcSecuritySettings(TOKEN, null, null, null);

        assertFalse(settings.toString().contains(TOKEN));
        assertEquals(1, settings.serverInterceptors().size());
        assertThrows(IllegalArgumentException.class,
                () -> new GrpcSecuritySettings(null, GrpcSecuritySettings.pathOrNull("/etc/cert.pem"), null, null));
        assertFalse(new GrpcSecuritySettings(" ", null, null, null).requiresToken());
    }

    private final class CountingHealthService extends StorageServiceGrpc.StorageServiceImplBase {
        @Override
        public void health(HealthRequest request, StreamObserver<HealthResponse> response) {
            callsReachingService.incrementAndGet();
            response.onNext(HealthResponse.newBuilder().setBaseDir("served").build());
            response.onCompleted();
        }
    }
}
