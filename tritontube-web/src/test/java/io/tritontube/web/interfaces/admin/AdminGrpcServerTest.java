package io.tritontube.web.interfaces.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tritontube.grpc.security.BearerTokenCredentials;
import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.proto.admin.AddNodeRequest;
import io.tritontube.proto.admin.ListNodesRequest;
import io.tritontube.proto.admin.RemoveNodeRequest;
import io.tritontube.proto.admin.VideoContentAdminServiceGrpc;
import io.tritontube.proto.admin.VideoContentAdminServiceGrpc.VideoContentAdminServiceBlockingStub;
import io.tritontube.proto.cluster.ClusterAdminServiceGrpc;
import io.tritontube.proto.cluster.ClusterAdminServiceGrpc.ClusterAdminServiceBlockingStub;
import io.tritontube.proto.cluster.NodeStatus;
import io.tritontube.proto.cluster.RepairRequest;
import io.tritontube.proto.cluster.RepairResponse;
import io.tritontube.proto.cluster.StatusRequest;
import io.tritontube.proto.cluster.StatusResponse;
import io.tritontube.web.application.cluster.ClusterMembershipService;
import io.tritontube.web.domain.cluster.HashRing;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.infrastructure.content.nw.LocalStorageNodes;
import io.tritontube.web.infrastructure.content.nw.RingContentStore;
import io.tritontube.web.infrastructure.persistence.sqlite.LocalMigrationRunnerMark;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteClusterStateRepository;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteRepairLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin endpoint as a client sees it: the reference's contract through the generated
 * blocking stub, exactly as any client built from the reference's admin.proto calls it.
 */
class AdminGrpcServerTest {

    private static final String TOKEN = "s3cret-token";

    @TempDir
    Path temp;

    private LocalStorageNodes nodes;
    private List<NodeAddress> seed;
    private SqliteClusterStateRepository repository;
    private RingContentStore store;
    private ClusterMembershipService membership;
    private AdminGrpcServer server;
    private ManagedChannel channel;

