package io.tritontube.bench;

import static org.awaitility.Awaitility.await;

import io.tritontube.testkit.ChildProcess;
import io.tritontube.testkit.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's nginx serving a directory on a free loopback port, as the baseline for reading
 * segments: a minimal configuration in a folder of its own, {@code sendfile} on, no access
 * log, one worker per core, in the foreground so that closing it stops it.
 */
final class Nginx implements AutoCloseable {

    private final int port;
    private final ChildProcess process;

    private Nginx(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    static Nginx serve(Path root, Path prefix) throws IOException {
        Files.createDirectories(prefix.resolve("logs"));
        int port = FreePorts.pick();
        Path configuration = Files.writeString(prefix.resolve("nginx.conf"), configuration(root, prefix, port));
        ChildProcess process = ChildProcess.start("nginx :" + port,
                List.of("nginx", "-c", configuration.toString(), "-p", prefix.toString(), "-g", "daemon off;"),
                prefix.resolve("logs/console.log"));
        Nginx nginx = new Nginx(port, process);
        await("nginx on port " + port + " (log: " + process.log() + ")")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .failFast(process::assertAlive)
                .until(() -> FreePorts.isListening(port));
        return nginx;
    }

    private static String configuration(Path root, Path prefix, int port) {
        // As root, workers would otherwise run as nobody, who may not read the benchmark's files.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user + """
                worker_processes auto;
                error_log %1$s/logs/error.log;
                pid %1$s/nginx.pid;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    keepalive_requests 100000;
                    types { video/mp4 m4s; application/dash+xml mpd; }
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %3$s;
                    }
                }
                """.formatted(prefix, port, root);
    }

    /** {@code path} on this server. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() {
        process.close();
    }
}
