package io.tritontube.web.interfaces.admin;

import io.grpc.stub.StreamObserver;
import io.tritontube.proto.cluster.ClusterAdminServiceGrpc;
import io.tritontube.proto.cluster.NodeStatus;
import io.tritontube.proto.cluster.RepairRequest;
import io.tritontube.proto.cluster.RepairResponse;
import io.tritontube.proto.cluster.StatusRequest;
import io.tritontube.proto.cluster.StatusResponse;
import io.tritontube.web.application.cluster.ClusterMembershipService;
import io.tritontube.web.application.cluster.ClusterStatus;
import io.tritontube.web.application.cluster.RepairReport;

/** The admin operations beyond the reference: per-node status, and the repair pass. */
final class ClusterAdminGrpcService extends ClusterAdminServiceGrpc.ClusterAdminServiceImplBase {

    private final ClusterMembershipService membership;

    ClusterAdminGrpcService(ClusterMembershipService membership) {
        this.membership = membership;
    }

    @Override
    public void status(StatusRequest request, StreamObserver<StatusResponse> responses) {
        AdminCalls.answer(responses, "Status", () -> toResponse(membership.status()));
    }

    @Override
    public void repair(RepairRequest request, StreamObserver<RepairResponse> responses) {
        AdminCalls.answer(responses, "Repair", () -> toResponse(membership.repair()));
    }

    private static StatusResponse toResponse(ClusterStatus status) {
        StatusResponse.Builder response = StatusResponse.newBuilder()
                .setReplicas(status.replicas())
                .setVirtualNodes(status.virtualNodes());
        status.nodes().forEach(node -> response.addNodes(NodeStatus.newBuilder()
                .setAddress(node.node().value())
                .setReachable(node.reachable())
                .setFileCount(node.fileCount())
                .setTotalBytes(node.totalBytes())
                .setError(node.error().orElse(""))));
        return response.build();
    }

    private static RepairResponse toResponse(RepairReport report) {
        return RepairResponse.newBuilder()
                .setFilesChecked(report.filesChecked())
                .setCopiesRestored(report.copiesRestored())
                .setCorruptedReplaced(report.corruptedReplaced())
                .setUnrecoverable(report.unrecoverable())
                .setOrphansDeleted(report.orphansDeleted())
                .setStraysDeleted(report.straysDeleted())
                .build();
    }
}
