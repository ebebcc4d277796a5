package io.tritontube.admin.command;

import io.tritontube.admin.connection.AdminConnection;
import io.tritontube.admin.connection.TimeoutDefaults;
import io.tritontube.proto.cluster.RepairRequest;
import io.tritontube.proto.cluster.RepairResponse;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code repair SERVER}: an on-demand repair pass, the same one the server runs in the background. */
@Command(name = "repair",
        description = "Restores every file's replica count, replaces missing or corrupted copies and removes"
                + " copies left on nodes that do not own them, then prints what was done. Answers when the pass"
                + " is finished.",
        defaultValueProvider = TimeoutDefaults.ForDataMovement.class)
public final class RepairCommand extends SingleRpcCommand<RepairResponse> {

    @Override
    RepairResponse call(AdminConnection admin) {
        return admin.clusterAdmin().repair(RepairRequest.getDefaultInstance());
    }

    @Override
    void print(RepairResponse repair, PrintWriter out) {
        out.println("Repair finished");
        out.println("Files checked: " + repair.getFilesChecked());
        out.println("Copies restored: " + repair.getCopiesRestored());
        out.println("Corrupted copies replaced: " + repair.getCorruptedReplaced());
        out.println("Unrecoverable files: " + repair.getUnrecoverable());
        out.println("Copies of deleted videos removed: " + repair.getOrphansDeleted());
        out.println("Stray copies removed: " + repair.getStraysDeleted());
    }
}
