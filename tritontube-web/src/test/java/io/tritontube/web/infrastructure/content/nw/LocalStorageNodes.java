package io.tritontube.web.infrastructure.content.nw;

import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.storage.client.StorageClient;
import io.tritontube.storage.server.StorageServer;
import io.tritontube.storage.server.disk.StorageDirectory;
import io.tritontube.web.domain.cluster.NodeAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real storage daemons for tests: helper-1's gRPC server and disk layout, each on a free
 * loopback port with its own directory, stopped and restarted at will (a stopped node refuses
 * connections, as a killed one does).
 */
public final class LocalStorageNodes implements AutoCloseable {

    private final Path root;
    private final Map<NodeAddress, StorageServer> running = new LinkedHashMap<>();
    private final Map<NodeAddress, Path> directories = new LinkedHashMap<>();

    public LocalStorageNodes(Path root) {
        this.root = root;
    }

    /** Starts a new node with an empty directory. */
    public NodeAddress start() throws IOException {
        Path directory = root.resolve("node-" + directories.size());
        StorageServer server = serve(directory, 0);
        NodeAddress address = NodeAddress.of("127.0.0.1:" + server.port());
        running.put(address, server);
        directories.put(address, directory);
        return address;
    }

    /** Stops a node at once, cutting the calls in flight. */
    public void stop(NodeAddress node) throws InterruptedException {
        running.remove(node).stop(Duration.ZERO);
    }

    /** Starts a stopped node again, on its port and with its files. */
    public void restart(NodeAddress node) throws IOException {
        running.put(node, serve(directories.get(node), node.port()));
    }

    public Path directoryOf(NodeAddress node) {
        return directories.get(node);
    }

    /** The ring keys ({@code video/file}) of the files on a node's disk. */
    public Set<String> keysOn(NodeAddress node) {
        Path directory = directories.get(node);
        return visibleEntries(directory)
                .flatMap(video -> visibleEntries(video).map(file -> directory.relativize(file).toString()))
                .collect(Collectors.toSet());
    }

    /**
     * The entries of {@code directory} whose names do not start with '.', read by name only: a
     * node renames its temporary files while this runs, and a walk that reads each entry's
     * attributes would fail on one that vanished in between.
     */
    private static Stream<Path> visibleEntries(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(entry -> !entry.getFileName().toString().startsWith(".")).toList().stream();
        } catch (NoSuchFileException | NotDirectoryException gone) {
            return Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nodes holding {@code ringKey} on disk. */
    public Set<NodeAddress> holdersOf(String ringKey) {
        return directories.keySet().stream().filter(node -> keysOn(node).contains(ringKey)).collect(Collectors.toSet());
    }

    /** A client pool that dials these nodes with short timeouts, so a stopped node is noticed quickly. */
    public StorageNodeClients clients() {
        return new StorageNodeClients(node -> StorageClient.builder(node.value())
                .answerTimeout(Duration.ofSeconds(5)).build());
    }

    @Override
    public void close() throws InterruptedException {
        for (StorageServer server : running.values()) {
            server.stop(Duration.ZERO);
        }
        running.clear();
    }

    private static StorageServer serve(Path directory, int port) throws IOException {
        return new StorageServer("127.0.0.1", port, StorageDirectory.open(directory), GrpcSecuritySettings.none()).start();
    }
}
