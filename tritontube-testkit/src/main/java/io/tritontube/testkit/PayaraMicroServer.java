package io.tritontube.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real TritonTube WAR on a real Payara Micro, as a child JVM on a loopback port. Settings
 * are passed as system properties, the way {@code bin/tritontube-web} passes them.
 */
public final class PayaraMicroServer implements AutoCloseable {

    /** Payara Micro boots in 16-21 s on 2 cores; leave room for a loaded CI machine. */
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

    private final int port;
    private final Path workDir;
    private final ChildProcess process;

    private PayaraMicroServer(int port, Path workDir, ChildProcess process) {
        this.port = port;
        this.workDir = workDir;
        this.process = process;
    }

    /**
     * Boots the WAR with {@code settings} (TritonTube's MicroProfile Config keys) and waits
     * until its JSON API answers. The data folder is {@code workDir/data} unless a setting
     * names another.
     */
    public static PayaraMicroServer start(String name, Path workDir, Map<String, String> settings) {
        int port = FreePorts.pick();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("tritontube.data.dir", workDir.resolve("data").toString());
        properties.putAll(settings);
        List<String> command = new ArrayList<>(List.of(Java.launcher(), "-Xmx768m"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Artifacts.payaraMicro().toString(),
                "--deploy", Artifacts.war().toString(), "--contextroot", "/",
                "--port", Integer.toString(port), "--nocluster",
                // No --rootdir: a reused root directory redeploys the WAR a second time after a restart.
                "--prebootcommandfile", loopbackOnly(workDir).toString()));
        ChildProcess process = ChildProcess.start(name, command, workDir.resolve("logs/" + name + ".log"));
        PayaraMicroServer server = new PayaraMicroServer(port, workDir, process);
        try {
            server.awaitReady();
        } catch (RuntimeException | Error e) {
            process.kill();
            throw e;
        }
        return server;
    }

    private static Path loopbackOnly(Path workDir) {
        try {
            Files.createDirectories(workDir);
            return Files.writeString(workDir.resolve("preboot.asadmin"),
                    "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await(process.name() + " to serve " + uri("/api/videos") + " (log: " + process.log() + ")")
                .atMost(BOOT_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .failFast(process::assertAlive)
                .until(() -> answers(http));
    }

    private boolean answers(HttpClient http) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri("/api/videos")).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code path} on this server, e.g. {@code uri("/api/videos")}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    public Path workDir() {
        return workDir;
    }

    public String logTail() {
        return process.logTail();
    }

    /** SIGKILL: a crash, with no chance to clean up. */
    public void kill() {
        process.kill();
    }

    /** Boots the same server again (same port, settings and data) after {@link #kill()} or {@link #stop()}. */
    public void restart() {
        process.restart();
        awaitReady();
    }

    public void stop() {
        process.stop();
    }

    @Override
    public void close() {
        process.close();
    }
}
