package io.tritontube.storage.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.tritontube.proto.storage.ReadHeader;
import io.tritontube.proto.storage.ReadRequest;
import io.tritontube.proto.storage.ReadResponse;
import io.tritontube.proto.storage.StorageServiceGrpc;
import io.tritontube.proto.storage.WriteRequest;
import io.tritontube.proto.storage.WriteResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node that hangs with its connection open (a stopped process, a stuck disk) must not hold a
 * caller for the whole answer timeout: a read gives up after the short first-answer timeout, a
 * write whose bytes were sent after the answer timeout. A slow but flowing read is not hung.
 */
class SilentNodeTest {

    /** Long enough that a test finishing well within it proves the shorter bound applied. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FIRST_ANSWER_TIMEOUT = Duration.ofMillis(500);

    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private Server server;
    private StorageClient client;

    @AfterEach
    void stop() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        pacer.shutdownNow();
    }

    @Test
    void aReadOfANodeThatNeverAnswersFailsAfterTheFirstAnswerTimeout() throws IOException {
        connect(new StorageServiceGrpc.StorageServiceImplBase() {
            @Override
            public void read(ReadRequest request, StreamObserver<ReadResponse> responses) {
                // Hung: the call stays open and nothing is ever sent.
            }
        }, ANSWER_TIMEOUT);

        long started = System.nanoTime();
        StorageNodeUnavailableException silent = assertThrows(StorageNodeUnavailableException.class,
                () -> client.read("v", "chunk-0-00001.m4s"));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(Status.Code.DEADLINE_EXCEEDED, silent.code());
        assertTrue(waited.compareTo(FIRST_ANSWER_TIMEOUT) >= 0 && waited.compareTo(Duration.ofSeconds(5)) < 0,
                "gave up after " + waited);
    }

    @Test
    void aReadKeepsStreamingPastTheFirstAnswerTimeoutWhileChunksKeepComing() throws Exception {
        byte[] content = new byte[8 * 1000];
        Arrays.fill(content, (byte) 'x');
        int chunks = 8;
        long pauseMillis = 250; // eight pauses: the transfer lasts four times the first-answer timeout
        connect(new StorageServiceGrpc.StorageServiceImplBase() {
            @Override
            public void read(ReadRequest request, StreamObserver<ReadResponse> responses) {
                responses.onNext(ReadResponse.newBuilder().setHeader(ReadHeader.newBuilder()
                        .setFileSize(content.length).setOffset(0).setLength(content.length)).build());
                for (int i = 0; i < chunks; i++) {
                    int chunk = i;
                    pacer.schedule(() -> {
                        int size = content.length / chunks;
                        responses.onNext(ReadResponse.newBuilder()
                                .setChunk(ByteString.copyFrom(content, chunk * size, size)).build());
                        if (chunk == chunks - 1) {
                            responses.onCompleted();
                        }
                    }, (i + 1) * pauseMillis, TimeUnit.MILLISECONDS);
                }
            }
        }, Duration.ofSeconds(1));

        try (ReadStream in = client.read("v", "chunk-0-00001.m4s")) {
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    @Test
    void aWriteWhoseNodeNeverCommitsFailsAfterTheAnswerTimeout() {
        Duration answerTimeout = Duration.ofSeconds(1);
        connect(new StorageServiceGrpc.StorageServiceImplBase() {
            @Override
            public StreamObserver<WriteRequest> write(StreamObserver<WriteResponse> responses) {
                return new StreamObserver<>() {
                    @Override
                    public void onNext(WriteRequest message) {
                    }

                    @Override
                    public void onError(Throwable failure) {
                    }

                    @Override
                    public void onCompleted() {
                        // Hung after taking every byte: no verdict ever comes.
                    }
                };
            }
        }, answerTimeout);
        byte[] content = "a small segment, sent at once".getBytes();

        long started = System.nanoTime();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> client.write("v", "f.m4s",
                content.length, Sha256.of(new ByteArrayInputStream(content)), new ByteArrayInputStream(content))
                .get(20, TimeUnit.SECONDS));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertInstanceOf(StorageNodeUnavailableException.class, failure.getCause());
        assertTrue(waited.compareTo(Duration.ofSeconds(5)) < 0, "gave up after " + waited);
    }

    private void connect(StorageServiceGrpc.StorageServiceImplBase node, Duration answerTimeout) {
        String name = InProcessServerBuilder.generateName();
        try {
            server = InProcessServerBuilder.forName(name).addService(node).build().start();
            client = StorageClient.builder(name).channel(InProcessChannelBuilder.forName(name).build())
                    .answerTimeout(answerTimeout).firstAnswerTimeout(FIRST_ANSWER_TIMEOUT).build();
        } catch (IOException e) {
            throw new AssertionError("could not start the in-process node", e);
        }
    }
}
