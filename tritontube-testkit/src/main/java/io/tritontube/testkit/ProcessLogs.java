package io.tritontube.testkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Log files of child processes that harnesses start: where the output goes, and the end of
 * it to put into a failure message so a broken CI run explains itself.
 */
public final class ProcessLogs {

    /** Enough lines to show why a process failed to start, few enough to read in a test report. */
    public static final int FAILURE_TAIL_LINES = 30;

    /** Bytes read from the end of a log to find its last lines: logs can grow large, tails are small. */
    private static final int TAIL_WINDOW_BYTES = 64 * 1024;

    private ProcessLogs() {
    }

    /**
     * Sends the child's standard output and error, appended, to {@code logFile}, so a restarted
     * process keeps the log of its earlier runs.
     */
    public static ProcessBuilder redirectTo(ProcessBuilder builder, Path logFile) {
        return builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    /** The last {@code lines} lines of {@code logFile}, or a note that it does not exist. */
    public static String tail(Path logFile, int lines) {
        if (!Files.exists(logFile)) {
            return "(no log at " + logFile + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_WINDOW_BYTES);
            byte[] window = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(window);
            List<String> all = Arrays.asList(new String(window, StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the log " + logFile, e);
        }
    }

    /** A block for a failure message: the log's path, then its last lines. */
    public static String describe(String processName, Path logFile) {
        return "--- " + processName + ", log " + logFile + ", last lines:\n" + tail(logFile, FAILURE_TAIL_LINES);
    }
}
