package io.tritontube.bench;

import io.tritontube.testkit.StorageDaemonProcess;
import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 4: adding a 4th storage node to 3 that hold 20 videos (2 replicas each), through the
 * web tier's membership service in-process (the code behind the admin AddNode), against the
 * ideal number of moved files and the plain-copy throughput of figure 1.
 *
 * <p><b>The ideal.</b> With R replicas on N nodes, a balanced ring gives each node R/N of the
 * files, that is 1/N of all C copies. A node that joins must end up with its share, C/N
 * copies, and each of those has to be written to it; no other copy needs to move, since the
 * old nodes only give copies up (deletions). So the least possible is C/4 copies written,
 * here 20 × files × 2 / 4.
 *
 * <p>Each run adds the node, then removes it again (untimed) so that the next run starts
 * from the same placement.
 */
final class MigrationBenchmark {

    static final int VIDEOS = 20;
    static final int NODES = 3;
    static final int REPLICAS = 2;

    private final Path work;
    private final List<Path> files;

    MigrationBenchmark(Path work, BenchMedia media) throws IOException {
        this.work = work;
        this.files = media.smallVideoFiles();
    }

    void run(Report report, int runs, double plainCopyMegabytesPerSecond) throws Exception {
        List<Double> seconds = new ArrayList<>();
        List<Double> throughputs = new ArrayList<>();
        List<Double> moved = new ArrayList<>();
        List<Double> busy = new ArrayList<>();
        List<ProcessCpu> cpu = new ArrayList<>();
        try (RingCluster cluster = RingCluster.start(work.resolve("migration"), NODES, REPLICAS)) {
            List<VideoId> videos = new ArrayList<>();
            for (int i = 1; i <= VIDEOS; i++) {
                VideoId video = VideoId.of(Report.format("video-%02d", i));
                cluster.publisher().publish(video, files, fraction -> { });
                videos.add(video);
            }
            StorageDaemonProcess fourth = cluster.startDaemon();
            for (int run = 1; run <= runs; run++) {
                int[] copies = new int[1];
                Timed adding = Timed.of(() -> copies[0] = cluster.membership().addNode(fourth.address()));
                double took = adding.seconds();
                long bytes = bytesHeldBy(fourth, videos);
                busy.add(adding.cpuBusy());
                cpu.add(adding.cpu());
                seconds.add(took);
                moved.add((double) copies[0]);
                throughputs.add(Stats.megabytes(bytes) / took);
                System.out.printf("  migration run %d: %d copies, %.0f MB in %.2f s%n", run, copies[0], Stats.megabytes(bytes), took);
                if (run < runs) {
                    cluster.membership().removeNode(fourth.address());
                }
            }
        }
        double ideal = VIDEOS * files.size() * REPLICAS / 4.0;
        double copies = Stats.median(moved);
        double throughput = Stats.median(throughputs);
        report.add(Report.Row.judged("4", "add a 4th node to 3 holding 20 videos: copies written to it",
                Report.format("%.0f", copies), Report.format("%.0f ideal (all copies / 4)", ideal),
                Report.format("%.2f× ideal", copies / ideal), Target.atMost("≤ 1.2× ideal", 1.2), copies / ideal));
        report.add(Report.Row.judged("4", "same: time and throughput",
                Report.format("%.1f s, %.0f MB/s", Stats.median(seconds), throughput),
                Report.format("%.0f MB/s plain local copy", plainCopyMegabytesPerSecond),
                Report.format("%.2f of the copy", throughput / plainCopyMegabytesPerSecond),
                Target.atLeast("≥ 0.5 of the copy", 0.5), throughput / plainCopyMegabytesPerSecond));
        report.note(Report.format("figure 4: %d videos of %d files (%.0f MB each), %d replicas, so %d copies on 3 nodes; "
                        + "ideal = copies / 4, the new node's fair share; MB/s = bytes that arrived on the new node / time; "
                        + "while adding, the CPUs were %.0f%% busy and the work cost %.1f CPU-s in the web tier and %.1f in the "
                        + "4 daemons (medians)",
                VIDEOS, files.size(), Stats.megabytes(BenchMedia.totalBytes(files)), REPLICAS, VIDEOS * files.size() * REPLICAS,
                Stats.median(busy) * 100, Stats.median(cpu.stream().map(ProcessCpu::ownSeconds).toList()),
                Stats.median(cpu.stream().map(ProcessCpu::childSeconds).toList())));
    }

    /** What the node holds on its disk for these videos, in bytes. */
    private static long bytesHeldBy(StorageDaemonProcess node, List<VideoId> videos) throws IOException {
        long bytes = 0;
        for (VideoId video : videos) {
            for (String name : node.filesOf(video.value())) {
                bytes += Files.size(node.baseDir().resolve(video.value()).resolve(name));
            }
        }
        return bytes;
    }
}
