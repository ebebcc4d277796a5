/**
 * One class per subcommand, each a {@link io.tritontube.admin.command.SingleRpcCommand}: it opens a connection,
 * makes one RPC and prints the answer. Failures surface as
 * {@link io.grpc.StatusRuntimeException} and are reported in one place by the CLI's exception handler.
 */
package io.tritontube.admin.command;
