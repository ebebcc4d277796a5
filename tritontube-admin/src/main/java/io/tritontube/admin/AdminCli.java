package io.tritontube.admin;

import io.tritontube.admin.command.AddNodeCommand;
import io.tritontube.admin.command.ListNodesCommand;
import io.tritontube.admin.command.RemoveNodeCommand;
import io.tritontube.admin.command.RepairCommand;
import io.tritontube.admin.command.StatusCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Entry point of {@code tritontube-admin}. It has no behaviour of its own: without a subcommand picocli
 * reports "Missing required subcommand" as a usage error.
 */
@Command(
        name = "tritontube-admin",
        description = "Manages the storage nodes of a TritonTube cluster through the web server's admin gRPC service.",
        subcommands = {
            AddNodeCommand.class,
            RemoveNodeCommand.class,
            ListNodesCommand.class,
            StatusCommand.class,
            RepairCommand.class
        })
public final class AdminCli {

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    private boolean helpRequested;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The fully configured command line; tests call {@code execute} on it with their own out/err writers. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AdminCli())
                .setParameterExceptionHandler(new UsageErrorReporter())
                .setExecutionExceptionHandler(new RpcFailureReporter());
        commandLine.getCommandSpec().usageMessage()
                .synopsisSubcommandLabel("(" + String.join(" | ", commandLine.getSubcommands().keySet()) + ")");
        configureExitStatuses(commandLine);
        return commandLine;
    }

    /**
     * picocli's own statuses are 2 for usage and 1 for a crash; the reference's usage status is 1.
     * Every command's help lists them.
     */
    private static void configureExitStatuses(CommandLine command) {
        command.getCommandSpec().exitCodeOnInvalidInput(ExitStatus.USAGE.code());
        command.getCommandSpec().exitCodeOnExecutionException(ExitStatus.INTERNAL_ERROR.code());
        command.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit status:%n")
                .exitCodeList(ExitStatus.helpSection());
        command.getSubcommands().values().forEach(AdminCli::configureExitStatuses);
    }
}
