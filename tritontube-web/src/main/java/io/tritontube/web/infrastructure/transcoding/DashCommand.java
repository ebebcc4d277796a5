package io.tritontube.web.infrastructure.transcoding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.exec.CommandLine;

/**
 * The ffmpeg command that packages one upload as MPEG-DASH with the reference's settings
 * (H.264 3000k with a keyframe every 120 frames, AAC 128k, 4 s segments, its file names),
 * except the x264 preset: {@code veryfast} keeps a 2-core machine near real time where the
 * default preset is three times slower.
 *
 * <p>Streams are mapped explicitly so that representation 0 is always the video and 1 the
 * audio: the content route derives the segments' media types from that.
 */
final class DashCommand {

    static final String MANIFEST = "manifest.mpd";

    private DashCommand() {
    }

    /** The arguments after the executable; {@code withAudio} adds the audio representation. */
    static List<String> arguments(Path source, Path outputDirectory, boolean withAudio) {
        List<String> arguments = new ArrayList<>(List.of(
                "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-i", source.toString(),
                "-map", "0:v:0"));
        if (withAudio) {
            arguments.addAll(List.of("-map", "0:a:0"));
        }
        arguments.addAll(List.of(
                // yuv420p: x264 would otherwise keep 4:4:4 or 10-bit sources, which browsers cannot decode.
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-b:v", "3000k",
                "-bf", "1", "-keyint_min", "120", "-g", "120", "-sc_threshold", "0"));
        if (withAudio) {
            arguments.addAll(List.of("-c:a", "aac", "-b:a", "128k"));
        }
        arguments.addAll(List.of(
                "-f", "dash", "-use_timeline", "1", "-use_template", "1", "-seg_duration", "4",
                "-init_seg_name", "init-$RepresentationID$.m4s",
                "-media_seg_name", "chunk-$RepresentationID$-$Number%05d$.m4s",
                "-progress", "pipe:1", "-nostats",
                outputDirectory.resolve(MANIFEST).toString()));
        return arguments;
    }

    /** The command line, every argument literal (no quoting, no {@code ${...}} substitution). */
    static CommandLine commandLine(String ffmpeg, Path source, Path outputDirectory, boolean withAudio) {
        return ToolRunner.literalCommand(ffmpeg, arguments(source, outputDirectory, withAudio));
    }
}
