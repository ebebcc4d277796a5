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

/**
 * Packages an upload in two ffmpeg runs: the DASH presentation with its HLS playlists
 * ({@link DashCommand}), reporting progress from ffmpeg's {@code -progress} output, then the
 * poster and thumbnail ({@link StillsCommand}). Each run is stopped after the configured
 * timeout.
 */
public final class FfmpegDashPackager implements VideoPackager {

    /** What a successful packaging always leaves, besides the segments. */
    private static final List<ContentFileName> EXPECTED = List.of(
            PackagedFiles.MANIFEST, PackagedFiles.HLS_MASTER, PackagedFiles.POSTER, PackagedFiles.THUMBNAIL);

    private final String ffmpeg;
    private final FfmpegRuns runs;

    /**
     * @param ffmpeg         the executable, a name on the PATH or a path
     * @param timeout        longest one run may take before it is killed
     * @param threadFactory  makes the watchdog's and the output pumps' threads
     */
    public FfmpegDashPackager(String ffmpeg, Duration timeout, ThreadFactory threadFactory) {
        this.ffmpeg = ffmpeg;
        this.runs = new FfmpegRuns(timeout, threadFactory);
    }

    /** {@inheritDoc} The progress callback runs on the thread that reads ffmpeg's output. */
    @Override
    public void packageDash(Path source, PackagingPlan plan, Path outputDirectory, DoubleConsumer progress)
            throws PackagingException, IOException {
        Duration duration = plan.media().duration();
        FfmpegProgressParser parser = new FfmpegProgressParser(duration);
        runs.run(DashCommand.commandLine(ffmpeg, source, plan, outputDirectory), source, outputDirectory,
                new LineStream(line -> parser.parse(line).ifPresent(progress)), "package the video");
        runs.run(StillsCommand.commandLine(ffmpeg, source, duration, outputDirectory), source, outputDirectory,
                OutputStream.nullOutputStream(), "take the poster from the video");
        for (ContentFileName expected : EXPECTED) {
            if (!Files.isRegularFile(outputDirectory.resolve(expected.value()))) {
                throw new PackagingException("ffmpeg finished without writing " + expected);
            }
        }
        progress.accept(1.0);
    }
}
