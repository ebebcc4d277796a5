package io.tritontube.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** ffmpeg as a viewer: decodes a whole stream from a URL and tells whether that worked. */
public final class Ffmpeg {

    private Ffmpeg() {
    }

    /** Decodes every frame of {@code source}; returns ffmpeg's error output when it fails, null when it succeeds. */
    public static String decodeFailure(URI source) {
        try {
            Process process = new ProcessBuilder("ffmpeg", "-v", "error", "-i", source.toString(), "-f", "null", "-")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return "ffmpeg did not finish decoding " + source;
            }
            return process.exitValue() == 0 ? null : "ffmpeg exited " + process.exitValue() + ": " + output;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run ffmpeg", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
