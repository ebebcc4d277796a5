package io.tritontube.web.application;

import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store, except that the put of one file name fails as a full disk would. */
final class FailingContentStore implements ContentStore {

    private final ContentStore real;
    private final String failingFileName;
    private final AtomicInteger putAttempts = new AtomicInteger();

    FailingContentStore(ContentStore real, String failingFileName) {
        this.real = real;
        this.failingFileName = failingFileName;
    }

    int putAttempts() {
        return putAttempts.get();
    }

    @Override
    public void put(ContentKey key, Path source) throws IOException {
        putAttempts.incrementAndGet();
        if (key.fileName().value().equals(failingFileName)) {
            throw new IOException("No space left on device");
        }
        real.put(key, source);
    }

    @Override
    public Optional<StoredContent> open(ContentKey key, ByteRange range) throws IOException {
        return real.open(key, range);
    }

    @Override
    public void deleteVideo(VideoId videoId) throws IOException {
        real.deleteVideo(videoId);
    }

    @Override
    public void close() {
        real.close();
    }
}
