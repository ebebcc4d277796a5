package io.tritontube.web.infrastructure.transcoding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small real media files made with ffmpeg's test sources, for the tests that run the tools. */
final class SampleMedia {

    private static final String PATTERN = "testsrc=rate=30:size=";
    private static final String TONE = "sine=frequency=440";

    private SampleMedia() {
    }

    /** A 320x240 H.264/AAC test pattern with ffmpeg's default keyframe spacing (every 250 frames). */
    static Path videoWithSound(Path file, int seconds) throws IOException, InterruptedException {
        return ffmpeg(file, seconds, "320x240", true, List.of("-c:v", "libx264", "-c:a", "aac"));
    }

    /** H.264/AAC, yuv420p, with a keyframe every {@code keyframeFrames} frames at 30 frames a second. */
    static Path h264WithSound(Path file, int seconds, String size, int keyframeFrames) throws IOException, InterruptedException {
        return ffmpeg(file, seconds, size, true, List.of("-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-g", String.valueOf(keyframeFrames), "-keyint_min", String.valueOf(keyframeFrames), "-sc_threshold", "0",
                "-c:a", "aac"));
    }

    /**
     * H.264 (with B-frames) and AAC, keyframes exactly at {@code keyframeTimes} ("0,1.3,3.9")
     * and nowhere else, as a camera's scene cuts would place them.
     */
    static Path h264WithKeyframesAt(Path file, int seconds, String size, String keyframeTimes) throws IOException, InterruptedException {
        return ffmpeg(file, seconds, size, true, List.of("-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-g", "1000", "-sc_threshold", "0", "-force_key_frames", keyframeTimes, "-c:a", "aac"));
    }

    /** MPEG-4 Part 2 video with AAC: playable in a container, but not by browsers. */
    static Path mpeg4WithSound(Path file, int seconds, String size) throws IOException, InterruptedException {
        return ffmpeg(file, seconds, size, true, List.of("-c:v", "mpeg4", "-c:a", "aac"));
    }

    /** The 320x240 pattern without any audio stream. */
    static Path silentVideo(Path file, int seconds) throws IOException, InterruptedException {
        return ffmpeg(file, seconds, "320x240", false, List.of("-c:v", "libx264"));
    }

    /** Sound only, in an MP4 container: an upload with no video stream. */
    static Path soundOnly(Path file, int seconds) throws IOException, InterruptedException {
        return run(file, List.of("-f", "lavfi", "-i", TONE, "-t", String.valueOf(seconds), "-c:a", "aac"));
    }

    private static Path ffmpeg(Path file, int seconds, String size, boolean withSound, List<String> codecs)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-f", "lavfi", "-i", PATTERN + size));
        if (withSound) {
            arguments.addAll(List.of("-f", "lavfi", "-i", TONE));
        }
        arguments.addAll(List.of("-t", String.valueOf(seconds)));
        arguments.addAll(codecs);
        return run(file, arguments);
    }

    private static Path run(Path file, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(arguments);
        command.add(file.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ffmpeg could not make " + file + ": " + output);
        }
        return file;
    }
}
