package io.tritontube.admin;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed RPC into one line on stderr, such as
 * {@code Error: ALREADY_EXISTS: node localhost:8090 is already in the ring}, and the matching exit status.
 * Anything else is a bug in the CLI and is rethrown with its stack trace rather than hidden.
 */
final class RpcFailureReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) throws Exception {
        if (!(failure instanceof StatusRuntimeException rpcFailure)) {
            throw failure;
        }
        Status status = rpcFailure.getStatus();
        command.getErr().println("Error: " + describe(status));
        return ExitStatus.ofFailedRpc(status.getCode()).code();
    }

    /** The status code and the server's description; for transport failures also the cause, which names the problem. */
    static String describe(Status status) {
        StringBuilder text = new StringBuilder(status.getCode().name());
        if (status.getDescription() != null) {
            text.append(": ").append(status.getDescription());
        }
        Throwable cause = status.getCause();
        if (cause != null && cause.getMessage() != null) {
            text.append(" (").append(cause.getMessage()).append(')');
        }
        return text.toString();
    }
}
