package io.tritontube.systemtest.support;

import io.tritontube.admin.AdminCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The admin CLI run as an operator runs it, in this JVM: its exit code, and what it printed on
 * standard output and error together.
 */
public record AdminCliRun(int exitCode, String output) {

    public static AdminCliRun of(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = AdminCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return new AdminCliRun(cli.execute(args), out.toString());
    }
}
