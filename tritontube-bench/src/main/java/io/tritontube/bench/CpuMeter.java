package io.tritontube.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the whole machine's CPUs were between two readings of {@code /proc/stat}: whether a
 * figure was limited by the processors (all of them busy) rather than by waiting. It counts
 * every process, the harness's own and anything else running, which the figures note.
 */
final class CpuMeter {

    private final long busyStart;
    private final long totalStart;

    private CpuMeter(long[] reading) {
        this.busyStart = reading[0];
        this.totalStart = reading[1];
    }

    static CpuMeter start() {
        return new CpuMeter(read());
    }

    /** The fraction, 0 to 1, of all CPU time since {@link #start} that was not idle or waiting for I/O. */
    double busyFraction() {
        long[] now = read();
        long total = now[1] - totalStart;
        return total == 0 ? 0 : (double) (now[0] - busyStart) / total;
    }

    /** {busy, total} jiffies summed over all CPUs; zeros where /proc/stat cannot be read. */
    private static long[] read() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
