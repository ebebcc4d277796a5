package io.tritontube.web.infrastructure.transcoding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.commons.exec.ShutdownHookProcessDestroyer;

/**
 * Runs one external tool to completion under a watchdog, streaming its standard output to a
 * sink and keeping the end of its standard error to explain a failure.
 *
 * <p>Threads come from the given factory: in the server the container's
 * {@code ManagedThreadFactory}, so that they are known to it and stopped with the application.
 */
final class ToolRunner {

    private static final int STDERR_LINES_KEPT = 20;

    /** The child is killed when the JVM stops, so no ffmpeg outlives the server. */
    private static final ShutdownHookProcessDestroyer KILL_ON_EXIT = new ShutdownHookProcessDestroyer();

    private final ThreadFactory threadFactory;

    ToolRunner(ThreadFactory threadFactory) {
        this.threadFactory = threadFactory;
    }

    /** How a run ended. */
    record Outcome(int exitCode, boolean timedOut, LastLines stderr) {

        boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }

    /** @throws IOException when the tool could not be started (missing, not executable) */
    Outcome run(CommandLine command, Path workingDirectory, Duration timeout, OutputStream stdout) throws IOException {
        LastLines stderr = new LastLines(STDERR_LINES_KEPT);
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder()
                .setTimeout(timeout)
                .setThreadFactory(threadFactory)
                .get();
        DefaultExecutor executor = DefaultExecutor.builder()
                .setThreadFactory(threadFactory)
                .setWorkingDirectory(workingDirectory)
                .setExecuteStreamHandler(new PumpStreamHandler(stdout, new LineStream(stderr)))
                .get();
        executor.setWatchdog(watchdog);
        executor.setProcessDestroyer(KILL_ON_EXIT);
        // Every exit code is an answer here; the callers turn it into their own errors.
        executor.setExitValues(null);
        int exitCode = executor.execute(command);
        return new Outcome(exitCode, watchdog.killedProcess(), stderr);
    }

    /** A command whose arguments reach the tool exactly as given (ffmpeg needs its literal {@code $...$}). */
    static CommandLine literalCommand(String executable, List<String> arguments) {
        CommandLine command = new CommandLine(executable);
        arguments.forEach(argument -> command.addArgument(argument, false));
        return command;
    }
}
