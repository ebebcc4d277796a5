package io.tritontube.web.application;

import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.content.StoredContent;
import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A real store that a test wraps to watch or disturb some calls; every call it does not override goes through. */
abstract class ForwardingContentStore implements ContentStore {

    private final ContentStore real;

    ForwardingContentStore(ContentStore real) {
        this.real = real;
    }

    @Override
    public void put(ContentKey key, Path source) throws IOException {
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
