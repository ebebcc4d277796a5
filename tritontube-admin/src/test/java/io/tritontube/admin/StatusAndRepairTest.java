package io.tritontube.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tritontube.proto.cluster.NodeStatus;
import io.tritontube.proto.cluster.RepairResponse;
import io.tritontube.proto.cluster.StatusResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's commands beyond the reference: a readable cluster table and the repair counts. */
class StatusAndRepairTest {

    @RegisterExtension
    final FakeAdminServer server = FakeAdminServer.start();

    @Test
    void statusShowsEachNodeWhetherItAnswersAndWhatItHolds() {
        server.answeringStatus(StatusResponse.newBuilder()
                .setReplicas(2)
                .setVirtualNodes(64)
                .addNodes(up("localhost:8090", 475, 129_394_304L))
                .addNodes(NodeStatus.newBuilder().setAddress("localhost:8091").setReachable(false)
                        .setError("UNAVAILABLE: connection refused"))
                .addNodes(up("storage-3.example:8092", 3, 900L))
                .build());

        CliRun run = CliRun.of("status", server.address());

        assertEquals(List.of(
                "Storage cluster: 3 nodes, 2 answering; 2 replicas per file, 64 virtual nodes per node",
                "NODE                    STATE  FILES      BYTES       SIZE  PROBLEM",
                "localhost:8090          up       475  129394304  123.4 MiB",
                "localhost:8091          DOWN       -          -          -  UNAVAILABLE: connection refused",
                "storage-3.example:8092  up         3        900      900 B",
                "TOTAL (answering)                478  129395204  123.4 MiB"), run.outLines());
        assertEquals(0, run.exitStatus());
    }

    @Test
    void statusOfAnEmptyClusterSaysSo() {
        server.answeringStatus(StatusResponse.newBuilder().setReplicas(2).setVirtualNodes(64).build());

        CliRun run = CliRun.of("status", server.address());

        assertEquals(List.of(
                "Storage cluster: 0 nodes, 0 answering; 2 replicas per file, 64 virtual nodes per node",
                "  No nodes in cluster"), run.outLines());
    }

    @Test
    void repairPrintsWhatItDid() {
        server.answeringRepair(RepairResponse.newBuilder()
                .setFilesChecked(950).setCopiesRestored(475).setCorruptedReplaced(2).setUnrecoverable(1).setOrphansDeleted(3)
                .setStraysDeleted(4).build());

        CliRun run = CliRun.of("repair", server.address());

        assertEquals(List.of(
                "Repair finished",
                "Files checked: 950",
                "Copies restored: 475",
                "Corrupted copies replaced: 2",
                "Unrecoverable files: 1",
                "Copies of deleted videos removed: 3",
                "Stray copies removed: 4"), run.outLines());
        assertEquals(0, run.exitStatus());
        assertEquals("Repair", server.calls().get(0).method());
    }

    private static NodeStatus up(String address, long files, long bytes) {
        return NodeStatus.newBuilder().setAddress(address).setReachable(true).setFileCount(files).setTotalBytes(bytes)
                .build();
    }
}
