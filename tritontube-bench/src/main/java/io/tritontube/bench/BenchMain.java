package io.tritontube.bench;

import io.tritontube.testkit.PayaraMicroServer;
import io.tritontube.testkit.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Runs the four benchmarks of issue 6 and writes the table to {@code docs/BENCHMARKS.md}.
 * Started by {@code bench/run}; the settings are system properties that its Maven execution
 * sets: {@code tritontube.bench.media} (media kept between runs), {@code tritontube.bench.work}
 * (emptied at the start), {@code tritontube.bench.report} and optionally
 * {@code tritontube.bench.figures} (which to run, {@code 1,2,3,4} by default), plus the test kit's
 * {@code tritontube.war}, {@code tritontube.payara-micro} and {@code tritontube.storage-daemon}.
 */
public final class BenchMain {

    /** Each figure is the median of this many runs. */
    static final int RUNS = 3;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path media = Path.of(required("tritontube.bench.media"));
        Path work = Path.of(required("tritontube.bench.work"));
        Path reportFile = Path.of(required("tritontube.bench.report")).toAbsolutePath().normalize();
        // Figure 4 needs figure 1's plain copy, and figure 2 reads a video that figure 3 uploads.
        Set<String> figures = Set.of(System.getProperty("tritontube.bench.figures", "1,2,3,4").split(","));
        TempFolders.deleteRecursively(work);
        Files.createDirectories(work);

        Machine machine = Machine.describe();
        System.out.println("machine: " + machine.summary());
        BenchMedia videos = BenchMedia.prepare(media);
        Report report = new Report(machine, RUNS);

        if (figures.contains("1") || figures.contains("4")) {
            System.out.println("1. storing a 17-minute video's files on 3 nodes");
            double plainCopy = new StoreBenchmark(work, videos).run(report, RUNS);
            if (figures.contains("4")) {
                System.out.println("4. adding a 4th node to 3 holding 20 videos");
                new MigrationBenchmark(work, videos).run(report, RUNS, plainCopy);
            }
        }
        if (figures.contains("2") || figures.contains("3")) {
            try (PayaraMicroServer web = PayaraMicroServer.start("bench-web", work.resolve("web"), Map.of())) {
                System.out.println("3. upload to ready");
                String readyVideo = new UploadBenchmark(new WebSite(web), videos).run(report, RUNS);
                Path content = web.workDir().resolve("data/content");
                if (figures.contains("2")) {
                    try (Nginx nginx = Nginx.serve(content, work.resolve("nginx"))) {
                        System.out.println("2. reading segments through the web server and through nginx");
                        new ReadBenchmark(web::uri, nginx::uri, content.resolve(readyVideo)).run(report, RUNS);
                    }
                }
            }
        }

        System.out.println();
        System.out.print(report.textTable());
        report.writeMarkdown(reportFile);
        System.out.println("written to " + reportFile);
        TempFolders.deleteRecursively(work);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the harness with bench/run");
        }
        return value;
    }
}
