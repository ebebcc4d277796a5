package io.tritontube.web.infrastructure.transcoding;

import io.tritontube.web.domain.content.PackagedFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.commons.exec.CommandLine;

/**
 * The ffmpeg run that takes the poster and the thumbnail from one frame about a tenth into
 * the video: the opening frames are often black or a title. Seeking before {@code -i} jumps
 * to the keyframe before that point and decodes only from there, so this takes a fraction of
 * a second whatever the video's length. Pictures are shrunk to the widths below, never
 * enlarged; a rotated video is turned upright first (ffmpeg's autorotate).
 */
final class StillsCommand {

    static final int POSTER_WIDTH = 640;
    static final int THUMBNAIL_WIDTH = 320;

    private StillsCommand() {
    }

    /** @param duration the video's duration; {@link Duration#ZERO} when unknown, to take the first frame */
    static List<String> arguments(Path source, Duration duration, Path outputDirectory) {
        return List.of(
                "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-ss", seconds(duration.dividedBy(10)), "-i", source.toString(),
                "-filter_complex", "[0:v:0]split=2[p][t];"
                        + "[p]scale='min(" + POSTER_WIDTH + ",iw)':-2[poster];"
                        + "[t]scale='min(" + THUMBNAIL_WIDTH + ",iw)':-2[thumbnail]",
                "-map", "[poster]", "-frames:v", "1", "-q:v", "3",
                outputDirectory.resolve(PackagedFiles.POSTER.value()).toString(),
                "-map", "[thumbnail]", "-frames:v", "1", "-q:v", "4",
                outputDirectory.resolve(PackagedFiles.THUMBNAIL.value()).toString());
    }

    static CommandLine commandLine(String ffmpeg, Path source, Duration duration, Path outputDirectory) {
        return ToolRunner.literalCommand(ffmpeg, arguments(source, duration, outputDirectory));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
