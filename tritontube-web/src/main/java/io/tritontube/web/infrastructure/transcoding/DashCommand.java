package io.tritontube.web.infrastructure.transcoding;

import io.tritontube.web.application.media.PackagingPlan;
import io.tritontube.web.application.media.PackagingPlanner;
import io.tritontube.web.application.media.Rendition;
import io.tritontube.web.domain.content.PackagedFiles;
import io.tritontube.web.domain.video.Packaging;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.commons.exec.CommandLine;

/**
 * The one ffmpeg run that carries out a {@link PackagingPlan}: an MPEG-DASH manifest with the
 * reference's file names and 4 s segments, and HLS playlists beside it that reuse the same
 * fMP4 segments ({@code -hls_playlist 1}).
 *
 * <p><b>Representation ids are fixed by the output order:</b> 0 is the largest video
 * rendition, 1 the audio when there is any, then the smaller renditions, largest first. So
 * representation 1 of a video with sound is always its audio, as the content route assumes,
 * and re-packaging the same upload gives the same names.
 *
 * <p><b>A remux</b> copies the video and audio streams ({@code -c copy}). <b>A transcode</b>
 * decodes once, splits and scales the picture for each rung, and encodes with libx264 at the
 * reference's settings (AAC 128k, B-frames 1, a keyframe every 120 frames and no scene-cut
 * keyframes), plus a forced keyframe every 4 s so that segments line up at any frame rate.
 *
 * <p><b>Lower rungs added to a remuxed video</b> ({@link #lowerRungArguments}) are encoded in a
 * run of their own, video only, at the same settings except the keyframes: exactly where the
 * source has them ({@code -force_key_frames source}, no others), so that the DASH muxer cuts
 * their segments at the same times as the copied stream's.
 *
 * <p><b>The preset is {@code superfast} rather than the usual {@code veryfast}</b>, so that
 * the ladder fits the budget of a quarter of the video's duration on 2 cores. Measured with
 * ffmpeg 5.1 on 2 minutes of 720p (docs/BENCHMARKS.md): 720p+360p costs 57-63 CPU-seconds with
 * the 720p rung at veryfast and the 360p at superfast (24-26% of the duration on 2 cores, no
 * margin), 45-49 with both at superfast (19-20%); the 720p rung's PSNR drops by 0.3 dB
 * (43.6 to 43.3) at the same size.
 */
final class DashCommand {

    static final String PRESET = "superfast";

    private static final String NICE = "nice";

    /** The reference's keyframe every 120 frames, and one forced every segment length. */
    private static final List<String> KEYFRAMES_EVERY_SEGMENT = List.of("-keyint_min", "120", "-g", "120",
            "-sc_threshold", "0", "-force_key_frames", "expr:gte(t,n_forced*" + PackagingPlanner.SEGMENT_LENGTH.toSeconds() + ")");

    /**
     * A keyframe wherever the source has one, and nowhere else (no scene cuts): x264's own
     * limit is set beyond any gap a remuxed source can have (a segment length and a bit).
     */
    private static final List<String> KEYFRAMES_OF_THE_SOURCE = List.of("-g", "100000", "-sc_threshold", "0",
            "-force_key_frames", "source");

    private DashCommand() {
    }

    /** The arguments after the executable. */
    static List<String> arguments(Path source, PackagingPlan plan, Path outputDirectory) {
        List<String> arguments = new ArrayList<>(input(source));
        boolean withAudio = plan.media().hasAudio();
        if (plan.packaging() == Packaging.REMUX) {
            arguments.addAll(streamMaps(List.of("0:v:0"), withAudio));
            arguments.addAll(List.of("-c", "copy"));
        } else {
            arguments.addAll(encoding(plan.renditions(), withAudio, KEYFRAMES_EVERY_SEGMENT));
            if (withAudio) {
                arguments.addAll(List.of("-c:a", "aac", "-b:a", "128k"));
            }
        }
        arguments.addAll(dashOutput(withAudio, outputDirectory));
        return arguments;
    }

    /**
     * The arguments of the run that encodes {@code rungs} for a remuxed video: its own manifest,
     * video only, representation 0 the first rung. {@link RungMerge} renumbers and merges them.
     */
    static List<String> lowerRungArguments(Path source, List<Rendition> rungs, Path outputDirectory) {
        List<String> arguments = new ArrayList<>(input(source));
        arguments.addAll(encoding(rungs, false, KEYFRAMES_OF_THE_SOURCE));
        arguments.addAll(dashOutput(false, outputDirectory));
        return arguments;
    }

