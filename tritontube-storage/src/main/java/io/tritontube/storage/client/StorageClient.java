package io.tritontube.storage.client;

import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.proto.storage.DeleteResponse;
import io.tritontube.proto.storage.DeleteVideoRequest;
import io.tritontube.proto.storage.FileRef;
import io.tritontube.proto.storage.HealthRequest;
import io.tritontube.proto.storage.HealthResponse;
import io.tritontube.proto.storage.ListRequest;
import io.tritontube.proto.storage.ListResponse;
import io.tritontube.proto.storage.ReadRequest;
import io.tritontube.proto.storage.ReadResponse;
import io.tritontube.proto.storage.StorageServiceGrpc;
import io.tritontube.proto.storage.StorageServiceGrpc.StorageServiceStub;
import io.tritontube.proto.storage.WriteHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The client of one storage node, over one gRPC channel kept for the client's lifetime.
 * Thread-safe: share one instance per node and close it when the node leaves.
 *
 * <p>Calls that answer once return futures that fail with a {@link StorageException}
 * (unwrap it with {@link StorageException#causeOf}); transfers stream with flow control.
 * Every wait for the node is bounded by the answer timeout, after which the node counts as
 * unavailable ({@link StorageNodeUnavailableException}). A read's wait for the node's first
 * answer is bounded by the much shorter first-answer timeout instead: a node that hangs with
 * its port still open (a stopped process, a stuck disk) must not stall a viewer for long when
 * another replica can serve the file.
 */
public final class StorageClient implements AutoCloseable {

    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** A healthy node answers a read's header in milliseconds; two seconds leaves room for a loaded one. */
    public static final Duration DEFAULT_FIRST_ANSWER_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(StorageClient.class.getName());
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    /** Detects a node that vanished without closing its connections (power loss, SIGSTOP). */
    private static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(20);
    private static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(10);

    private final String node;
    private final ManagedChannel channel;
    private final StorageServiceStub stub;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final long answerTimeoutMillis;
    private final Duration firstAnswerTimeout;

    private StorageClient(Builder builder, ManagedChannel channel) {
        this.node = builder.address;
        this.channel = channel;
        StorageServiceStub plainStub = StorageServiceGrpc.newStub(channel);
        this.stub = builder.security.callCredentials().map(plainStub::withCallCredentials).orElse(plainStub);
        this.ownedExecutor = builder.executor == null ? Executors.newCachedThreadPool(daemonThreads(node)) : null;
        this.executor = builder.executor == null ? ownedExecutor : builder.executor;
        this.answerTimeoutMillis = builder.answerTimeout.toMillis();
        this.firstAnswerTimeout = builder.firstAnswerTimeout;
    }

    /** A plaintext, token-less client of the node at {@code address} ("host:port"). */
    public static StorageClient connect(String address) throws IOException {
        return builder(address).build();
    }

    /** A client of the node at {@code address} ("host:port") secured as {@code security} says. */
    public static StorageClient connect(String address, GrpcSecuritySettings security) throws IOException {
        return builder(address).security(security).build();
    }

    public static Builder builder(String address) {
        return new Builder(address);
    }

    /** The node's address, as given when connecting. */
    public String node() {
        return node;
    }

    /**
     * How long a read waits for the node's first answer; also a fair bound on how long a
     * healthy node may stay silent, for callers that decide when to stop waiting for one.
     */
    public Duration firstAnswerTimeout() {
        return firstAnswerTimeout;
    }

    /** How long any other single wait for the node may last. */
    public Duration answerTimeout() {
        return Duration.ofMillis(answerTimeoutMillis);
    }

    /**
     * Stores the content of {@code source} as {@code videoId/fileName}, replacing any file of that
     * name. The file is digested first, then streamed; the node commits it only if size and
     * digest match. Completes with the byte count stored; fails with the local
     * {@link IOException} if {@code source} cannot be read. Cancelling the returned future
     * abandons the write; the node then stores nothing.
     */
    public CompletableFuture<Long> write(String videoId, String fileName, Path source) {
        Objects.requireNonNull(source, "source");
        Upload upload = new Upload(node, describe("write", videoId, fileName), answerTimeoutMillis);
        runBlocking(upload.result(), () -> {
            try {
                WriteHeader header = header(videoId, fileName, Files.size(source), Sha256.ofFile(source));
                startUpload(upload, header, Files.newInputStream(source));
            } catch (IOException e) {
                upload.result().completeExceptionally(e);
            }
        });
        return upload.result();
    }

    /**
     * Stores exactly {@code size} bytes read from {@code content} as {@code videoId/fileName}. The
     * node commits them only if they digest to {@code sha256}. {@code content} is read on the
     * client's executor and closed when the write ends, whatever its outcome. Cancelling the
     * returned future abandons the write; the node then stores nothing.
     */
    public CompletableFuture<Long> write(String videoId, String fileName, long size, Sha256 sha256,
            InputStream content) {
        Objects.requireNonNull(content, "content");
        WriteHeader header = header(videoId, fileName, size, sha256);
        Upload upload = new Upload(node, describe("write", videoId, fileName), answerTimeoutMillis);
        if (!runBlocking(upload.result(), () -> startUpload(upload, header, content))) {
            closeUnsent(content);
        }
        return upload.result();
    }

    /**
     * Copies {@code videoId/fileName} from this node to {@code target}, streaming node to node
     * through this process without a temporary file. The target checks the digest this node
     * computed, so a copy is either exact or refused. Completes with the byte count copied; fails
     * with {@link StorageFileNotFoundException} if this node does not hold the file, and with
     * {@link StorageChecksumMismatchException} if its copy is corrupt (not {@link FileStat#intact()}),
     * so corruption never spreads.
     */
    public CompletableFuture<Long> copyTo(StorageClient target, String videoId, String fileName) {
        Objects.requireNonNull(target, "target");
        String operation = describe("copy", videoId, fileName);
        return stat(videoId, fileName).thenComposeAsync(stat -> {
            FileStat source = stat.orElseThrow(() -> new CompletionException(new StorageFileNotFoundException(
                    node, operation + " failed: no such file", null)));
            if (!source.intact()) {
                throw new CompletionException(new StorageChecksumMismatchException(node, operation
                        + " refused: the copy on this node is corrupt, its SHA-256 is " + source.sha256()
                        + " but " + source.recordedSha256().orElseThrow() + " was recorded when it was written", null));
            }
            try {
                return target.write(videoId, fileName, source.size(), source.sha256(), read(videoId, fileName));
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** Opens the whole of {@code videoId/fileName}; see {@link #read(String, String, long, long)}. */
    public ReadStream read(String videoId, String fileName) throws IOException {
        return read(videoId, fileName, 0, 0);
    }

    /**
     * Opens {@code length} bytes of {@code videoId/fileName} from {@code offset} ({@code length}
     * 0: to the end of the file; a range past the end is shortened to the file). Returns once
     * the node has answered with the file's size, so a missing file or dead node is known before
     * any byte is read. That answer is awaited only for the first-answer timeout; the chunks
     * that follow, each for the answer timeout, so a long transfer streams as long as bytes flow.
     *
     * @throws StorageFileNotFoundException     when the node does not hold the file
     * @throws StorageNodeUnavailableException  when the node is down or silent (code
     *                                          {@code DEADLINE_EXCEEDED} when it did not answer in time)
     * @throws StorageException                 with {@code OUT_OF_RANGE} when {@code offset} is past the end
     */
    public ReadStream read(String videoId, String fileName, long offset, long length) throws IOException {
        return read(videoId, fileName, offset, length, firstAnswerTimeout);
    }

    /**
     * {@link #read(String, String, long, long)}, waiting {@code firstAnswerTimeout} for the
     * node's first answer: say, the whole {@link #answerTimeout()} when no other replica is
     * left to ask, so a node slow to answer is not given up for nothing.
     */
    public ReadStream read(String videoId, String fileName, long offset, long length, Duration firstAnswerTimeout)
            throws IOException {
        FlowControlledResponses<ReadRequest, ReadResponse> responses =
                new FlowControlledResponses<>(node, describe("read", videoId, fileName), answerTimeoutMillis);
        stub.read(ReadRequest.newBuilder().setFile(fileRef(videoId, fileName))
                .setOffset(offset).setLength(length).build(), responses);
        return ReadStream.open(responses, node, firstAnswerTimeout.toMillis());
    }

    /**
     * Size and digest of {@code videoId/fileName} as on the node's disk, with the digest the node
     * recorded when it was written, or empty if it is absent.
     */
    public CompletableFuture<Optional<FileStat>> stat(String videoId, String fileName) {
        return this.<io.tritontube.proto.storage.FileStat>unary(describe("stat", videoId, fileName),
                        answerTimeoutMillis, (s, answer) -> s.stat(fileRef(videoId, fileName), answer))
                .thenApply(stat -> Optional.of(new FileStat(videoId, fileName, stat.getSize(),
                        Sha256.of(stat.getSha256().toByteArray()), recordedSha256(stat))))
                .exceptionallyCompose(failure -> StorageException.causeOf(failure)
                        .filter(StorageFileNotFoundException.class::isInstance)
                        .<CompletableFuture<Optional<FileStat>>>map(notFound -> CompletableFuture.completedFuture(Optional.empty()))
                        .orElseGet(() -> CompletableFuture.failedFuture(failure)));
    }

    /** Deletes {@code videoId/fileName}; completes with whether there was such a file. */
    public CompletableFuture<Boolean> delete(String videoId, String fileName) {
        return this.<DeleteResponse>unary(describe("delete", videoId, fileName), answerTimeoutMillis,
                        (s, answer) -> s.delete(fileRef(videoId, fileName), answer))
                .thenApply(DeleteResponse::getDeleted);
    }

    /** Deletes every file of {@code videoId}; completes with how many there were. */
    public CompletableFuture<Integer> deleteVideo(String videoId) {
        return this.<DeleteResponse>unary("delete video " + videoId, answerTimeoutMillis,
                        (s, answer) -> s.deleteVideo(DeleteVideoRequest.newBuilder().setVideoId(videoId).build(), answer))
                .thenApply(DeleteResponse::getFilesDeleted);
    }

    /**
     * The files of {@code videoId} on the node, fetched a batch at a time as the stream is
     * consumed. Close the stream (try-with-resources) if you stop early. A failure surfaces
     * while iterating, as an {@link java.io.UncheckedIOException} around a {@link StorageException}.
     */
    public Stream<StoredFile> list(String videoId) {
        return list(ListRequest.newBuilder().setVideoId(Objects.requireNonNull(videoId, "videoId")).build(),
                "list " + videoId);
    }

    /** Every file on the node; see {@link #list(String)}. */
    public Stream<StoredFile> listAll() {
        return list(ListRequest.getDefaultInstance(), "list all files");
    }

    /** The node's totals; fails with {@link StorageNodeUnavailableException} if it is down. */
    public CompletableFuture<NodeHealth> health() {
        return health(Duration.ofMillis(answerTimeoutMillis));
    }

    /** The node's totals, if it answers within {@code deadline}. */
    public CompletableFuture<NodeHealth> health(Duration deadline) {
        return this.<HealthResponse>unary("health", deadline.toMillis(),
                        (s, answer) -> s.health(HealthRequest.getDefaultInstance(), answer))
                .thenApply(h -> new NodeHealth(h.getBaseDir(), h.getFileCount(), h.getTotalBytes(), h.getFreeBytes()));
    }

    /** Closes the channel, letting calls in flight finish for a few seconds before cutting them. */
    @Override
    public void close() {
        channel.shutdown();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        try {
            if (!channel.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "Storage node {0}: calls still running after {1}, cancelling them",
                        new Object[] {node, CLOSE_GRACE});
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "StorageClient[" + node + "]";
    }

    private Stream<StoredFile> list(ListRequest request, String operation) {
        FlowControlledResponses<ListRequest, ListResponse> responses =
                new FlowControlledResponses<>(node, operation, answerTimeoutMillis);
        stub.list(request, responses);
        Listing listing = new Listing(responses);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(listing,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(listing::close);
    }

    private <R> CompletableFuture<R> unary(String operation, long deadlineMillis,
            BiConsumer<StorageServiceStub, StreamObserver<R>> invocation) {
        UnaryCall<R> call = new UnaryCall<>(node, operation);
        invocation.accept(stub.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS), call);
        return call.result();
    }

    private void startUpload(Upload upload, WriteHeader header, InputStream content) {
        stub.write(upload);
        upload.send(header, content);
    }

    /**
     * Runs a sender on the executor; a full or closed executor fails the write instead of the
     * caller. Returns whether the sender was accepted.
     */
    private boolean runBlocking(CompletableFuture<?> outcome, Runnable sender) {
        try {
            executor.execute(sender);
            return true;
        } catch (RejectedExecutionException e) {
            outcome.completeExceptionally(e);
            return false;
        }
    }

    /** Keeps the promise to close a write's content when no sender ever ran to do it. */
    private void closeUnsent(InputStream content) {
        try {
            content.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not close the content of a write to " + node + " that never started", e);
        }
    }

    private static Optional<Sha256> recordedSha256(io.tritontube.proto.storage.FileStat stat) {
        return stat.getRecordedSha256().isEmpty()
                ? Optional.empty()
                : Optional.of(Sha256.of(stat.getRecordedSha256().toByteArray()));
    }

    private static WriteHeader header(String videoId, String fileName, long size, Sha256 sha256) {
        Objects.requireNonNull(sha256, "sha256");
        return WriteHeader.newBuilder().setFile(fileRef(videoId, fileName)).setSize(size)
                .setSha256(ByteString.copyFrom(sha256.toByteArray())).build();
    }

    private static FileRef fileRef(String videoId, String fileName) {
        return FileRef.newBuilder()
                .setVideoId(Objects.requireNonNull(videoId, "videoId"))
                .setFileName(Objects.requireNonNull(fileName, "fileName"))
                .build();
    }

    private static String describe(String operation, String videoId, String fileName) {
        return operation + " " + videoId + "/" + fileName;
    }

    private static ThreadFactory daemonThreads(String node) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "storage-client-" + node + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a client; only the address is required. */
    public static final class Builder {

        private final String address;
        private GrpcSecuritySettings security = GrpcSecuritySettings.none();
        private Executor executor;
        private Duration answerTimeout = DEFAULT_ANSWER_TIMEOUT;
        private Duration firstAnswerTimeout = DEFAULT_FIRST_ANSWER_TIMEOUT;
        private ManagedChannel channel;

        private Builder(String address) {
            this.address = Objects.requireNonNull(address, "address");
        }

        /** Token and TLS trust; default: plaintext without token. */
        public Builder security(GrpcSecuritySettings security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /**
         * Where writes read their sources and digest files (blocking work, one task per write in
         * flight); in a Jakarta EE server pass a managed executor. Default: threads the client
         * owns.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * How long any single wait for the node may last (a unary answer, the next message of a
         * stream, room to send the next chunk) before the node counts as unavailable.
         */
        public Builder answerTimeout(Duration answerTimeout) {
            this.answerTimeout = requirePositive(answerTimeout, "the answer timeout");
            return this;
        }

        /**
         * How long a read may wait for the node's first answer (the file's size, before any
         * byte) before the node counts as unavailable, so the caller moves on to another
         * replica; default {@link #DEFAULT_FIRST_ANSWER_TIMEOUT}.
         */
        public Builder firstAnswerTimeout(Duration firstAnswerTimeout) {
            this.firstAnswerTimeout = requirePositive(firstAnswerTimeout, "the first-answer timeout");
            return this;
        }

        private static Duration requirePositive(Duration timeout, String what) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + timeout);
            }
            return timeout;
        }

        /**
         * Talks over this channel instead of dialling the address (in-process tests, custom
         * transports). The client owns it and shuts it down on close; the TLS settings do not
         * apply to it, the token does.
         */
        public Builder channel(ManagedChannel channel) {
            this.channel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /** @throws IOException when the TLS trust file cannot be loaded */
        public StorageClient build() throws IOException {
            ManagedChannel dialled = channel != null ? channel
                    : Grpc.newChannelBuilder(address, security.transportCredentials())
                            .keepAliveTime(KEEPALIVE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)
                            .keepAliveTimeout(KEEPALIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                            .build();
            return new StorageClient(this, dialled);
        }
    }
}
