package io.tritontube.web.infrastructure.transcoding;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Keeps the last few non-blank lines a tool wrote: the part of its error output that explains a failure. */
final class LastLines implements Consumer<String> {

    /** ffmpeg's closing line, which repeats that it failed without saying why. */
    private static final String FFMPEG_GENERIC_FAILURE = "Conversion failed!";
    private static final Pattern LOG_CONTEXT_PREFIX = Pattern.compile("^\\[[^\\]]* @ 0x[0-9a-f]+\\] ");

    private final int capacity;
    private final Deque<String> lines;

    LastLines(int capacity) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
    }

    @Override
    public synchronized void accept(String line) {
        if (line.isBlank()) {
            return;
        }
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line.strip());
    }

    /** Every kept line, for the log. */
    synchronized String all() {
        return String.join("\n", lines);
    }

    /**
     * The last line that says something specific, without the {@code [demuxer @ 0x55c9...]}
     * prefix of ffmpeg's log lines, or {@code fallback} when there is none.
     */
    synchronized String reason(String fallback) {
        for (var newestFirst = lines.descendingIterator(); newestFirst.hasNext(); ) {
            String line = newestFirst.next();
            if (!line.equals(FFMPEG_GENERIC_FAILURE)) {
                return LOG_CONTEXT_PREFIX.matcher(line).replaceFirst("");
            }
        }
        return fallback;
    }
}
