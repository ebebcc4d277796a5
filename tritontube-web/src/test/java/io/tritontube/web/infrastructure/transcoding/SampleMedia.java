package io.tritontube.web.infrastructure.transcoding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small real media files made with ffmpeg's test sources, for the tests that run the tools. */
final class SampleMedia {

    private SampleMedia() {
    }

    /** A 320x240 test pattern with a 440 Hz tone, as H.264/AAC MP4. */
    static Path videoWithSound(Path file, int seconds) throws IOException, InterruptedException {
        return ffmpeg(file, List.of(
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", String.valueOf(seconds), "-c:v", "libx264", "-c:a", "aac"));
    }

    /** The same pattern without any audio stream. */
    static Path silentVideo(Path file, int seconds) throws IOException, InterruptedException {
        return ffmpeg(file, List.of(
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30",
                "-t", String.valueOf(seconds), "-c:v", "libx264"));
    }

    /** Sound only, in an MP4 container: an upload with no video stream. */
    static Path soundOnly(Path file, int seconds) throws IOException, InterruptedException {
        return ffmpeg(file, List.of(
                "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", String.valueOf(seconds), "-c:a", "aac"));
    }

    private static Path ffmpeg(Path file, List<String> arguments) throws IOException, InterruptedException {
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
