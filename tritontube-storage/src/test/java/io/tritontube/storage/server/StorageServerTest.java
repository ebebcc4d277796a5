package io.tritontube.storage.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.storage.client.ReadStream;
import io.tritontube.storage.client.Sha256;
import io.tritontube.storage.client.StorageClient;
import io.tritontube.storage.client.StorageException;
import io.tritontube.storage.client.StorageNodeUnavailableException;
import io.tritontube.storage.server.disk.StorageDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's real network server: TLS, token, graceful stop, and what clients see of a dead node. */
class StorageServerTest {

    private static final int HALF = 512 * 1024;

    @TempDir
    Path work;

    private StorageServer server;
    private final CountDownLatch releaseSource = new CountDownLatch(1);

    @AfterEach
    void stopServer() throws InterruptedException {
        releaseSource.countDown();
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void tlsAndTokenProtectTheNode() throws Exception {
        SelfSignedCertificate tls = SelfSignedCertificate.createIn(Files.createDirectories(work.resolve("tls")));
        server = start(new GrpcSecuritySettings("node-secret", tls.certificate(), tls.privateKey(), null));
        String address = "127.0.0.1:" + server.port();

        try (StorageClient trusted = StorageClient.connect(address,
                new GrpcSecuritySettings("node-secret", null, null, tls.certificate()))) {
            trusted.write("v", "f.m4s", Files.writeString(work.resolve("s"), "over TLS")).get();
            try (ReadStream in = trusted.read("v", "f.m4s")) {
                assertEquals("over TLS", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        try (StorageClient plaintext = StorageClient.connect(address,
                new GrpcSecuritySettings("node-secret", null, null, null))) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> plaintext.health().get());
            assertInstanceOf(StorageNodeUnavailableException.class, failure.getCause());
        }
        try (StorageClient tokenless = StorageClient.connect(address,
                new GrpcSecuritySettings(null, null, null, tls.certificate()))) {
            ExecutionException failure = assertThrows(ExecutionException.class, () -> tokenless.health().get());
            assertEquals(Status.Code.UNAUTHENTICATED, ((StorageException) failure.getCause()).code());
        }
    }

    @Test
    void stopLetsAWriteInFlightFinishAndRefusesNewCalls() throws Exception {
        server = start(GrpcSecuritySettings.none());
        try (StorageClient client = StorageClient.connect("127.0.0.1:" + server.port())) {
            CompletableFuture<Long> write = stallingWrite(client);
            awaitTemporaryFile();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> stopQuietly(Duration.ofSeconds(30)));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(refusesNewCalls(client)));
            releaseSource.countDown();

            assertEquals(2L * HALF, write.get());
            stopping.get();
            assertTrue(Files.isRegularFile(work.resolve("node/v/f.m4s")));
        }
    }

    @Test
    void stopCancelsWritesStillRunningAfterTheGraceAndLeavesNoPartialFile() throws Exception {
        server = start(GrpcSecuritySettings.none());
        try (StorageClient client = StorageClient.connect("127.0.0.1:" + server.port())) {
            CompletableFuture<Long> write = stallingWrite(client);
            awaitTemporaryFile();

            server.stop(Duration.ofMillis(200));

            ExecutionException failure = assertThrows(ExecutionException.class, write::get);
            assertInstanceOf(StorageException.class, failure.getCause());
            await().atMost(Duration.ofSeconds(10)).until(() -> filesUnder(work.resolve("node")).isEmpty());
        }
    }

    @Test
    void nodeThatIsDownIsReportedAsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (StorageClient client = StorageClient.connect("127.0.0.1:" + closedPort)) {
            assertThrows(StorageNodeUnavailableException.class, () -> client.read("v", "f.m4s"));
            ExecutionException failure = assertThrows(ExecutionException.class, () -> client.health().get());
            assertInstanceOf(StorageNodeUnavailableException.class, failure.getCause());
        }
    }

    private StorageServer start(GrpcSecuritySettings security) throws IOException {
        return new StorageServer("127.0.0.1", 0, StorageDirectory.open(work.resolve("node")), security).start();
    }

    /** A write whose source gives half its bytes, then waits for {@link #releaseSource}. */
    private CompletableFuture<Long> stallingWrite(StorageClient client) throws IOException {
        byte[] content = new byte[2 * HALF];
        InputStream secondHalf = new InputStream() {
            private final InputStream bytes = new ByteArrayInputStream(content, HALF, HALF);

            @Override
            public int read() throws IOException {
                try {
                    releaseSource.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while stalled", e);
                }
                return bytes.read();
            }
        };
        InputStream source = new SequenceInputStream(new ByteArrayInputStream(content, 0, HALF), secondHalf);
        return client.write("v", "f.m4s", content.length, Sha256.of(new ByteArrayInputStream(content)), source);
    }

    private void awaitTemporaryFile() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !filesUnder(work.resolve("node")).isEmpty());
    }

    private static boolean refusesNewCalls(StorageClient client) {
        try {
            client.health(Duration.ofSeconds(2)).get();
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof StorageNodeUnavailableException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stopQuietly(Duration grace) {
        try {
            server.stop(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
