package io.tritontube.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real storage daemon process on a loopback port, serving one base directory. */
public final class StorageDaemonProcess implements AutoCloseable {

    private static final String DAEMON_MAIN_CLASS = "io.tritontube.storage.StorageDaemon";

    private final int port;
    private final Path baseDir;
    private final ChildProcess process;

    private StorageDaemonProcess(int port, Path baseDir, ChildProcess process) {
        this.port = port;
        this.baseDir = baseDir;
        this.process = process;
    }

    /**
     * Starts a daemon on a free port with its base directory under {@code workDir}, and waits
     * until it accepts connections. Extra arguments (such as {@code --token}) go before the
     * base directory.
     */
    public static StorageDaemonProcess start(Path workDir, String... extraArgs) {
        return start(workDir, List.of("-jar", Artifacts.storageDaemon().toString()), extraArgs);
    }

    /**
     * {@link #start}, running the daemon's main class from this JVM's class path rather than from
     * the packaged jar: for the tests of modules that depend on the storage module, where the jar
     * is not built yet.
     */
    public static StorageDaemonProcess startFromClassPath(Path workDir, String... extraArgs) {
        return start(workDir, List.of("-cp", System.getProperty("java.class.path"), DAEMON_MAIN_CLASS), extraArgs);
    }

    private static StorageDaemonProcess start(Path workDir, List<String> program, String... extraArgs) {
        int port = FreePorts.pick();
        Path baseDir = workDir.resolve("storage-" + port);
        List<String> command = new ArrayList<>(List.of(Java.launcher(), "-Xmx256m"));
        command.addAll(program);
        command.addAll(List.of("-host", "127.0.0.1", "-port", Integer.toString(port)));
        command.addAll(List.of(extraArgs));
        command.add(baseDir.toString());
        StorageDaemonProcess daemon = new StorageDaemonProcess(port, baseDir,
                ChildProcess.start("storage daemon :" + port, command, workDir.resolve("logs/storage-" + port + ".log")));
        try {
            daemon.awaitListening();
        } catch (RuntimeException | Error e) {
            daemon.kill();
            throw e;
        }
        return daemon;
    }

    private void awaitListening() {
        await("storage daemon on port " + port + " to listen (log: " + process.log() + ")")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .failFast(process::assertAlive)
                .until(this::acceptsConnections);
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Its address as the ring knows it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path baseDir() {
        return baseDir;
    }

    /** The files it holds for one video (names only), as they are on its disk. */
    public List<String> filesOf(String videoId) {
        Path dir = baseDir.resolve(videoId);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, like a machine dying. */
    public void kill() {
        process.kill();
    }

    /** SIGSTOP: it hangs with its port open, accepting connections and answering nothing. */
    public void pause() {
        process.pause();
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        process.resume();
    }

    /** Starts it again on the same port and directory after {@link #kill()}. */
    public void restart() {
        process.restart();
        awaitListening();
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "storage daemon " + address();
    }
}
