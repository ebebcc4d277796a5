package io.tritontube.systemtest.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tritontube.proto.admin.AddNodeRequest;
import io.tritontube.proto.admin.ListNodesRequest;
import io.tritontube.proto.admin.VideoContentAdminServiceGrpc;
import io.tritontube.systemtest.support.AdminCliRun;
import io.tritontube.systemtest.support.Cluster;
import io.tritontube.systemtest.support.Ffmpeg;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster whose storage daemons and admin service require a shared secret: the web server
 * passes it to the daemons, the admin CLI passes it to the admin service, and a client
 * without it is refused with UNAUTHENTICATED and changes nothing.
 */
class SharedSecretTest {

    private static final String TOKEN = "shared-secret-for-the-system-test";

    private static Cluster cluster;
    private static Cluster.WebServer web;

    @BeforeAll
    static void startSecuredCluster(@TempDir Path videos) {
        cluster = Cluster.startSecured("shared-secret", 3, TOKEN);
        web = cluster.web(0);
        assertEquals(303, web.site().upload(SampleVideos.testPattern(videos, "clip.mp4", 3), "secured.mp4").statusCode());
        web.site().awaitReady("secured", Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theWebServerStoresAndReadsWithTheToken() {
        assertNull(Ffmpeg.decodeFailure(web.site().uri(SiteClient.contentPath("secured", "manifest.mpd"))));
    }

    @Test
    void theAdminCliWorksWithTheTokenAndIsRefusedWithoutIt() {
        AdminCliRun withToken = AdminCliRun.of("list", "--token", TOKEN, web.adminAddress());
        AdminCliRun withoutToken = AdminCliRun.of("list", web.adminAddress());

        assertEquals(0, withToken.exitCode(), withToken.output());
        assertTrue(withToken.output().startsWith("Storage cluster nodes:"), withToken.output());
        assertEquals(2, withoutToken.exitCode(), withoutToken.output());
        assertTrue(withoutToken.output().contains("UNAUTHENTICATED"), withoutToken.output());
    }

    @Test
    void anAdminClientWithoutTheTokenChangesNothing() throws InterruptedException {
        List<String> before = web.admin().listNodes(ListNodesRequest.getDefaultInstance()).getNodesList();
        String newcomer = cluster.startStorageNode().address();
        ManagedChannel stranger = ManagedChannelBuilder.forTarget(web.adminAddress()).usePlaintext().build();
        try {
            StatusRuntimeException refusal = assertThrows(StatusRuntimeException.class, () ->
                    VideoContentAdminServiceGrpc.newBlockingStub(stranger)
                            .addNode(AddNodeRequest.newBuilder().setNodeAddress(newcomer).build()));

            assertEquals(Status.Code.UNAUTHENTICATED, refusal.getStatus().getCode());
            assertEquals(before, web.admin().listNodes(ListNodesRequest.getDefaultInstance()).getNodesList());
        } finally {
            stranger.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
