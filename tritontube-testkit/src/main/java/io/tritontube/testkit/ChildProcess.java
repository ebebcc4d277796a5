package io.tritontube.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program the tests run for real (a storage daemon, Payara Micro), with its output in a log
 * file that failures point to. Closing it stops it politely, then forcibly.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration POLITE_STOP = Duration.ofSeconds(15);

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;
    private boolean paused;

    private ChildProcess(String name, List<String> command, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.log = log;
    }

    /** Starts {@code command}, appending its standard output and error to {@code log}. */
    public static ChildProcess start(String name, List<String> command, Path log) {
        ChildProcess child = new ChildProcess(name, command, log);
        child.launch();
        return child;
    }

    private void launch() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = ProcessLogs.redirectTo(new ProcessBuilder(command), log);
            // Java takes its file-name encoding from the locale: Unicode video ids need UTF-8.
            builder.environment().put("LC_ALL", "C.UTF-8");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    /** Starts the same command again, after {@link #kill()} or {@link #stop()}. */
    public void restart() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** For waits that should stop at once when the process has died: fails with its log. */
    public void assertAlive() {
        if (!isAlive()) {
            throw new AssertionError(name + " exited:\n" + logTail());
        }
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** The log's path and its last lines, for failure messages. */
    public String logTail() {
        return ProcessLogs.describe(name, log);
    }

    /** SIGKILL, as a crash would: no shutdown hook runs. Waits until the process is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /**
     * SIGSTOP: the process hangs, as on a stuck disk. Its sockets stay open, so connections are
     * still accepted and calls go unanswered, unlike after {@link #kill()}. Returns once it is
     * stopped: the signal is only queued when {@code kill} returns, and a call made in between
     * could still be answered.
     */
    public void pause() {
        signal("STOP");
        paused = true;
        await(name + " (pid " + pid() + ") to stop after SIGSTOP").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10)).until(this::isStopped);
    }

    /** Whether the kernel reports the process stopped by a signal (state T in /proc/PID/stat). */
    private boolean isStopped() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            // "PID (COMMAND) STATE ...": the command may itself hold spaces and parentheses.
            return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("T");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state of " + name, e);
        }
    }

    /** SIGCONT after {@link #pause()}: it carries on, answering what was sent meanwhile. */
    public void resume() {
        signal("CONT");
        paused = false;
    }

    private void signal(String name) {
        if (!isAlive()) {
            throw new IllegalStateException("cannot send SIG" + name + " to " + this + ": it is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid() + " failed for " + name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run kill -" + name + " for " + this.name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + name + " to " + this.name, e);
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within a grace period; a paused process is resumed first. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (paused) {
            resume(); // a stopped process would only act on SIGTERM after the grace period
        }
        process.destroy();
        if (!waitFor(POLITE_STOP)) {
            kill();
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to stop", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + (isAlive() ? " (pid " + pid() + ")" : " (stopped)");
    }
}
