package io.tritontube.systemtest.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.systemtest.support.Cluster;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import io.tritontube.testkit.StorageDaemonProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storage node that hangs (SIGSTOP: its port open, nothing answered) rather than dies: every
 * file of a video still plays, and no read waits the storage client's 10 s answer timeout;
 * only the first read that asks the hung node pays the first-answer timeout (2 s by default).
 */
class HungNodeTest {

    private static final Duration PROCESSING = Duration.ofMinutes(3);
    /** The default first-answer timeout, 2 s, plus room for a loaded machine; far below 10 s. */
    private static final Duration SLOWEST_ACCEPTABLE_READ = Duration.ofSeconds(4);

    @Test
    void everyFileOfAVideoPlaysPromptlyWhileANodeHangs(@TempDir Path videos) {
        // No content cache: every read below must reach the storage nodes.
        try (Cluster cluster = Cluster.start("hung-node", 3, Map.of("tritontube.cache.max-bytes", "0"))) {
            SiteClient site = cluster.web(0).site();
            HttpResponse<String> upload = site.upload(SampleVideos.testPattern(videos, "hung.mp4", 4), "hung.mp4");
            assertEquals(303, upload.statusCode(), upload.body());
            site.awaitReady("hung", PROCESSING);
            Map<String, byte[]> before = readEveryFile(site, "hung");
            StorageDaemonProcess hung = cluster.storageNodes().stream()
                    .max(Comparator.comparingInt(node -> node.filesOf("hung").size())).orElseThrow();

            hung.pause();
            Duration slowest = Duration.ZERO;
            try {
                for (Map.Entry<String, byte[]> file : before.entrySet()) {
                    long started = System.nanoTime();
                    HttpResponse<byte[]> read = site.getBytes(SiteClient.contentPath("hung", file.getKey()));
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    assertEquals(200, read.statusCode(), file.getKey() + " while " + hung + " hangs");
                    assertArrayEquals(file.getValue(), read.body(), file.getKey() + " while " + hung + " hangs");
                    slowest = took.compareTo(slowest) > 0 ? took : slowest;
                }
            } finally {
                hung.resume();
            }

            System.out.printf("HungNodeTest: %d DASH files read while %s (holding %d files of the video) hung; "
                    + "slowest read %d ms%n", before.size(), hung, hung.filesOf("hung").size(), slowest.toMillis());
            assertTrue(slowest.compareTo(SLOWEST_ACCEPTABLE_READ) < 0, "the slowest read took " + slowest);
            assertEquals(before.keySet(), readEveryFile(site, "hung").keySet(), "every file plays once the node resumed");
        }
    }

    private static Map<String, byte[]> readEveryFile(SiteClient site, String videoId) {
        List<String> files = site.dashFilesOf(videoId);
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String file : files) {
            HttpResponse<byte[]> read = site.getBytes(SiteClient.contentPath(videoId, file));
            assertEquals(200, read.statusCode(), videoId + "/" + file);
            contents.put(file, read.body());
        }
        return contents;
    }
}
