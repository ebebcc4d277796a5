package io.tritontube.systemtest.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.proto.admin.AddNodeRequest;
import io.tritontube.proto.admin.ListNodesRequest;
import io.tritontube.proto.admin.RemoveNodeRequest;
import io.tritontube.systemtest.support.Cluster;
import io.tritontube.systemtest.support.Ffmpeg;
import io.tritontube.systemtest.support.SegmentReader;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import io.tritontube.testkit.StorageDaemonProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's own sequence against real processes: three storage daemons, uploads, a fourth
 * node added and one removed while a viewer keeps reading, then a node killed. The steps build
 * on each other, so they run in order on one cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedContentTest {

    private static final List<String> VIDEOS = List.of("ring-one", "ring-two");
    /** Video id to the file names its manifest refers to, plus the manifest itself. */
    private static final Map<String, List<String>> FILES = new LinkedHashMap<>();

    private static Cluster cluster;
    private static Cluster.WebServer web;

    @BeforeAll
    static void startClusterAndUpload(@TempDir Path videos) {
        cluster = Cluster.start("distributed", 3);
        web = cluster.web(0);
        Path clip = SampleVideos.testPattern(videos, "clip.mp4", 12);
        for (String id : VIDEOS) {
            assertEquals(303, web.site().upload(clip, id + ".mp4").statusCode());
        }
        for (String id : VIDEOS) {
            web.site().awaitReady(id, Duration.ofMinutes(3));
            FILES.put(id, web.site().dashFilesOf(id));
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyFileOfAnUploadLivesOnExactlyReplicasNodes() {
        assertEveryFileHasExactlyReplicas();
    }

    @Test
    @Order(2)
    void addingAndRemovingNodesMovesFilesLiveWithoutAFailedRead() throws Exception {
        StorageDaemonProcess fourth = cluster.startStorageNode();
        try (SegmentReader viewer = SegmentReader.start(web.site(), FILES)) {
            int added = web.admin().addNode(AddNodeRequest.newBuilder().setNodeAddress(fourth.address()).build())
                    .getMigratedFileCount();

            assertEquals(filesOn(fourth), added, "AddNode counts the files it copied to the new node");
            assertTrue(added > 0, "a fourth node of four takes some files");
            String metrics = web.site().get("/metrics").body();
            assertTrue(metrics.lines().anyMatch(line -> line.matches("tritontube_migration_file_copies(\\{.*})? " + added + "(\\.0)?")),
                    "the migration-progress metric counts the copies: " + metrics.lines()
                            .filter(line -> line.contains("migration")).toList());
            assertEveryFileHasExactlyReplicas();

            StorageDaemonProcess leaving = cluster.storageNodes().get(0);
            List<StorageDaemonProcess> staying = cluster.storageNodes().stream()
                    .filter(node -> node != leaving).toList();
            int before = staying.stream().mapToInt(this::filesOn).sum();
            int moved = web.admin().removeNode(RemoveNodeRequest.newBuilder().setNodeAddress(leaving.address()).build())
                    .getMigratedFileCount();

            assertEquals(staying.stream().mapToInt(this::filesOn).sum() - before, moved,
                    "RemoveNode counts the copies it wrote to the remaining nodes");
            assertEquals(Set.copyOf(staying.stream().map(StorageDaemonProcess::address).toList()),
                    Set.copyOf(web.admin().listNodes(ListNodesRequest.getDefaultInstance()).getNodesList()));
            assertEveryFileHasExactlyReplicasOn(staying);

            viewer.close();
            assertTrue(viewer.reads() > 0, "the viewer read while nodes moved");
            assertEquals(List.of(), viewer.failures(), "failed reads during migration");
        }
    }

    @Test
    @Order(3)
    void killingOneStorageNodeLeavesEveryVideoFullyPlayable() {
        List<String> ring = web.admin().listNodes(ListNodesRequest.getDefaultInstance()).getNodesList();
        StorageDaemonProcess victim = cluster.storageNodes().stream()
                .filter(node -> ring.contains(node.address())).findFirst().orElseThrow();

        victim.kill();

        FILES.forEach((id, files) -> {
            for (String file : files) {
                assertEquals(200, web.site().getBytes(SiteClient.contentPath(id, file)).statusCode(), id + "/" + file);
            }
            assertNull(Ffmpeg.decodeFailure(web.site().uri(SiteClient.contentPath(id, "manifest.mpd"))));
        });
    }

    private int filesOn(StorageDaemonProcess node) {
        return VIDEOS.stream().mapToInt(id -> node.filesOf(id).size()).sum();
    }

    private static void assertEveryFileHasExactlyReplicas() {
        List<String> ring = web.admin().listNodes(ListNodesRequest.getDefaultInstance()).getNodesList();
        assertEveryFileHasExactlyReplicasOn(cluster.storageNodes().stream()
                .filter(node -> ring.contains(node.address())).toList());
    }

    private static void assertEveryFileHasExactlyReplicasOn(List<StorageDaemonProcess> nodes) {
        FILES.forEach((id, files) -> {
            for (String file : files) {
                Set<String> holders = new HashSet<>();
                nodes.stream().filter(node -> node.filesOf(id).contains(file)).forEach(node -> holders.add(node.address()));
                assertEquals(Cluster.REPLICAS, holders.size(), id + "/" + file + " is on " + holders);
            }
        });
    }
}
