package io.tritontube.storage.server;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.storage.client.StorageClient;
import io.tritontube.storage.server.disk.ChecksumRecording;
import io.tritontube.storage.server.disk.StorageDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A storage node served in-process over a real directory, and the clients tests talk to it
 * with. It starts as the daemon does, removing what a previous run left behind.
 */
final class InProcessNode implements AutoCloseable {

    final Path base;
    private final String name = InProcessServerBuilder.generateName();
    private final Server server;
    private final List<StorageClient> clients = new ArrayList<>();
    private final List<ManagedChannel> rawChannels = new ArrayList<>();

    private InProcessNode(StorageDirectory directory, GrpcSecuritySettings security) throws IOException {
        directory.removeLeftovers();
        this.base = directory.path();
        this.server = InProcessServerBuilder.forName(name)
                .addService(StorageService.definition(directory, security))
                .build().start();
    }

    static InProcessNode serving(Path base) throws IOException {
        return new InProcessNode(StorageDirectory.open(base), GrpcSecuritySettings.none());
    }

    static InProcessNode serving(Path base, GrpcSecuritySettings security) throws IOException {
        return new InProcessNode(StorageDirectory.open(base), security);
    }

    /** A node that keeps checksums as {@code recording} says, whatever the file system offers. */
    static InProcessNode serving(Path base, ChecksumRecording recording) throws IOException {
        return new InProcessNode(StorageDirectory.open(base, recording), GrpcSecuritySettings.none());
    }

    /** A raw channel, for speaking the protocol in ways the client library never would. */
    ManagedChannel rawChannel() {
        ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
        rawChannels.add(channel);
        return channel;
    }

    StorageClient client() throws IOException {
        return client(GrpcSecuritySettings.none());
    }

    StorageClient client(GrpcSecuritySettings security) throws IOException {
        StorageClient client = StorageClient.builder(name)
                .channel(InProcessChannelBuilder.forName(name).build())
                .security(security)
                .build();
        clients.add(client);
        return client;
    }

    /** Every file under the base directory, temporary files included, relative to it. */
    List<String> filesOnDisk() throws IOException {
        try (Stream<Path> paths = Files.walk(base)) {
            return paths.filter(Files::isRegularFile).map(p -> base.relativize(p).toString()).sorted().toList();
        }
    }

    /** Every entry directly in the base directory: video directories and anything else. */
    List<String> entriesInBase() throws IOException {
        try (Stream<Path> paths = Files.list(base)) {
            return paths.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public void close() {
        clients.forEach(StorageClient::close);
        rawChannels.forEach(ManagedChannel::shutdownNow);
        server.shutdownNow();
    }

    /** Writes {@code size} pseudo-random bytes to {@code file} a block at a time, never all in memory. */
    static Path randomFile(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }
}
