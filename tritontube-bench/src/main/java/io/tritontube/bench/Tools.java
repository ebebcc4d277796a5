package io.tritontube.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool to completion, failing with its output when it fails. */
final class Tools {

    private Tools() {
    }

    /** Runs {@code command}, returns its standard output and error together. */
    static String run(List<String> command, Path workingDirectory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** ffmpeg with its banner and chatter off, then {@code arguments}. */
    static void ffmpeg(Path workingDirectory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
        command.addAll(List.of(arguments));
        run(command, workingDirectory);
    }

    /** The first line a tool prints about its version, or why there is none. */
    static String versionOf(String... command) {
        try {
            String output = run(List.of(command), Path.of("."));
            return output.lines().findFirst().orElse("(no output)").trim();
        } catch (IOException e) {
            return "not available (" + e.getMessage().lines().findFirst().orElse("") + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not available (interrupted)";
        }
    }
}
