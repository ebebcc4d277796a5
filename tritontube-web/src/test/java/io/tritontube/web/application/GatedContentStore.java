package io.tritontube.web.application;

import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A content store whose puts wait for the test to let them finish, and which measures how
 * many bytes were in its hands at once.
 */
final class GatedContentStore implements ContentStore {

    private final Semaphore gate = new Semaphore(0);
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong bytesInFlight = new AtomicLong();
    private final AtomicLong maxBytesInFlight = new AtomicLong();
    private final AtomicInteger stored = new AtomicInteger();

    @Override
    public void put(ContentKey key, Path source) throws IOException {
        long size = Files.size(source);
        maxBytesInFlight.accumulateAndGet(bytesInFlight.addAndGet(size), Math::max);
        waiting.incrementAndGet();
        try {
            gate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            waiting.decrementAndGet();
            bytesInFlight.addAndGet(-size);
        }
        stored.incrementAndGet();
    }

    void letOneFinish() {
        gate.release();
    }

    int waiting() {
        return waiting.get();
    }

    int stored() {
        return stored.get();
    }

    long maxBytesInFlight() {
        return maxBytesInFlight.get();
    }

    @Override
    public Optional<StoredContent> open(ContentKey key, ByteRange range) {
        throw new UnsupportedOperationException("publishing only writes");
    }

    @Override
    public void deleteVideo(VideoId videoId) {
        throw new UnsupportedOperationException("publishing never deletes");
    }

    @Override
    public void close() {
    }
}
