package io.tritontube.web.interfaces.web.content;

import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The packaged files served lately, whole, in memory, within a byte budget: the least
 * recently served go first when a new one needs room. Viewers of one video fetch the same
 * segments at nearly the same time, so the second viewer onwards is served without asking
 * the store (a network round trip to a storage node in the nw kind).
 *
 * <p>Only ready videos' files are served, and they never change but for the manifest and
 * playlists when a remuxed video gets its lower rungs; a file is keyed by its video's id
 * <em>and upload time</em>, so a video deleted and uploaded again under the same id is a
 * different key and never gets its predecessor's bytes, and a manifest or playlist also by the
 * video's renditions, which its record gets after the rewritten file is stored. Entries of
 * deleted videos and replaced manifests are not removed: they are unreachable and age out.
 *
 * <p>Thread-safe; every operation is a map lookup or insertion under one lock.
 */
final class HotFileCache {

    /** Larger files (rare: 8 MiB is a 4 s segment at 16 Mb/s) are streamed, never cached. */
    static final long LARGEST_FILE = 8L * 1024 * 1024;

    /** Which file of which upload, in which {@link EntityTags#revision revision}. */
    record Key(VideoId videoId, long uploadedAtMillis, ContentFileName fileName, String revision) {

        static Key of(Video video, ContentFileName fileName) {
            return new Key(video.id(), video.uploadedAt().toEpochMilli(), fileName, EntityTags.revision(video, fileName));
        }
    }

    private final long budget;
    private final long largestEntry;
    private final Map<Key, byte[]> files = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedBytes;

    /** @param budget the most bytes held at once; 0 turns the cache off */
    HotFileCache(long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("the cache budget must not be negative, was " + budget);
        }
        this.budget = budget;
        // A single file never takes more than an eighth of a small budget, so a few large ones cannot flush it.
        this.largestEntry = Math.min(LARGEST_FILE, budget / 8);
    }

    /** Whether a file of {@code size} bytes would be kept. */
    boolean admits(long size) {
        return budget > 0 && size <= largestEntry;
    }

    synchronized Optional<byte[]> get(Key key) {
        return Optional.ofNullable(files.get(key));
    }

    /** Keeps {@code bytes}, which the caller must not change afterwards, if {@link #admits} their size. */
    synchronized void put(Key key, byte[] bytes) {
        if (!admits(bytes.length)) {
            return;
        }
        byte[] previous = files.put(key, bytes);
        cachedBytes += bytes.length - (previous == null ? 0 : previous.length);
        for (Iterator<byte[]> leastRecent = files.values().iterator(); cachedBytes > budget && leastRecent.hasNext(); ) {
            cachedBytes -= leastRecent.next().length;
            leastRecent.remove();
        }
    }

    synchronized long cachedBytes() {
        return cachedBytes;
    }

    long budget() {
        return budget;
    }
}
