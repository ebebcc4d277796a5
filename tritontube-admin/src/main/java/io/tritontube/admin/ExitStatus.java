package io.tritontube.admin;

import io.grpc.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit statuses of the CLI. Usage errors keep the reference's status 1; RPC failures are split so a
 * script can tell "retry later" (the server did not answer) from "this will never work" (the server said no).
 */
public enum ExitStatus {
    SUCCESS(0, "Success."),
    USAGE(1, "Invalid arguments: the usage is printed and nothing is sent to the server."),
    REFUSED(2, "The server answered with an error; its gRPC status and message are printed."),
    UNREACHABLE(3, "The server could not be reached or did not answer within --timeout."),
    INTERNAL_ERROR(4, "The CLI itself failed; the stack trace is printed.");

    private final int code;
    private final String meaning;

    ExitStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** Which exit status a failed RPC ends with. */
    public static ExitStatus ofFailedRpc(Status.Code code) {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED ? UNREACHABLE : REFUSED;
    }

    /** The "Exit status" section of every command's help, keyed by the code as picocli prints it. */
    static Map<String, String> helpSection() {
        Map<String, String> section = new LinkedHashMap<>();
        for (ExitStatus status : values()) {
            section.put(Integer.toString(status.code), status.meaning);
        }
        return section;
    }
}
