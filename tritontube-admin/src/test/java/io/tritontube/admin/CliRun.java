package io.tritontube.admin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One in-process run of the CLI, with what it printed and its exit status. */
record CliRun(int exitStatus, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitStatus = AdminCli.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(exitStatus, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
