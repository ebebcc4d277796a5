package io.tritontube.web.infrastructure.transcoding;

import io.tritontube.web.application.media.PackagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.exec.CommandLine;

/**
 * Runs ffmpeg commands under a timeout and turns a failed run into a {@link PackagingException}
 * whose message an uploader can read: a timeout, a server stopping, or ffmpeg's own last words.
 */
final class FfmpegRuns {

    private static final Logger LOG = Logger.getLogger(FfmpegRuns.class.getName());

    /** ffmpeg's exit status after SIGTERM or SIGINT: the server stopping, not a bad upload. */
    private static final int FFMPEG_STOPPED_BY_SIGNAL = 255;

    private final Duration timeout;
    private final ToolRunner runner;

    /**
     * @param timeout        longest one run may take before it is killed
     * @param threadFactory  makes the watchdog's and the output pumps' threads
     */
    FfmpegRuns(Duration timeout, ThreadFactory threadFactory) {
        this.timeout = timeout;
        this.runner = new ToolRunner(threadFactory);
    }

    /**
     * @param source the uploaded file, whose work path is replaced by "the upload" in messages
     * @param task   what the run does, for the uploader: "ffmpeg could not {task}: ..."
     */
    void run(CommandLine command, Path source, Path workingDirectory, OutputStream stdout, String task)
            throws PackagingException, IOException {
        ToolRunner.Outcome outcome = runner.run(command, workingDirectory, timeout, stdout);
        if (outcome.timedOut()) {
            throw new PackagingException("packaging took longer than the limit of " + describe(timeout) + " and was stopped");
        }
        if (outcome.exitCode() == FFMPEG_STOPPED_BY_SIGNAL) {
            throw new PackagingException("packaging was interrupted, most likely by a server restart; upload again");
        }
        if (!outcome.succeeded()) {
            LOG.log(Level.WARNING, "ffmpeg could not {0} {1}, exit code {2}:\n{3}",
                    new Object[] {task, source, outcome.exitCode(), outcome.stderr().all()});
            // The work file's path means nothing to the uploader.
            String reason = outcome.stderr().reason("exit code " + outcome.exitCode()).replace(source.toString(), "the upload");
            throw new PackagingException("ffmpeg could not " + task + ": " + reason);
        }
    }

    /** "2 h", "90 min", "45 s" or "500 ms": the way a person states a time limit. */
    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + " ms";
        }
        if (seconds % 3600 == 0) {
            return duration.toHours() + " h";
        }
        return seconds % 60 == 0 ? duration.toMinutes() + " min" : seconds + " s";
    }
}
