package io.tritontube.web.infrastructure.transcoding;

import io.tritontube.web.application.media.PackagingException;
import io.tritontube.web.application.media.Rendition;
import io.tritontube.web.application.media.RungEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;

/**
 * Encodes a remuxed video's lower rungs with ffmpeg at a low priority, in a run of their own
 * ({@link DashCommand#lowerRungCommandLine}), then merges them into the packaged presentation
 * ({@link RungMerge}).
 */
public final class FfmpegRungEncoder implements RungEncoder {

    /** Where the run writes, inside the output directory; removed once its files are merged. */
    private static final String ENCODED = "encoded";

    private final String ffmpeg;
    private final int niceness;
    private final FfmpegRuns runs;

    /**
     * @param ffmpeg         the executable, a name on the PATH or a path
     * @param niceness       the {@code nice} increment ffmpeg runs at, 0-19
     * @param timeout        longest the run may take before it is killed
     * @param threadFactory  makes the watchdog's and the output pumps' threads
     */
    public FfmpegRungEncoder(String ffmpeg, int niceness, Duration timeout, ThreadFactory threadFactory) {
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("niceness is 0-19, not " + niceness);
        }
        this.ffmpeg = ffmpeg;
        this.niceness = niceness;
        this.runs = new FfmpegRuns(timeout, threadFactory);
    }

    @Override
    public void addRungs(Path source, List<Rendition> rungs, Path packagedDirectory, Path outputDirectory)
            throws PackagingException, IOException {
        Path encoded = Files.createDirectory(outputDirectory.resolve(ENCODED));
        runs.run(DashCommand.lowerRungCommandLine(ffmpeg, niceness, source, rungs, encoded), source, encoded,
                OutputStream.nullOutputStream(), "encode the lower renditions");
        RungMerge.merge(packagedDirectory, encoded, outputDirectory);
        try (Stream<Path> leftovers = Files.list(encoded)) {
            for (Path leftover : leftovers.toList()) {
                Files.delete(leftover);
            }
        }
        Files.delete(encoded);
    }
}
