package io.tritontube.web.infrastructure.persistence.sqlite;

import io.tritontube.web.domain.video.ProcessingClaims;
import io.tritontube.web.domain.video.VideoId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processing claims of the {@code sqlite} metadata kind. A SQLite file belongs to one web
 * server, so the only claims that matter are that server's own: they live in the memory of its
 * process and thus die with it, as a claim must. After a restart nothing is claimed, and every
 * video still recorded as processing is known to be interrupted.
 */
public final class LocalProcessingClaims implements ProcessingClaims {

    private final Set<VideoId> claimed = ConcurrentHashMap.newKeySet();

    @Override
    public boolean claim(VideoId id) {
        return claimed.add(id);
    }

    @Override
    public void release(VideoId id) {
        claimed.remove(id);
    }

    @Override
    public boolean isClaimed(VideoId id) {
        return claimed.contains(id);
    }

    @Override
    public void close() {
        claimed.clear();
    }
}