    /** The command line, every argument literal (no quoting, no {@code ${...}} substitution). */
    static CommandLine commandLine(String ffmpeg, Path source, PackagingPlan plan, Path outputDirectory) {
        return ToolRunner.literalCommand(ffmpeg, arguments(source, plan, outputDirectory));
    }

    /**
     * The lower rungs' command line, run by {@code nice} at {@code niceness}: the encode then
     * only gets the processor time that viewers, uploads and their remuxes leave over.
     */
    static CommandLine lowerRungCommandLine(String ffmpeg, int niceness, Path source, List<Rendition> rungs,
                                            Path outputDirectory) {
        List<String> arguments = new ArrayList<>(List.of("-n", Integer.toString(niceness), ffmpeg));
        arguments.addAll(lowerRungArguments(source, rungs, outputDirectory));
        return ToolRunner.literalCommand(NICE, arguments);
    }

    private static List<String> input(Path source) {
        return List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", source.toString());
    }

    private static List<String> dashOutput(boolean withAudio, Path outputDirectory) {
        return List.of(
                "-f", "dash", "-use_timeline", "1", "-use_template", "1",
                "-seg_duration", Long.toString(PackagingPlanner.SEGMENT_LENGTH.toSeconds()),
                "-adaptation_sets", withAudio ? "id=0,streams=v id=1,streams=a" : "id=0,streams=v",
                "-hls_playlist", "1",
                "-init_seg_name", "init-$RepresentationID$.m4s",
                "-media_seg_name", "chunk-$RepresentationID$-$Number%05d$.m4s",
                "-progress", "pipe:1", "-nostats",
                outputDirectory.resolve(PackagedFiles.MANIFEST.value()).toString());
    }

    private static List<String> encoding(List<Rendition> renditions, boolean withAudio, List<String> keyframes) {
        List<String> arguments = new ArrayList<>(List.of("-filter_complex", scalingGraph(renditions)));
        List<String> pictures = new ArrayList<>();
        for (int i = 0; i < renditions.size(); i++) {
            pictures.add("[v" + i + "]");
        }
        arguments.addAll(streamMaps(pictures, withAudio));
        arguments.addAll(List.of(
                // yuv420p: x264 would otherwise keep 4:4:4 or 10-bit sources, which browsers cannot decode.
                "-c:v", "libx264", "-preset", PRESET, "-pix_fmt", "yuv420p", "-bf", "1"));
        arguments.addAll(keyframes);
        for (int i = 0; i < renditions.size(); i++) {
            arguments.addAll(List.of("-b:v:" + i, renditions.get(i).videoKbps() + "k"));
        }
        return arguments;
    }

    /** {@code [0:v:0]split=2[s0][s1];[s0]scale=1280:720[v0];[s1]scale=640:360[v1]}, without the split for one rung. */
    private static String scalingGraph(List<Rendition> renditions) {
        if (renditions.size() == 1) {
            return "[0:v:0]" + scale(renditions.get(0), 0);
        }
        StringJoiner graph = new StringJoiner(";");
        StringBuilder split = new StringBuilder("[0:v:0]split=" + renditions.size());
        for (int i = 0; i < renditions.size(); i++) {
            split.append("[s").append(i).append(']');
        }
        graph.add(split);
        for (int i = 0; i < renditions.size(); i++) {
            graph.add("[s" + i + "]" + scale(renditions.get(i), i));
        }
        return graph.toString();
    }

    private static String scale(Rendition rendition, int index) {
        return "scale=" + rendition.width() + ":" + rendition.height() + "[v" + index + "]";
    }

    /** The largest picture first, then the audio, then the other pictures: see the class comment. */
    private static List<String> streamMaps(List<String> pictures, boolean withAudio) {
        List<String> maps = new ArrayList<>(List.of("-map", pictures.get(0)));
        if (withAudio) {
            maps.addAll(List.of("-map", "0:a:0"));
        }
        for (String picture : pictures.subList(1, pictures.size())) {
            maps.addAll(List.of("-map", picture));
        }
        return maps;
    }
}
