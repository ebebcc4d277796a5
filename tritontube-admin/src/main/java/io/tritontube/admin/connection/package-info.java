/**
 * How the CLI reaches the admin server: the SERVER argument and the connection options every subcommand
 * shares (deadline, bearer token, TLS), and the one gRPC channel an invocation opens and closes.
 */
package io.tritontube.admin.connection;
