package io.tritontube.web.interfaces.admin;

import io.grpc.stub.StreamObserver;
import io.tritontube.proto.admin.AddNodeRequest;
import io.tritontube.proto.admin.AddNodeResponse;
import io.tritontube.proto.admin.ListNodesRequest;
import io.tritontube.proto.admin.ListNodesResponse;
import io.tritontube.proto.admin.RemoveNodeRequest;
import io.tritontube.proto.admin.RemoveNodeResponse;
import io.tritontube.proto.admin.VideoContentAdminServiceGrpc;
import io.tritontube.web.application.cluster.ClusterMembershipService;
import io.tritontube.web.domain.cluster.NodeAddress;

/** The reference's admin contract, unchanged on the wire: add, remove and list storage nodes. */
final class VideoContentAdminGrpcService extends VideoContentAdminServiceGrpc.VideoContentAdminServiceImplBase {

    private final ClusterMembershipService membership;

    VideoContentAdminGrpcService(ClusterMembershipService membership) {
        this.membership = membership;
    }

    /** Answers after the migration, with the number of file copies written to new owners. */
    @Override
    public void addNode(AddNodeRequest request, StreamObserver<AddNodeResponse> responses) {
        AdminCalls.answer(responses, "AddNode " + request.getNodeAddress(), () -> AddNodeResponse.newBuilder()
                .setMigratedFileCount(membership.addNode(request.getNodeAddress())).build());
    }

    @Override
    public void removeNode(RemoveNodeRequest request, StreamObserver<RemoveNodeResponse> responses) {
        AdminCalls.answer(responses, "RemoveNode " + request.getNodeAddress(), () -> RemoveNodeResponse.newBuilder()
                .setMigratedFileCount(membership.removeNode(request.getNodeAddress())).build());
    }

    @Override
    public void listNodes(ListNodesRequest request, StreamObserver<ListNodesResponse> responses) {
        AdminCalls.answer(responses, "ListNodes", () -> ListNodesResponse.newBuilder()
                .addAllNodes(membership.listNodes().stream().map(NodeAddress::value).toList()).build());
    }
}
