package io.tritontube.admin.command;

import io.tritontube.admin.connection.AdminConnection;
import io.tritontube.admin.connection.TimeoutDefaults;
import io.tritontube.proto.admin.ListNodesRequest;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code list SERVER}: the physical storage nodes in ring order, printed exactly as the reference does. */
@Command(name = "list",
        description = "Lists the storage nodes in ring order.",
        defaultValueProvider = TimeoutDefaults.ForQueries.class)
public final class ListNodesCommand extends SingleRpcCommand<List<String>> {

    @Override
    List<String> call(AdminConnection admin) {
        return admin.videoContentAdmin().listNodes(ListNodesRequest.getDefaultInstance()).getNodesList();
    }

    @Override
    void print(List<String> nodes, PrintWriter out) {
        out.println("Storage cluster nodes:");
        if (nodes.isEmpty()) {
            out.println("  No nodes in cluster");
        }
        nodes.forEach(node -> out.println("  - " + node));
    }
}
