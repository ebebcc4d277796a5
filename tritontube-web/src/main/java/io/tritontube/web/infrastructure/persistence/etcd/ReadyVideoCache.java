package io.tritontube.web.infrastructure.persistence.etcd;

import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ready videos this server read lately, so that they keep playing while etcd has no
 * quorum. Only ready records are kept: they no longer change except by deletion, so a copy
 * stays true for as long as it is useful. Least recently used entries go first.
 */
final class ReadyVideoCache {

    /** A record is about 150 bytes: 10 000 of them cost about 2 MB and cover any busy catalogue's hot set. */
    static final int DEFAULT_CAPACITY = 10_000;

    private final Map<VideoId, Video> videos;

    ReadyVideoCache(int capacity) {
        this.videos = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<VideoId, Video> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Keeps {@code video} when it is ready; drops an older copy when it is not (any more). */
    synchronized void remember(Video video) {
        if (video.isReady()) {
            videos.put(video.id(), video);
        } else {
            videos.remove(video.id());
        }
    }

    synchronized void forget(VideoId id) {
        videos.remove(id);
    }

    synchronized Optional<Video> find(VideoId id) {
        return Optional.ofNullable(videos.get(id));
    }

    synchronized void clear() {
        videos.clear();
    }
}
