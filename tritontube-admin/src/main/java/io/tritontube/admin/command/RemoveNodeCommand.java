package io.tritontube.admin.command;

import io.tritontube.admin.connection.AdminConnection;
import io.tritontube.admin.connection.TimeoutDefaults;
import io.tritontube.proto.admin.RemoveNodeRequest;
import picocli.CommandLine.Command;

/** {@code remove SERVER NODE}: the node leaves the ring once its files have been copied to their new owners. */
@Command(name = "remove",
        description = "Removes a storage node from the ring. The server first copies its files to their new owners"
                + " and answers when the migration is done.",
        defaultValueProvider = TimeoutDefaults.ForDataMovement.class)
public final class RemoveNodeCommand extends NodeMembershipCommand {

    @Override
    int changeMembership(AdminConnection admin, String nodeAddress) {
        return admin.videoContentAdmin()
                .removeNode(RemoveNodeRequest.newBuilder().setNodeAddress(nodeAddress).build())
                .getMigratedFileCount();
    }

    @Override
    String pastTense() {
        return "removed";
    }
}
