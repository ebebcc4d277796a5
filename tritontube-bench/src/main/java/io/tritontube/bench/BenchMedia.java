package io.tritontube.bench;

import io.tritontube.testkit.TempFolders;
import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.PackagingPlan;
import io.tritontube.web.application.media.PackagingPlanner;
import io.tritontube.web.domain.video.Packaging;
import io.tritontube.web.infrastructure.transcoding.FfmpegDashPackager;
import io.tritontube.web.infrastructure.transcoding.FfprobeMediaInspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;

/**
 * The media every benchmark uses, made once with ffmpeg and kept under the bench module's
 * {@code target/}, so that a rerun starts measuring at once.
 *
 * <p>One 17-minute 720p30 H.264/AAC test pattern (3000k, a keyframe every 4 s) is encoded
 * from ffmpeg's {@code testsrc2}; the rest is cut from it without re-encoding, except the
 * transcode sample, which is re-encoded as MPEG-4 Part 2 so that the remux path refuses it.
 * The DASH packages are made by the web tier's own planner and packager (the remux path).
 */
final class BenchMedia {

    static final Duration LONG_VIDEO = Duration.ofMinutes(17);
    static final Duration REMUX_UPLOAD = Duration.ofMinutes(10);
    static final Duration TRANSCODE_UPLOAD = Duration.ofMinutes(2);
    static final Duration SMALL_VIDEO = Duration.ofMinutes(1);

    private static final ThreadFactory THREADS = Executors.defaultThreadFactory();

    private final Path directory;

    private BenchMedia(Path directory) {
        this.directory = directory;
    }

    /** Makes whatever is missing; the first run takes a few minutes, later ones nothing. */
    static BenchMedia prepare(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        BenchMedia media = new BenchMedia(directory);
        media.makeMissing();
        return media;
    }

    /** The 17-minute video's packaged files: about 500 of them. */
    List<Path> longVideoFiles() throws IOException {
        return filesIn(directory.resolve("dash-17min"));
    }

    /** A one-minute video's packaged files, for the migration's 20 videos. */
    List<Path> smallVideoFiles() throws IOException {
        return filesIn(directory.resolve("dash-1min"));
    }

    /** 10 minutes of 720p H.264/AAC with a keyframe every 4 s: the remux path. */
    Path remuxUpload() {
        return directory.resolve("remux-10min.mp4");
    }

    /** 2 minutes of 720p MPEG-4 Part 2 with AAC: browsers cannot play it, so it is transcoded. */
    Path transcodeUpload() {
        return directory.resolve("mpeg4-2min.mp4");
    }

    private void makeMissing() throws IOException, InterruptedException {
        Path longSource = directory.resolve("source-17min.mp4");
        if (!Files.exists(longSource)) {
            System.out.println("making the 17-minute 720p source once (a few minutes)...");
            encode(longSource, "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30",
                    "-f", "lavfi", "-i", "sine=frequency=440",
                    "-t", Long.toString(LONG_VIDEO.toSeconds()),
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-b:v", "3000k", "-maxrate", "3000k", "-bufsize", "6000k",
                    "-g", "120", "-keyint_min", "120", "-sc_threshold", "0",
                    "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart");
        }
        Path smallSource = directory.resolve("source-1min.mp4");
        cutIfMissing(longSource, remuxUpload(), REMUX_UPLOAD);
        cutIfMissing(longSource, smallSource, SMALL_VIDEO);
        if (!Files.exists(transcodeUpload())) {
            encode(transcodeUpload(), "-i", longSource.toString(), "-t", Long.toString(TRANSCODE_UPLOAD.toSeconds()),
                    "-c:v", "mpeg4", "-q:v", "5", "-c:a", "copy", "-movflags", "+faststart");
        }
        packageIfMissing(longSource, directory.resolve("dash-17min"));
        packageIfMissing(smallSource, directory.resolve("dash-1min"));
    }

    private void cutIfMissing(Path source, Path target, Duration length) throws IOException, InterruptedException {
        if (!Files.exists(target)) {
            encode(target, "-i", source.toString(), "-t", Long.toString(length.toSeconds()), "-c", "copy", "-movflags", "+faststart");
        }
    }

    /** Writes to a temporary name first, so that an interrupted run never leaves a half file to reuse. */
    private void encode(Path target, String... arguments) throws IOException, InterruptedException {
        Path partial = target.resolveSibling("partial-" + target.getFileName());
        String[] all = Stream.concat(Stream.of(arguments), Stream.of(partial.toString())).toArray(String[]::new);
        Tools.ffmpeg(directory, all);
        Files.move(partial, target);
    }

    private void packageIfMissing(Path source, Path output) throws IOException, InterruptedException {
        if (Files.exists(output.resolve("manifest.mpd"))) {
            return;
        }
        Path partial = output.resolveSibling("partial-" + output.getFileName());
        TempFolders.deleteRecursively(partial);
        Files.createDirectories(partial);
        FfprobeMediaInspector inspector = new FfprobeMediaInspector("ffprobe", THREADS);
        try {
            MediaInfo media = inspector.inspect(source);
            PackagingPlan plan = new PackagingPlanner(inspector).plan(source, media);
            if (plan.packaging() != Packaging.REMUX) {
                throw new IllegalStateException("the benchmark's source should take the remux path, but: " + plan.reason());
            }
            new FfmpegDashPackager("ffmpeg", Duration.ofMinutes(10), THREADS).packageDash(source, plan, partial, fraction -> { });
        } catch (Exception e) {
            throw new IOException("could not package " + source + ": " + e.getMessage(), e);
        }
        Files.move(partial, output);
    }

    static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static long totalBytes(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }
}
