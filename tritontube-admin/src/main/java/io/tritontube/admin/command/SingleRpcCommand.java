package io.tritontube.admin.command;

import io.tritontube.admin.connection.AdminConnection;
import io.tritontube.admin.connection.ServerConnectionOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shape of every subcommand: SERVER and the connection options, one RPC on a channel closed right after,
 * then the answer printed. Printing only after the channel is closed keeps a failed call from printing half
 * a report.
 *
 * @param <A> the answer the RPC returns
 */
abstract class SingleRpcCommand<A> implements Runnable {

    @Mixin
    private ServerConnectionOptions server;

    @Spec
    private CommandSpec spec;

    /** Makes the command's one RPC; a failure is thrown as {@link io.grpc.StatusRuntimeException}. */
    abstract A call(AdminConnection admin);

    abstract void print(A answer, PrintWriter out);

    @Override
    public final void run() {
        A answer;
        try (AdminConnection admin = server.open()) {
            answer = call(admin);
        }
        print(answer, spec.commandLine().getOut());
    }
}
