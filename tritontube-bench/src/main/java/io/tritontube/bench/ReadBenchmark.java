package io.tritontube.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Figure 2: reading video segments (1-2 MB) through the web server, Payara Micro with the
 * WAR in fs mode, at several concurrencies, against nginx serving the very same files from
 * the same directory in the same run. Each run measures one server, then the other, at one
 * concurrency, after a warm-up pass that fills the page cache and TritonTube's hot-file cache.
 */
final class ReadBenchmark {

    static final int[] CONCURRENCIES = {1, 16, 64};
    /** Sixty 4 s segments, about 90 MB: a hot set that fits the default cache budget. */
    static final int SEGMENTS = 60;
    private static final Duration RUN_TIME = Duration.ofSeconds(5);
    private static final int MAX_REQUESTS = 20_000;

    private final Function<String, URI> tritonTube;
    private final Function<String, URI> nginx;
    private final List<Path> segments;
    private final List<String> paths;

    /**
     * @param tritonTube      URI of a path on the web server
     * @param nginx           URI of the same path on nginx, whose root is the fs content directory
     * @param videoDirectory  a ready video's directory in the fs content directory, named by its id
     */
    ReadBenchmark(Function<String, URI> tritonTube, Function<String, URI> nginx, Path videoDirectory) throws IOException {
        this.tritonTube = tritonTube;
        this.nginx = nginx;
        this.segments = BenchMedia.filesIn(videoDirectory).stream()
                .filter(file -> file.getFileName().toString().startsWith("chunk-0-"))
                .limit(SEGMENTS)
                .toList();
        this.paths = segments.stream().map(file -> "/" + videoDirectory.getFileName() + "/" + file.getFileName()).toList();
    }

    void run(Report report, int runs) throws Exception {
        ReadLoad load = new ReadLoad();
        List<URI> ours = paths.stream().map(path -> tritonTube.apply("/content" + path)).toList();
        List<URI> theirs = paths.stream().map(nginx).toList();
        load.warmUp(ours);
        load.warmUp(theirs);
        for (int concurrency : CONCURRENCIES) {
            Map<String, List<ReadLoad.Result>> results = new LinkedHashMap<>();
            for (int run = 1; run <= runs; run++) {
                results.computeIfAbsent("ours", k -> new ArrayList<>()).add(load.run(ours, concurrency, RUN_TIME, MAX_REQUESTS));
                results.computeIfAbsent("nginx", k -> new ArrayList<>()).add(load.run(theirs, concurrency, RUN_TIME, MAX_REQUESTS));
            }
            judge(report, concurrency, results.get("ours"), results.get("nginx"));
        }
        report.note(Report.format("figure 2: %d video segments of one 720p video, %.2f MB on average, %d s per measurement; "
                + "TritonTube = Payara Micro 6 with the WAR, fs content, SQLite metadata, default 256 MiB hot-file cache; "
                + "nginx with sendfile on the same directory", paths.size(),
                Stats.megabytes(BenchMedia.totalBytes(segments)) / paths.size(), RUN_TIME.toSeconds()));
    }

    private static void judge(Report report, int concurrency, List<ReadLoad.Result> ours, List<ReadLoad.Result> nginx) {
        double p50 = median(ours, ReadLoad.Result::p50Millis);
        double p99 = median(ours, ReadLoad.Result::p99Millis);
        double rate = median(ours, ReadLoad.Result::megabytesPerSecond);
        double nginxP50 = median(nginx, ReadLoad.Result::p50Millis);
        double nginxP99 = median(nginx, ReadLoad.Result::p99Millis);
        double nginxRate = median(nginx, ReadLoad.Result::megabytesPerSecond);
        String figure = "read segments, concurrency " + concurrency;
        String nginxLatency = Report.format("%.1f / %.1f ms nginx", nginxP50, nginxP99);
        String latency = Report.format("%.1f / %.1f ms", p50, p99);
        String latencyRatio = Report.format("%.1f× / %.1f×", p50 / nginxP50, p99 / nginxP99);
        if (concurrency == 16) {
            report.add(Report.Row.judged("2", figure + ": p50 / p99 latency", latency, nginxLatency, latencyRatio,
                    Target.atMost("p50 < 5 ms", 5), p50));
            report.add(Report.Row.judged("2", figure + ": p99 latency", Report.format("%.1f ms", p99),
                    Report.format("%.1f ms nginx", nginxP99), Report.format("%.1f×", p99 / nginxP99), Target.atMost("p99 < 30 ms", 30), p99));
        } else {
            report.add(new Report.Row("2", figure + ": p50 / p99 latency", latency, nginxLatency, latencyRatio, "—", "—"));
        }
        report.add(Report.Row.judged("2", figure + ": throughput", Report.format("%.0f MB/s", rate),
                Report.format("%.0f MB/s nginx", nginxRate), Report.format("%.2f of nginx", rate / nginxRate),
                Target.atLeast("≥ 0.4 of nginx", 0.4), rate / nginxRate));
    }

    private static double median(List<ReadLoad.Result> results, ToDoubleFunction<ReadLoad.Result> figure) {
        return Stats.median(results.stream().map(result -> figure.applyAsDouble(result)).toList());
    }
}
