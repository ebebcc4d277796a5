package io.tritontube.web.interfaces.monitoring;

import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A content store that counts its failed operations in {@link SiteMetrics}; otherwise the store it wraps. */
public final class MonitoredContentStore implements ContentStore {

    private final ContentStore store;
    private final SiteMetrics metrics;

    public MonitoredContentStore(ContentStore store, SiteMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public void put(ContentKey key, Path source) throws IOException {
        try {
            store.put(key, source);
        } catch (IOException | RuntimeException e) {
            metrics.storageError("put");
            throw e;
        }
    }

    @Override
    public Optional<StoredContent> open(ContentKey key, ByteRange range) throws IOException {
        try {
            return store.open(key, range);
        } catch (IOException | RuntimeException e) {
            metrics.storageError("open");
            throw e;
        }
    }

    @Override
    public void deleteVideo(VideoId videoId) throws IOException {
        try {
            store.deleteVideo(videoId);
        } catch (IOException | RuntimeException e) {
            metrics.storageError("delete");
            throw e;
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
