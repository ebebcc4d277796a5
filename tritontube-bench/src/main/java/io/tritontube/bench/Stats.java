package io.tritontube.bench;

import java.util.List;

/** Medians and percentiles of measured samples. */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> samples) {
        return percentile(samples, 50);
    }

    /** Nearest-rank percentile: the smallest sample that at least {@code percent}% of the samples do not exceed. */
    static double percentile(List<Double> samples, double percent) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double megabytes(long bytes) {
        return bytes / 1e6;
    }
}
