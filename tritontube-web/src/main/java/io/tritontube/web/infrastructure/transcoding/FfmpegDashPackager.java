package io.tritontube.web.infrastructure.transcoding;

import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.PackagingException;
import io.tritontube.web.application.media.VideoPackager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.function.DoubleConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Packages an upload as DASH with one ffmpeg run ({@link DashCommand}), reporting progress
 * from ffmpeg's {@code -progress} output and stopping it after the configured timeout.
 */
public final class FfmpegDashPackager implements VideoPackager {

    private static final Logger LOG = Logger.getLogger(FfmpegDashPackager.class.getName());

    /** ffmpeg's exit status after SIGTERM or SIGINT: the server stopping, not a bad upload. */
    private static final int FFMPEG_STOPPED_BY_SIGNAL = 255;

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
    public void packageDash(Path source, MediaInfo media, Path outputDirectory, DoubleConsumer progress)
            throws PackagingException, IOException {
        FfmpegProgressParser parser = new FfmpegProgressParser(media.duration());
        LineStream progressLines = new LineStream(line -> parser.parse(line).ifPresent(progress));
        ToolRunner.Outcome outcome = runner.run(
                DashCommand.commandLine(ffmpeg, source, outputDirectory, media.hasAudio()),
                outputDirectory, timeout, progressLines);
        if (outcome.timedOut()) {
            throw new PackagingException("packaging took longer than the limit of " + describe(timeout) + " and was stopped");
        }
        if (outcome.exitCode() == FFMPEG_STOPPED_BY_SIGNAL) {
            throw new PackagingException("packaging was interrupted, most likely by a server restart; upload again");
        }
        if (!outcome.succeeded()) {
            LOG.log(Level.WARNING, "ffmpeg failed on {0} with exit code {1}:\n{2}",
                    new Object[] {source, outcome.exitCode(), outcome.stderr().all()});
            // The work file's path means nothing to the uploader.
            String reason = outcome.stderr().reason("exit code " + outcome.exitCode()).replace(source.toString(), "the upload");
            throw new PackagingException("ffmpeg could not package the video: " + reason);
        }
        if (!Files.isRegularFile(outputDirectory.resolve(DashCommand.MANIFEST))) {
            throw new PackagingException("ffmpeg finished without writing " + DashCommand.MANIFEST);
        }
        progress.accept(1.0);
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
