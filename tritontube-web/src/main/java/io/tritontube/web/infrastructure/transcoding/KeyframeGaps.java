package io.tritontube.web.infrastructure.transcoding;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the lines of {@code ffprobe -show_entries packet=pts_time,flags -of csv=p=0}
 * ({@code 4.000000,K__}) and finds the longest stretch without a keyframe, from the
 * stream's first picture on. Packets come in decoding order; only the times matter.
 */
final class KeyframeGaps implements Consumer<String> {

    private static final long UNSET = Long.MIN_VALUE;

    private final List<Long> keyframeMicros = new ArrayList<>();
    private long firstMicros = UNSET;

    @Override
    public void accept(String line) {
        String[] fields = line.trim().split(",");
        if (fields.length < 2) {
            return;
        }
        long micros;
        try {
            micros = Math.round(Double.parseDouble(fields[0]) * 1_000_000);
        } catch (NumberFormatException notATime) {
            // "N/A": a packet without a presentation time says nothing about the gaps.
            return;
        }
        firstMicros = firstMicros == UNSET ? micros : Math.min(firstMicros, micros);
        if (fields[fields.length - 1].startsWith("K")) {
            keyframeMicros.add(micros);
        }
    }

    /** The longest gap; {@link ChronoUnit#FOREVER} when the stream had no keyframe at all. */
    Duration longest() {
        if (keyframeMicros.isEmpty()) {
            return ChronoUnit.FOREVER.getDuration();
        }
        List<Long> times = keyframeMicros.stream().sorted().toList();
        long longest = times.get(0) - firstMicros;
        for (int i = 1; i < times.size(); i++) {
            longest = Math.max(longest, times.get(i) - times.get(i - 1));
        }
        return Duration.of(longest, ChronoUnit.MICROS);
    }
}
