package io.tritontube.bench;

import io.tritontube.testkit.TempFolders;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 1: storing the DASH files of the 17-minute video on 3 storage daemons through the
 * web tier's publishing path (ContentPublisher and RingContentStore, 2 replicas), against
 * storing them one by one as the reference did (one sequential StorageClient write per file,
 * one copy, to the file's first owner) and against a plain local copy made the way a daemon
 * writes (copy to a temporary name, fsync, rename, fsync the directory): the disk's limit.
 */
final class StoreBenchmark {

    static final int NODES = 3;
    static final int REPLICAS = 2;

    private final Path work;
    private final List<Path> files;
    private final List<Path> warmUpFiles;
    private final long bytes;

    StoreBenchmark(Path work, BenchMedia media) throws IOException {
        this.work = work;
        this.files = media.longVideoFiles();
        this.warmUpFiles = media.smallVideoFiles();
        this.bytes = BenchMedia.totalBytes(files);
    }

    /** @return the plain copy's median throughput in MB/s, the machine's limit that figure 4 is compared with */
    double run(Report report, int runs) throws Exception {
        List<Double> published = new ArrayList<>();
        List<Double> publishingBusy = new ArrayList<>();
        List<ProcessCpu> publishingCpu = new ArrayList<>();
        List<Double> oneByOne = new ArrayList<>();
        List<Double> copied = new ArrayList<>();
        try (RingCluster cluster = RingCluster.start(work.resolve("store"), NODES, REPLICAS)) {
            warmUp(cluster);
            for (int run = 1; run <= runs; run++) {
                Timed publishing = publish(cluster, VideoId.of("published-" + run), files);
                published.add(publishing.seconds());
                publishingBusy.add(publishing.cpuBusy());
                publishingCpu.add(publishing.cpu());
                oneByOne.add(writeOneByOne(cluster, VideoId.of("one-by-one-" + run), files));
                copied.add(copyLocally(work.resolve("plain-copy-" + run)));
                System.out.printf("  store run %d: published %.2f s, one by one %.2f s, plain copy %.2f s%n",
                        run, published.get(run - 1), oneByOne.get(run - 1), copied.get(run - 1));
            }
        }
        double publish = Stats.median(published);
        double sequential = Stats.median(oneByOne);
        double copy = Stats.median(copied);
        double speedUp = sequential / publish;
        double throughput = Stats.megabytes(bytes) / publish;
        double copyThroughput = Stats.megabytes(bytes) / copy;
        report.add(Report.Row.judged("1", "store " + files.size() + " files of a 17-min video, 3 nodes, 2 replicas: wall time",
                Report.format("%.2f s", publish), Report.format("%.2f s one by one", sequential),
                Report.format("%.1f× faster", speedUp), Target.atLeast("≥ 20× faster", 20), speedUp));
        report.add(Report.Row.judged("1", "same, throughput (video bytes; each is written twice)",
                Report.format("%.0f MB/s", throughput), Report.format("%.0f MB/s plain local copy", copyThroughput),
                Report.format("%.2f of the copy", throughput / copyThroughput), Target.atLeast("≥ 0.5 of the copy", 0.5),
                throughput / copyThroughput));
        report.note(Report.format("figure 1: %d files, %.0f MB; one by one = sequential StorageClient.write of one copy per file "
                + "to its first owner (%.1f ms a file); plain copy = copy, fsync, rename, fsync directory per file, one at a time; "
                + "while publishing, the CPUs were %.0f%% busy and the work cost %.1f CPU-s in the web tier and %.1f in the "
                + "3 daemons (medians)",
                files.size(), Stats.megabytes(bytes), sequential * 1000 / files.size(), Stats.median(publishingBusy) * 100,
                Stats.median(publishingCpu.stream().map(ProcessCpu::ownSeconds).toList()),
                Stats.median(publishingCpu.stream().map(ProcessCpu::childSeconds).toList())));
        return copyThroughput;
    }

    /** Both write paths once on a small video, so that neither measurement pays for the JIT compiler of the JVMs. */
    private void warmUp(RingCluster cluster) throws Exception {
        publish(cluster, VideoId.of("warm-up-published"), warmUpFiles);
        writeOneByOne(cluster, VideoId.of("warm-up-one-by-one"), warmUpFiles);
    }

    private static Timed publish(RingCluster cluster, VideoId video, List<Path> files) throws Exception {
        Timed publishing = Timed.of(() -> cluster.publisher().publish(video, files, fraction -> { }));
        cluster.store().deleteVideo(video);
        return publishing;
    }

    private static double writeOneByOne(RingCluster cluster, VideoId video, List<Path> files) throws Exception {
        long start = System.nanoTime();
        for (Path file : files) {
            String name = file.getFileName().toString();
            NodeAddress owner = cluster.store().placement().holdersOf(video.value() + "/" + name).get(0);
            cluster.clients().clientFor(owner).write(video.value(), name, file).get();
        }
        double seconds = Stats.secondsSince(start);
        cluster.store().deleteVideo(video);
        return seconds;
    }

    private double copyLocally(Path target) throws IOException {
        Files.createDirectories(target);
        long start = System.nanoTime();
        for (Path file : files) {
            Path temporary = target.resolve("." + file.getFileName() + ".partial");
            Files.copy(file, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel directory = FileChannel.open(target, StandardOpenOption.READ)) {
                directory.force(true);
            }
        }
        double seconds = Stats.secondsSince(start);
        TempFolders.deleteRecursively(target);
        return seconds;
    }
}
