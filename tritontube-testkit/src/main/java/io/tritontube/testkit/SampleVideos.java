package io.tritontube.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real MP4 files made with ffmpeg: a test pattern, with a tone unless asked otherwise. */
public final class SampleVideos {

    private SampleVideos() {
    }

    /** An H.264/AAC MP4 of {@code seconds} seconds at 320x240, named {@code fileName} in {@code dir}. */
    public static Path testPattern(Path dir, String fileName, int seconds) {
        return make(dir.resolve(fileName), seconds, "320x240", true);
    }

    /**
     * The H.264/AAC test pattern at {@code width}x{@code height}, keyframes every 2 s: the site
     * remuxes it, and gives it lower rungs in the background when it is 432p or more (a 360p
     * rung for 640x480).
     */
    public static Path remuxable(Path dir, String fileName, int seconds, int width, int height) {
        return make(dir.resolve(fileName), seconds, width + "x" + height, true);
    }

    /** An MP4 with a video stream and no audio. */
    public static Path silentTestPattern(Path dir, String fileName, int seconds) {
        return make(dir.resolve(fileName), seconds, "320x240", false);
    }

    /** An MP4 with only an audio stream: a valid container that is not a video. */
    public static Path audioOnly(Path dir, String fileName, int seconds) {
        return ffmpeg(dir.resolve(fileName), List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-c:a", "aac", "-f", "mp4"));
    }

    /**
     * A {@code width}x{@code height} test pattern with a tone whose video is MPEG-4 Part 2, a
     * codec browsers do not play: the site must transcode it, into a ladder of resolutions
     * (two rungs for 640x480: 480p and 360p).
     */
    public static Path needingTranscode(Path dir, String fileName, int seconds, int width, int height) {
        return ffmpeg(dir.resolve(fileName), List.of(
                "-f", "lavfi", "-i", "testsrc=size=" + width + "x" + height + ":rate=25:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-c:v", "mpeg4", "-q:v", "5", "-c:a", "aac", "-f", "mp4"));
    }

    private static Path make(Path target, int seconds, String size, boolean withSound) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc=size=" + size + ":rate=30:duration=" + seconds));
        if (withSound) {
            args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds, "-c:a", "aac"));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                "-g", "60", "-movflags", "+faststart", "-f", "mp4"));
        return ffmpeg(target, args);
    }

    private static Path ffmpeg(Path target, List<String> args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        command.addAll(args);
        command.add(target.toString());
        try {
            Files.createDirectories(target.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg could not make " + target + ": " + output);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making " + target, e);
        }
    }
}
