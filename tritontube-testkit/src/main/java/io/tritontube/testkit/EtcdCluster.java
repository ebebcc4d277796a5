package io.tritontube.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A real etcd cluster of child processes, started from Debian's {@code /usr/bin/etcd} on free
 * loopback ports with its data in a temporary folder, for tests that must see what etcd really
 * does: transactions, quorum loss, members rejoining.
 *
 * <pre>{@code
 * try (EtcdCluster etcd = EtcdCluster.start()) {
 *     String endpoints = etcd.clientEndpoints();   // "127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3"
 *     etcd.kill(0);                                  // SIGKILL one member
 *     etcd.restart(0);                               // it rejoins with its old data
 * }
 * }</pre>
 *
 * Each member writes its log to {@code <folder>/member-N/etcd.log}; failures to start name the
 * folder and quote the end of every member's log. Another binary can be used with the system
 * property {@value #BINARY_PROPERTY}.
 */
public final class EtcdCluster implements AutoCloseable {

    /** Where Debian's etcd-server package installs the server. */
    public static final Path DEBIAN_ETCD = Path.of("/usr/bin/etcd");

    /** System property naming another etcd binary than {@link #DEBIAN_ETCD}. */
    public static final String BINARY_PROPERTY = "tritontube.etcd.binary";

    public static final int DEFAULT_SIZE = 3;

    private static final Logger LOG = Logger.getLogger(EtcdCluster.class.getName());
    private static final String LOOPBACK = "127.0.0.1";
    /** A member that dies at start most likely lost a port to another process: retry on new ports. */
    private static final int START_ATTEMPTS = 3;
    /** A loopback cluster is healthy in 1-3 s; a loaded CI machine gets ample margin. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private static EtcdCluster shared;

    private final Path binary;
    private final Path folder;
    private final String clusterToken = "tritontube-test-" + UUID.randomUUID();
    private final List<Member> members = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    private EtcdCluster(Path binary, Path folder, int size) {
        this.binary = binary;
        this.folder = folder;
        List<Integer> ports = FreePorts.pick(2 * size);
        for (int i = 0; i < size; i++) {
            members.add(new Member(i, ports.get(2 * i), ports.get(2 * i + 1), folder.resolve("member-" + i)));
        }
    }

    /** Starts a {@value #DEFAULT_SIZE}-member cluster and returns once every member is healthy. */
    public static EtcdCluster start() {
        return start(DEFAULT_SIZE);
    }

    /**
     * Starts a cluster of {@code size} members and returns once every member is healthy.
     *
     * @throws IllegalStateException when etcd is not installed or the cluster does not become
     *                               healthy; the message names the logs
     */
    public static EtcdCluster start(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("an etcd cluster needs at least one member, not " + size);
        }
        Path binary = locateBinary();
        Path folder = TempFolders.create("tritontube-etcd-");
        for (int attempt = 1; ; attempt++) {
            EtcdCluster cluster = new EtcdCluster(binary, folder, size);
            try {
                cluster.launchAll();
                LOG.info(() -> "started " + cluster);
                return cluster;
            } catch (MemberExitedException e) {
                cluster.killAll();
                if (attempt == START_ATTEMPTS) {
                    throw new IllegalStateException("etcd members kept exiting at start, " + START_ATTEMPTS
                            + " attempts on different ports; logs in " + folder, e);
                }
                LOG.warning(() -> "retrying on new ports: " + e.getMessage());
                cluster.members.forEach(member -> TempFolders.deleteRecursively(member.dataDir()));
            } catch (RuntimeException e) {
                cluster.killAll();
                throw e;
            }
        }
    }

    /**
     * One cluster for the whole test JVM, started on first use and stopped when the JVM exits, so
     * test classes do not each pay for a start. Members a previous test left killed are restarted
     * before it is handed out. Do not close it; isolate tests by key prefix instead.
     */
    public static synchronized EtcdCluster shared() {
        if (shared == null) {
            EtcdCluster started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "etcd-cluster-shutdown"));
            shared = started;
        }
        for (int i = 0; i < shared.size(); i++) {
            if (!shared.isRunning(i)) {
                shared.restart(i);
            }
        }
        return shared;
    }

    /** The client endpoints in the form the web server's {@code etcd} option takes: {@code "127.0.0.1:p1,..."}. */
    public String clientEndpoints() {
        return String.join(",", clientAddresses());
    }

    /** Each member's client address, {@code 127.0.0.1:port}, in member order. */
    public List<String> clientAddresses() {
        return members.stream().map(member -> LOOPBACK + ":" + member.clientPort()).toList();
    }

    /** Each member's client URL, {@code http://127.0.0.1:port}, in member order. */
    public List<URI> clientUris() {
        return members.stream().map(Member::clientUri).toList();
    }

    public int size() {
        return members.size();
    }

    public boolean isRunning(int member) {
        return member(member).isAlive();
    }

    /** Where member {@code member} writes its log. */
    public Path logFile(int member) {
        return member(member).logFile();
    }

    /** The folder holding every member's data and log. */
    public Path folder() {
        return folder;
    }

    /** Kills member {@code member} with SIGKILL, as a crash would, and waits until it is gone. */
    public void kill(int member) {
        Member target = member(member);
        target.kill();
        LOG.info(() -> "killed etcd member " + member + " (client port " + target.clientPort() + ")");
    }

    /**
     * Starts member {@code member} again with its old name and data, so it rejoins the cluster.
     * Returns once every running member is healthy when a quorum of members runs, else once
     * the member runs.
     */
    public void restart(int member) {
        Member target = member(member);
        if (target.isAlive()) {
            throw new IllegalStateException("etcd member " + member + " is still running; kill it before restarting");
        }
        target.launch();
        List<Member> running = members.stream().filter(Member::isAlive).toList();
        if (running.size() > members.size() / 2) {
            awaitHealthy(running, "etcd member " + member + " rejoining the cluster");
        } else {
            // Without a quorum etcd accepts client connections but does not answer them; its peer
            // port answers as soon as it runs.
            awaitCondition("etcd member " + member + " running without a quorum", List.of(target),
                    () -> answers(target.peerUri(), "/version"));
        }
        LOG.info(() -> "restarted etcd member " + member + " (client port " + target.clientPort() + ")");
    }

    /** Waits until every member is running and healthy (it has a leader and can serve reads). */
    public void awaitHealthy() {
        members.stream().filter(member -> !member.isAlive()).findFirst().ifPresent(stopped -> {
            throw new IllegalStateException("etcd member " + stopped.index() + " is not running; restart it first");
        });
        awaitHealthy(members, "etcd cluster healthy");
    }

    /** Kills every member and deletes the folder with their data and logs. */
    @Override
    public void close() {
        killAll();
        TempFolders.deleteRecursively(folder);
    }

    @Override
    public String toString() {
        return "etcd cluster " + clientEndpoints() + " in " + folder;
    }

    private static Path locateBinary() {
        Path binary = Path.of(System.getProperty(BINARY_PROPERTY, DEBIAN_ETCD.toString()));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("no etcd server at " + binary + ": install Debian's etcd-server"
                    + " (apt-get install etcd-server etcd-client) or point -D" + BINARY_PROPERTY + " at one");
        }
        return binary;
    }

    private void launchAll() {
        members.forEach(Member::launch);
        awaitHealthy(members, "new etcd cluster healthy");
    }

    private void killAll() {
        members.forEach(Member::kill);
    }

    private Member member(int index) {
        if (index < 0 || index >= members.size()) {
            throw new IndexOutOfBoundsException("no etcd member " + index + " in a cluster of " + members.size());
        }
        return members.get(index);
    }

    private String initialCluster() {
        return members.stream().map(member -> member.name() + "=" + member.peerUri()).collect(Collectors.joining(","));
    }

    private void awaitHealthy(List<Member> which, String what) {
        awaitCondition(what, which, () -> {
            for (Member member : which) {
                if (!answers(member.clientUri(), "/health")) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Waits for {@code condition}, failing at once when one of {@code watched} exits meanwhile. */
    private void awaitCondition(String what, List<Member> watched, Callable<Boolean> condition) {
        try {
            Awaitility.await(what)
                    .atMost(START_TIMEOUT)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL_INTERVAL)
                    .failFast("an etcd member exited", () -> watched.stream().anyMatch(member -> !member.isAlive()))
                    .until(condition);
        } catch (TerminalFailureException e) {
            throw new MemberExitedException(what + ": " + e.getMessage() + "\n" + logTails(), e);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(what + ": not reached within " + START_TIMEOUT.toSeconds() + " s\n"
                    + logTails(), e);
        }
    }

    /**
     * Whether a member's HTTP endpoint {@code path} answers 200. etcd 3.4's {@code /health} on the
     * client URL does so only when the member has a leader and can serve a read.
     */
    private boolean answers(URI memberUrl, String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(memberUrl.resolve(path)).timeout(PROBE_TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && (!path.equals("/health") || response.body().contains("\"true\""));
        } catch (IOException notYetListening) {
            return false;
        }
    }

    private String logTails() {
        return members.stream()
                .map(member -> ProcessLogs.describe("etcd " + member.name(), member.logFile()))
                .collect(Collectors.joining("\n"));
    }

    /** One etcd process: its ports, data and log never change, so it can be restarted in place. */
    private final class Member {

        private final int index;
        private final int clientPort;
        private final int peerPort;
        private final Path folder;
        private Process process;

        Member(int index, int clientPort, int peerPort, Path folder) {
            this.index = index;
            this.clientPort = clientPort;
            this.peerPort = peerPort;
            this.folder = folder;
        }

        int index() {
            return index;
        }

        String name() {
            return "member-" + index;
        }

        int clientPort() {
            return clientPort;
        }

        URI clientUri() {
            return URI.create("http://" + LOOPBACK + ":" + clientPort);
        }

        URI peerUri() {
            return URI.create("http://" + LOOPBACK + ":" + peerPort);
        }

        Path dataDir() {
            return folder.resolve("data");
        }

        Path logFile() {
            return folder.resolve("etcd.log");
        }

        synchronized boolean isAlive() {
            return process != null && process.isAlive();
        }

        synchronized void launch() {
            // With a data folder from an earlier run etcd ignores the --initial-* flags and rejoins.
            List<String> command = List.of(binary.toString(),
                    "--name", name(),
                    "--data-dir", dataDir().toString(),
                    "--listen-client-urls", clientUri().toString(),
                    "--advertise-client-urls", clientUri().toString(),
                    "--listen-peer-urls", peerUri().toString(),
                    "--initial-advertise-peer-urls", peerUri().toString(),
                    "--initial-cluster", initialCluster(),
                    "--initial-cluster-token", clusterToken,
                    "--initial-cluster-state", "new",
                    "--logger=zap",
                    "--log-outputs=stderr");
            try {
                Files.createDirectories(folder);
                ProcessBuilder builder = ProcessLogs.redirectTo(new ProcessBuilder(command), logFile());
                // etcd also reads its flags from ETCD_* variables: one set on a CI machine must not leak in.
                builder.environment().keySet().removeIf(name -> name.startsWith("ETCD_"));
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start etcd " + name() + ": " + command, e);
            }
        }

        synchronized void kill() {
            if (process == null) {
                return;
            }
            process.destroyForcibly();
            try {
                if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("etcd " + name() + " (pid " + process.pid()
                            + ") did not exit within " + EXIT_TIMEOUT.toSeconds() + " s of SIGKILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while killing etcd " + name(), e);
            }
        }
    }

    /** A member exited while the harness waited for it: at start, most likely a port taken meanwhile. */
    private static final class MemberExitedException extends RuntimeException {

        MemberExitedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
