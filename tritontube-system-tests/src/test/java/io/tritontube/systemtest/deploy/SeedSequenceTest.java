package io.tritontube.systemtest.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.systemtest.support.Ffmpeg;
import io.tritontube.systemtest.support.SystemTestDirs;
import io.tritontube.testkit.MultipartUpload;
import io.tritontube.testkit.SampleVideos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's own sequence with our launchers, on the seed's own ports: {@code deploy/local-cluster up}
 * (3 etcd members, 3 storage daemons, the web server), an upload that plays, {@code add} of a
 * fourth node, {@code list}, {@code remove}, and the video playing throughout.
 */
class SeedSequenceTest {

    private static final Path PROJECT = Path.of(System.getProperty("tritontube.project.dir", ".."));
    private static final List<Integer> SEED_PORTS = List.of(3344, 3343, 8090, 8091, 8092, 8093, 8094, 8095, 8096,
            2380, 2381, 2382);
    private static final URI SITE = URI.create("http://localhost:3344");

    private static Path clusterDir;
    private static Process fourthNode;

    @BeforeAll
    static void startTheWholeSystem() {
        SEED_PORTS.forEach(SeedSequenceTest::assertFree);
        clusterDir = SystemTestDirs.fresh("seed-sequence");
        Result up = run(Duration.ofMinutes(5), "deploy/local-cluster", "up");
        assertEquals(0, up.exitCode(), up.output());
    }

    @AfterAll
    static void stopTheWholeSystem() {
        if (fourthNode != null) {
            fourthNode.destroy();
        }
        if (clusterDir != null) {
            run(Duration.ofMinutes(2), "deploy/local-cluster", "down");
        }
    }

    @Test
    void theSeedsAdminSequenceWorksWhileTheVideoKeepsPlaying() throws Exception {
        Path clip = SampleVideos.testPattern(clusterDir, "seed.mp4", 6);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertEquals(303, http.send(MultipartUpload.request(SITE.resolve("/upload"), "file", "seed.mp4", clip),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        await("the upload to be ready").atMost(Duration.ofMinutes(3)).until(() -> http.send(
                HttpRequest.newBuilder(SITE.resolve("/api/videos/seed")).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("\"ready\""));
        assertPlays();

        fourthNode = new ProcessBuilder(PROJECT.resolve("bin/tritontube-storage").toString(), "-port", "8096",
                clusterDir.resolve("storage-8096").toString())
                .redirectErrorStream(true).redirectOutput(clusterDir.resolve("storage-8096.log").toFile()).start();
        await("the fourth node to listen").atMost(Duration.ofSeconds(60)).until(() -> !isFree(8096));

        Result add = admin("add", "localhost:3343", "localhost:8096");
        assertEquals(0, add.exitCode(), add.output());
        assertTrue(add.output().startsWith("Successfully added node: localhost:8096\nNumber of files migrated: "), add.output());
        assertPlays();

        Result list = admin("list", "localhost:3343");
        assertEquals(0, list.exitCode(), list.output());
        assertTrue(list.output().startsWith("Storage cluster nodes:\n"), list.output());
        assertEquals(4, list.output().lines().filter(line -> line.startsWith("  - localhost:809")).count(), list.output());

        Result remove = admin("remove", "localhost:3343", "localhost:8096");
        assertEquals(0, remove.exitCode(), remove.output());
        assertTrue(remove.output().startsWith("Successfully removed node: localhost:8096\nNumber of files migrated: "), remove.output());
        assertPlays();
    }

    private static void assertPlays() {
        assertNull(Ffmpeg.decodeFailure(SITE.resolve("/content/seed/manifest.mpd")));
    }

    private static Result admin(String... args) {
        List<String> command = new ArrayList<>(List.of("bin/tritontube-admin"));
        command.addAll(List.of(args));
        return run(Duration.ofMinutes(2), command.toArray(String[]::new));
    }

    private static Result run(Duration timeout, String... command) {
        try {
            Path output = Files.createTempFile(clusterDir, "command", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("TRITONTUBE_CLUSTER_DIR", clusterDir.resolve("cluster").toString());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout);
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertFree(int port) {
        assertTrue(isFree(port), "the seed's port " + port + " is taken: stop what uses it to run this test");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private record Result(int exitCode, String output) {
    }
}
