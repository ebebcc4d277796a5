package io.tritontube.web.application;

import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store, except that the put of one file name fails as a full disk would. */
final class FailingContentStore extends ForwardingContentStore {

    private final String failingFileName;
    private final AtomicInteger putAttempts = new AtomicInteger();

    FailingContentStore(ContentStore real, String failingFileName) {
        super(real);
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
        super.put(key, source);
    }
}
