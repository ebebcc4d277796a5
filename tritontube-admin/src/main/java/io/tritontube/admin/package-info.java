/**
 * The TritonTube admin command line: {@link io.tritontube.admin.AdminCli} wires the subcommands
 * (add, remove, list, status, repair), the exit statuses and the way gRPC failures are reported.
 * Its add/remove/list output and usage exit status match the Go reference's {@code admin} tool line for line,
 * so scripts written against the reference keep working.
 */
package io.tritontube.admin;
