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
import java.util.function.Predicate;

/**
 * The real TritonTube WAR on a real Payara Micro, as a child JVM on a loopback port. Settings
 * are passed as system properties, the way {@code bin/tritontube-web} passes them.
 */
public final class PayaraMicroServer implements AutoCloseable {

    /** Payara Micro boots in 16-21 s on 2 cores; leave room for a loaded CI machine. */
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    /** Longer than the site's own 5 s wait for etcd, so that its 503 arrives when etcd is down. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

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
        return launch(name, workDir, settings, PayaraMicroServer::isServing);
    }

    /**
     * Like {@link #start}, but also returns when the JSON API answers 503: for a server started
     * while something it needs is down (etcd).
     */
    public static PayaraMicroServer startAnswering(String name, Path workDir, Map<String, String> settings) {
        return launch(name, workDir, settings, PayaraMicroServer::isServingOrUnavailable);
    }

    /** 200 from the JSON API: the site serves. */
    private static boolean isServing(HttpResponse<?> answer) {
        return answer.statusCode() == 200;
    }

    /**
     * 200, or the site's own 503 for a store that does not answer, in JSON; not the container's
     * 503 or 500 pages while the WAR is still being deployed and started.
     */
    private static boolean isServingOrUnavailable(HttpResponse<?> answer) {
        return isServing(answer) || answer.statusCode() == 503
                && answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
    }

    private static PayaraMicroServer launch(String name, Path workDir, Map<String, String> settings,
                                            Predicate<HttpResponse<?>> ready) {
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
            server.awaitAnswer(ready);
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

    private void awaitAnswer(Predicate<HttpResponse<?>> ready) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await(process.name() + " to serve " + uri("/api/videos") + " (log: " + process.log() + ")")
                .atMost(BOOT_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .failFast(process::assertAlive)
                .until(() -> answers(http, ready));
    }

    private boolean answers(HttpClient http, Predicate<HttpResponse<?>> ready) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri("/api/videos")).timeout(PROBE_TIMEOUT).build();
            return ready.test(http.send(request, HttpResponse.BodyHandlers.discarding()));
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
        awaitAnswer(PayaraMicroServer::isServing);
    }

    public void stop() {
        process.stop();
    }

    @Override
    public void close() {
        process.close();
    }
}