    @BeforeEach
    void startCluster() throws Exception {
        nodes = new LocalStorageNodes(temp.resolve("nodes"));
        seed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seed.add(nodes.start());
        }
        repository = SqliteClusterStateRepository.open(temp.resolve("metadata.db"));
        store = new RingContentStore(nodes.clients(), SqliteRepairLedger.open(temp.resolve("metadata.db")));
        membership = new ClusterMembershipService(repository, store, video -> true, new LocalMigrationRunnerMark(),
                Executors.defaultThreadFactory(),
                Duration.ofHours(1));
        membership.start(seed, 32, 2);
        server = AdminGrpcServer.start("127.0.0.1", 0, membership, new GrpcSecuritySettings(TOKEN, null, null, null));
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    }

    @AfterEach
    void stopCluster() throws Exception {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.stop(Duration.ofSeconds(1));
        }
        membership.close();
        store.close();
        repository.close();
        nodes.close();
    }

    @Test
    void listsAddsAndRemovesNodesAsTheReferenceContractSays() throws Exception {
        putFiles(20);
        VideoContentAdminServiceBlockingStub admin = admin();
        List<String> ringOrder = HashRing.of(seed, 32, 2).nodesInRingOrder().stream().map(NodeAddress::value).toList();
        assertEquals(ringOrder, admin.listNodes(ListNodesRequest.getDefaultInstance()).getNodesList());

        NodeAddress fourth = nodes.start();
        int added = admin.addNode(AddNodeRequest.newBuilder().setNodeAddress(fourth.value()).build())
                .getMigratedFileCount();
        assertEquals(nodes.keysOn(fourth).size(), added);
        assertTrue(added > 0, "the new node received files");
        assertTrue(admin.listNodes(ListNodesRequest.getDefaultInstance()).getNodesList().contains(fourth.value()));

        int removed = admin.removeNode(RemoveNodeRequest.newBuilder().setNodeAddress(seed.get(0).value()).build())
                .getMigratedFileCount();
        assertTrue(removed > 0, "the removed node's files moved");
        assertFalse(admin.listNodes(ListNodesRequest.getDefaultInstance()).getNodesList().contains(seed.get(0).value()));
    }

    @Test
    void answersEachRefusalWithItsStatusCodeAndAMessage() throws Exception {
        VideoContentAdminServiceBlockingStub admin = admin();
        NodeAddress stopped = nodes.start();
        nodes.stop(stopped);

        assertStatus(Status.Code.ALREADY_EXISTS, () -> admin.addNode(add(seed.get(0).value())));
        assertStatus(Status.Code.NOT_FOUND, () -> admin.removeNode(remove("127.0.0.1:1")));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> admin.addNode(add("")));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> admin.addNode(add("not an address")));
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> admin.addNode(add(stopped.value())));
        admin.removeNode(remove(seed.get(0).value()));
        admin.removeNode(remove(seed.get(1).value()));
        StatusRuntimeException lastNode = assertStatus(Status.Code.FAILED_PRECONDITION,
                () -> admin.removeNode(remove(seed.get(2).value())));
        assertTrue(lastNode.getStatus().getDescription().contains("last node"), lastNode.getStatus().getDescription());
    }

    @Test
    void refusesACallWithoutTheTokenAndChangesNothing() throws Exception {
        VideoContentAdminServiceBlockingStub anonymous = VideoContentAdminServiceGrpc.newBlockingStub(channel);
        NodeAddress fourth = nodes.start();

        assertStatus(Status.Code.UNAUTHENTICATED, () -> anonymous.addNode(add(fourth.value())));
        assertStatus(Status.Code.UNAUTHENTICATED, () -> anonymous.listNodes(ListNodesRequest.getDefaultInstance()));

        assertEquals(3, admin().listNodes(ListNodesRequest.getDefaultInstance()).getNodesCount());
    }

    @Test
    void reportsEachNodesStatusAndRepairs() throws Exception {
        putFiles(10);
        ClusterAdminServiceBlockingStub cluster = ClusterAdminServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(new BearerTokenCredentials(TOKEN));
        HashRing ring = HashRing.of(seed, 32, 2);
        String sharedWithALiveNode = nodes.keysOn(seed.get(0)).stream()
                .filter(key -> !ring.ownersOf(key).contains(seed.get(2))).findFirst().orElseThrow();
        Files.delete(nodes.directoryOf(seed.get(0)).resolve(sharedWithALiveNode));
        nodes.stop(seed.get(2));

        StatusResponse status = cluster.status(StatusRequest.getDefaultInstance());

        assertEquals(2, status.getReplicas());
        assertEquals(32, status.getVirtualNodes());
        assertEquals(3, status.getNodesCount());
        for (NodeStatus node : status.getNodesList()) {
            boolean stopped = node.getAddress().equals(seed.get(2).value());
            assertEquals(!stopped, node.getReachable(), node.toString());
            if (stopped) {
                assertFalse(node.getError().isEmpty());
            } else {
                assertEquals(nodes.keysOn(NodeAddress.of(node.getAddress())).size(), node.getFileCount(), node.toString());
            }
        }
        RepairResponse repair = cluster.repair(RepairRequest.getDefaultInstance());
        assertEquals(1, repair.getCopiesRestored());
        assertEquals(0, repair.getCorruptedReplaced());
    }

    private VideoContentAdminServiceBlockingStub admin() {
        return VideoContentAdminServiceGrpc.newBlockingStub(channel).withCallCredentials(new BearerTokenCredentials(TOKEN));
    }

    private void putFiles(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            Path source = Files.writeString(temp.resolve("file-" + i), "content of file " + i);
            store.put(new ContentKey(VideoId.of("video"), ContentFileName.of("chunk-0-" + i + ".m4s")), source);
        }
    }

    private static AddNodeRequest add(String node) {
        return AddNodeRequest.newBuilder().setNodeAddress(node).build();
    }

    private static RemoveNodeRequest remove(String node) {
        return RemoveNodeRequest.newBuilder().setNodeAddress(node).build();
    }

    private static StatusRuntimeException assertStatus(Status.Code code, Runnable call) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(code, failure.getStatus().getCode(), failure.getStatus().getDescription());
        assertFalse(code != Status.Code.UNAUTHENTICATED && failure.getStatus().getDescription().isBlank());
        return failure;
    }
}
