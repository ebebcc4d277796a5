package io.tritontube.admin.command;

import io.tritontube.admin.connection.AdminConnection;
import io.tritontube.admin.connection.TimeoutDefaults;
import io.tritontube.proto.admin.AddNodeRequest;
import picocli.CommandLine.Command;

/** {@code add SERVER NODE}: the node joins the ring once the files it now owns have been copied to it. */
@Command(name = "add",
        description = "Adds a storage node to the ring. The server copies to it the files it now owns and answers"
                + " when the migration is done.",
        defaultValueProvider = TimeoutDefaults.ForDataMovement.class)
public final class AddNodeCommand extends NodeMembershipCommand {

    @Override
    int changeMembership(AdminConnection admin, String nodeAddress) {
        return admin.videoContentAdmin()
                .addNode(AddNodeRequest.newBuilder().setNodeAddress(nodeAddress).build())
                .getMigratedFileCount();
    }

    @Override
    String pastTense() {
        return "added";
    }
}
