package io.tritontube.admin.command;

import io.tritontube.admin.connection.AdminConnection;
import io.tritontube.admin.connection.TimeoutDefaults;
import io.tritontube.admin.format.ClusterStatusReport;
import io.tritontube.proto.cluster.StatusRequest;
import io.tritontube.proto.cluster.StatusResponse;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code status SERVER}: per storage node, whether it answers and what it holds. */
@Command(name = "status",
        description = "Shows each storage node: whether it answers, its file count and bytes; and the ring's"
                + " replicas and virtual nodes. A node that does not answer is shown as DOWN with the reason.",
        defaultValueProvider = TimeoutDefaults.ForQueries.class)
public final class StatusCommand extends SingleRpcCommand<StatusResponse> {

    @Override
    StatusResponse call(AdminConnection admin) {
        return admin.clusterAdmin().status(StatusRequest.getDefaultInstance());
    }

    @Override
    void print(StatusResponse status, PrintWriter out) {
        ClusterStatusReport.lines(status).forEach(out::println);
    }
}
