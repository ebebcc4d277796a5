package io.tritontube.storage.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.tritontube.proto.storage.FileRef;
import io.tritontube.proto.storage.StorageServiceGrpc;
import io.tritontube.proto.storage.WriteHeader;
import io.tritontube.proto.storage.WriteRequest;
import io.tritontube.proto.storage.WriteResponse;
import io.tritontube.storage.client.Sha256;
import io.tritontube.storage.client.StorageChecksumMismatchException;
import io.tritontube.storage.client.StorageException;
import io.tritontube.storage.server.disk.StorageDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WriteIntegrityTest extends InProcessNodeTest {

    private static final byte[] CONTENT = "the real bytes of a segment".getBytes(StandardCharsets.UTF_8);


    @Test
    void checksumMismatchIsRefusedWithDataLossAndNothingIsLeftOnDisk() throws IOException {
        Sha256 wrongDigest = Sha256.of(new ByteArrayInputStream("other bytes".getBytes(StandardCharsets.UTF_8)));

        ExecutionException failure = assertThrows(ExecutionException.class, () -> client.write("v", "f.m4s",
                CONTENT.length, wrongDigest, new ByteArrayInputStream(CONTENT)).get());

        StorageChecksumMismatchException refused = assertInstanceOf(StorageChecksumMismatchException.class, failure.getCause());
        assertEquals(Status.Code.DATA_LOSS, refused.code());
        assertEquals(List.of(), node.entriesInBase());
    }

    @Test
    void refusedReplacementLeavesThePreviousVersionIntact() throws Exception {
        client.write("v", "f.m4s", CONTENT.length, digest(CONTENT), new ByteArrayInputStream(CONTENT)).get();
        byte[] corrupt = CONTENT.clone();
        corrupt[0] ^= 1;

        assertThrows(ExecutionException.class, () -> client.write("v", "f.m4s",
                corrupt.length, digest(CONTENT), new ByteArrayInputStream(corrupt)).get());

        assertEquals(List.of("v/f.m4s"), node.filesOnDisk());
        assertEquals(new String(CONTENT, StandardCharsets.UTF_8), Files.readString(node.base.resolve("v/f.m4s")));
    }

    @Test
    void fewerOrMoreBytesThanAnnouncedAreRefusedWithDataLoss() throws Exception {
        assertEquals(Status.Code.DATA_LOSS, rawWrite(header(CONTENT.length + 1), chunk(CONTENT)).getCode());
        assertEquals(Status.Code.DATA_LOSS, rawWrite(header(CONTENT.length - 1), chunk(CONTENT)).getCode());
        assertEquals(List.of(), node.entriesInBase());
    }

    @Test
    void malformedWritesAreInvalidArguments() throws Exception {
        assertEquals(Status.Code.INVALID_ARGUMENT, rawWrite(chunk(CONTENT)).getCode());
        assertEquals(Status.Code.INVALID_ARGUMENT, rawWrite().getCode());
        assertEquals(Status.Code.INVALID_ARGUMENT, rawWrite(header(CONTENT.length), header(CONTENT.length)).getCode());
        assertEquals(Status.Code.INVALID_ARGUMENT, rawWrite(WriteRequest.newBuilder().setHeader(
                WriteHeader.newBuilder().setFile(fileRef()).setSize(1).setSha256(ByteString.copyFromUtf8("short"))).build())
                .getCode());
        assertEquals(List.of(), node.entriesInBase());
    }

    @Test
    void sourceEndingEarlyAbandonsTheWriteAndLeavesNothing() throws IOException {
        byte[] partial = new byte[300 * 1024];

        ExecutionException failure = assertThrows(ExecutionException.class, () -> client.write("v", "f.m4s",
                1024 * 1024, digest(new byte[1024 * 1024]), new ByteArrayInputStream(partial)).get());

        assertEquals(Status.Code.CANCELLED, assertInstanceOf(StorageException.class, failure.getCause()).code());
        await().atMost(Duration.ofSeconds(10)).until(() -> node.entriesInBase().isEmpty());
    }

    @Test
    void cancelledWriteLeavesNoFile() throws Exception {
        CountDownLatch neverReleased = new CountDownLatch(1);
        InputStream stalling = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ < 512 * 1024) {
                    return 'x';
                }
                try {
                    neverReleased.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("stalled source closed");
            }
        };
        CompletableFuture<Long> write = client.write("v", "f.m4s", 2 * 1024 * 1024,
                digest(new byte[2 * 1024 * 1024]), stalling);
        await().atMost(Duration.ofSeconds(10)).until(() -> node.filesOnDisk().stream().anyMatch(f -> f.startsWith("v/.")));

        write.cancel(true);

        await().atMost(Duration.ofSeconds(10)).until(() -> node.entriesInBase().isEmpty());
        neverReleased.countDown();
    }

    @Test
    void temporaryFilesOfACrashAreInvisibleAndRemovedAtStart() throws Exception {
        Path leftover = Files.createDirectories(node.base.resolve("v")).resolve(".tritontube-tmp-1234");
        Files.writeString(leftover, "half a segment");
        client.write("v", "kept.m4s", CONTENT.length, digest(CONTENT), new ByteArrayInputStream(CONTENT)).get();

        try (var listed = client.list("v")) {
            assertEquals(List.of("kept.m4s"), listed.map(f -> f.fileName()).collect(Collectors.toList()));
        }
        assertEquals(1, client.health().get().fileCount());
        assertEquals(1, StorageDirectory.open(node.base).removeLeftovers());
        assertEquals(List.of("v/kept.m4s"), node.filesOnDisk());
    }

    private Status rawWrite(WriteRequest... messages) throws InterruptedException {
        CompletableFuture<Status> outcome = new CompletableFuture<>();
        StreamObserver<WriteRequest> requests = StorageServiceGrpc.newStub(node.rawChannel())
                .write(new StreamObserver<WriteResponse>() {
                    @Override
                    public void onNext(WriteResponse value) {
                    }

                    @Override
                    public void onError(Throwable t) {
                        outcome.complete(Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                        outcome.complete(Status.OK);
                    }
                });
        Arrays.stream(messages).forEach(requests::onNext);
        requests.onCompleted();
        try {
            return outcome.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the write call did not end", e);
        }
    }

    private static WriteRequest header(long size) throws IOException {
        return WriteRequest.newBuilder().setHeader(WriteHeader.newBuilder().setFile(fileRef()).setSize(size)
                .setSha256(ByteString.copyFrom(digest(CONTENT).toByteArray()))).build();
    }

    private static WriteRequest chunk(byte[] bytes) {
        return WriteRequest.newBuilder().setChunk(ByteString.copyFrom(bytes)).build();
    }

    private static FileRef fileRef() {
        return FileRef.newBuilder().setVideoId("v").setFileName("f.m4s").build();
    }

    private static Sha256 digest(byte[] bytes) throws IOException {
        return Sha256.of(new ByteArrayInputStream(bytes));
    }
}
