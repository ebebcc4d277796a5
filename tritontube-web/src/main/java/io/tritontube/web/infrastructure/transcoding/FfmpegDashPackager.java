package io.tritontube.web.infrastructure.transcoding;

import io.tritontube.web.application.media.PackagingException;
import io.tritontube.web.application.media.PackagingPlan;
import io.tritontube.web.application.media.VideoPackager;
import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.PackagedFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.DoubleConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.exec.CommandLine;

/**
 * Packages an upload in two ffmpeg runs: the DASH presentation with its HLS playlists
 * ({@link DashCommand}), reporting progress from ffmpeg's {@code -progress} output, then the
 * poster and thumbnail ({@link StillsCommand}). Each run is stopped after the configured
 * timeout.
 */
public final class FfmpegDashPackager implements VideoPackager {

    private static final Logger LOG = Logger.getLogger(FfmpegDashPackager.class.getName());

    /** ffmpeg's exit status after SIGTERM or SIGINT: the server stopping, not a bad upload. */
    private static final int FFMPEG_STOPPED_BY_SIGNAL = 255;

    /** What a successful packaging always leaves, besides the segments. */
    private static final List<ContentFileName> EXPECTED = List.of(
            PackagedFiles.MANIFEST, PackagedFiles.HLS_MASTER, PackagedFiles.POSTER, PackagedFiles.THUMBNAIL);

    private final String ffmpeg;
    private final Duration timeout;
    private final ToolRunner runner;

    /**
     * @param ffmpeg         the executable, a name on the PATH or a path
     * @param timeout        longest one run may take before it is killed
     * @param threadFactory  makes the watchdog's and the output pumps' threads
     */
    public FfmpegDashPackager(String ffmpeg, Duration timeout, ThreadFactory threadFactory) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
        this.runner = new ToolRunner(threadFactory);
    }

    /** {@inheritDoc} The progress callback runs on the thread that reads ffmpeg's output. */
    @Override
    public void packageDash(Path source, PackagingPlan plan, Path outputDirectory, DoubleConsumer progress)
            throws PackagingException, IOException {
        Duration duration = plan.media().duration();
        FfmpegProgressParser parser = new FfmpegProgressParser(duration);
        run(DashCommand.commandLine(ffmpeg, source, plan, outputDirectory), source, outputDirectory,
                new LineStream(line -> parser.parse(line).ifPresent(progress)), "package the video");
        run(StillsCommand.commandLine(ffmpeg, source, duration, outputDirectory), source, outputDirectory,
                OutputStream.nullOutputStream(), "take the poster from the video");
        for (ContentFileName expected : EXPECTED) {
            if (!Files.isRegularFile(outputDirectory.resolve(expected.value()))) {
                throw new PackagingException("ffmpeg finished without writing " + expected);
            }
        }
        progress.accept(1.0);
    }

    /** @param task what the run does, for the uploader: "ffmpeg could not {task}: ..." */
    private void run(CommandLine command, Path source, Path outputDirectory, OutputStream stdout, String task)
            throws PackagingException, IOException {
        ToolRunner.Outcome outcome = runner.run(command, outputDirectory, timeout, stdout);
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
