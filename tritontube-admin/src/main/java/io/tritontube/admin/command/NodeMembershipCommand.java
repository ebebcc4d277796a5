package io.tritontube.admin.command;

import io.tritontube.admin.argument.HostPort;
import io.tritontube.admin.connection.AdminConnection;
import java.io.PrintWriter;
import picocli.CommandLine.Parameters;

/**
 * What add and remove share: the NODE argument, one membership RPC that answers after the migration, and the
 * reference's two-line report.
 */
abstract class NodeMembershipCommand extends SingleRpcCommand<Integer> {

    @Parameters(index = "1", paramLabel = "NODE", converter = HostPort.Converter.class,
            description = "The storage daemon's address exactly as the ring knows it, e.g. localhost:8096.")
    private HostPort node;

    /** Asks the server for the change and returns how many files it migrated. */
    abstract int changeMembership(AdminConnection admin, String nodeAddress);

    /** "added" or "removed", as in the reference's report. */
    abstract String pastTense();

    @Override
    final Integer call(AdminConnection admin) {
        return changeMembership(admin, node.address());
    }

    @Override
    final void print(Integer migratedFiles, PrintWriter out) {
        out.println("Successfully " + pastTense() + " node: " + node.address());
        out.println("Number of files migrated: " + migratedFiles);
    }
}
