package io.tritontube.web.infrastructure.transcoding;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Reads the {@code key=value} lines that {@code ffmpeg -progress} writes and turns them into
 * the fraction of the input already processed, measured against the input's duration.
 */
final class FfmpegProgressParser {

    private static final String OUT_TIME = "out_time_us=";
    private static final String END = "progress=end";

    private final long totalMicros;

    /** @param total the input's duration; with {@link Duration#ZERO} only the end is reported */
    FfmpegProgressParser(Duration total) {
        this.totalMicros = total.toNanos() / 1_000;
    }

    /** The fraction done (0.0-1.0) that {@code line} reports, or empty when it reports none. */
    OptionalDouble parse(String line) {
        String trimmed = line.trim();
        if (trimmed.equals(END)) {
            return OptionalDouble.of(1.0);
        }
        if (!trimmed.startsWith(OUT_TIME) || totalMicros <= 0) {
            return OptionalDouble.empty();
        }
        long outMicros;
        try {
            outMicros = Long.parseLong(trimmed.substring(OUT_TIME.length()));
        } catch (NumberFormatException notYetKnown) {
            // ffmpeg writes "N/A" until the first frame is out.
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0.0, Math.min(1.0, (double) outMicros / totalMicros)));
    }
}
