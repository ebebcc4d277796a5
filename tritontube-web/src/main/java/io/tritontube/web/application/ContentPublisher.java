package io.tritontube.web.application;

import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;

/**
 * Stores the packaged files of a video through the {@link ContentStore}, several at a time on
 * the given executor, with a bound on the bytes being sent at once: a video of any size
 * never has more than {@code maxBytesInFlight} of its files in transit (a single larger file
 * goes alone).
 */
public final class ContentPublisher {

    private final ContentStore store;
    private final Executor executor;
    private final int maxBytesInFlight;

    public ContentPublisher(ContentStore store, Executor executor, int maxBytesInFlight) {
        if (maxBytesInFlight < 1) {
            throw new IllegalArgumentException("maxBytesInFlight must be at least 1");
        }
        this.store = store;
        this.executor = executor;
        this.maxBytesInFlight = maxBytesInFlight;
    }

    /**
     * Stores every file under {@code videoId} and its own file name, and returns when all are
     * stored. After the first failure no further file is started; the call still waits for
     * the puts already running, so that the caller can clean up without a race.
     *
     * @param progress called with the fraction of bytes stored, 0.0 to 1.0, from the
     *                 executor's threads
     * @throws IOException the first failure, naming the file
     * @throws InterruptedException when interrupted while waiting for room in the budget
     */
    public void publish(VideoId videoId, List<Path> files, DoubleConsumer progress) throws IOException, InterruptedException {
        long sum = 0;
        for (Path file : files) {
            sum += Files.size(file);
        }
        long totalBytes = Math.max(1, sum);
        Semaphore budget = new Semaphore(maxBytesInFlight);
        AtomicLong storedBytes = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        List<CompletableFuture<Void>> puts = new ArrayList<>(files.size());
        try {
            for (Path file : files) {
                if (firstFailure.get() != null) {
                    break;
                }
                long size = Files.size(file);
                int permits = (int) Math.max(1, Math.min(size, maxBytesInFlight));
                budget.acquire(permits);
                ContentKey key = new ContentKey(videoId, ContentFileName.of(file.getFileName().toString()));
                puts.add(CompletableFuture
                        .runAsync(() -> put(key, file), executor)
                        .whenComplete((stored, failure) -> {
                            budget.release(permits);
                            if (failure == null) {
                                progress.accept((double) storedBytes.addAndGet(size) / totalBytes);
                            } else {
                                firstFailure.compareAndSet(null, failure);
                            }
                        }));
            }
        } finally {
            awaitAll(puts);
        }
        if (firstFailure.get() != null) {
            throw asIOException(firstFailure.get());
        }
    }

    private void put(ContentKey key, Path file) {
        try {
            store.put(key, file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + key + ": " + e.getMessage(), e);
        }
    }

    /** Waits for every put, failed or not; their failures are already recorded. */
    private static void awaitAll(List<CompletableFuture<Void>> puts) {
        try {
            CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException recordedByWhenComplete) {
            // The first failure was kept by its put's whenComplete and is thrown by publish.
        }
    }

    private static IOException asIOException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof UncheckedIOException unchecked) {
            return new IOException(unchecked.getMessage(), unchecked.getCause());
        }
        return new IOException("storing the packaged files failed: " + cause, cause);
    }
}
