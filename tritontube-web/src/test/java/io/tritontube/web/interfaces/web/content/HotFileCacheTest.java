package io.tritontube.web.interfaces.web.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HotFileCacheTest {

    private static final Video CLIP = Video.accepted(VideoId.of("clip"), Instant.parse("2026-11-30T12:00:00Z")).ready();

    @Test
    void aFileServedOnceIsServedFromMemory() {
        HotFileCache cache = new HotFileCache(8_000);
        byte[] segment = {1, 2, 3};

        cache.put(key(CLIP, "chunk-0-00001.m4s"), segment);

        assertArrayEquals(segment, cache.get(key(CLIP, "chunk-0-00001.m4s")).orElseThrow());
        assertEquals(Optional.empty(), cache.get(key(CLIP, "chunk-0-00002.m4s")));
    }

    @Test
    void theLeastRecentlyServedFilesGoFirstWhenTheBudgetIsFull() {
        HotFileCache cache = new HotFileCache(8_000);
        cache.put(key(CLIP, "a"), new byte[1_000]);
        cache.put(key(CLIP, "b"), new byte[1_000]);
        cache.put(key(CLIP, "c"), new byte[1_000]);
        cache.get(key(CLIP, "a"));

        for (int i = 0; i < 6; i++) {
            cache.put(key(CLIP, "new-" + i), new byte[1_000]);
        }

        assertTrue(cache.get(key(CLIP, "a")).isPresent(), "served lately");
        assertFalse(cache.get(key(CLIP, "b")).isPresent(), "the least recently served");
        assertEquals(8_000, cache.cachedBytes());
    }

    @Test
    void aFileOverAnEighthOfTheBudgetIsNotKept() {
        HotFileCache cache = new HotFileCache(8_000);

        assertTrue(cache.admits(1_000));
        assertFalse(cache.admits(1_001));
        cache.put(key(CLIP, "big"), new byte[1_001]);
        assertEquals(0, cache.cachedBytes());
    }

    @Test
    void noBudgetKeepsNothing() {
        HotFileCache off = new HotFileCache(0);

        off.put(key(CLIP, "manifest.mpd"), new byte[0]);
        assertFalse(off.admits(1));
        assertEquals(Optional.empty(), off.get(key(CLIP, "manifest.mpd")));
    }

    @Test
    void aVideoUploadedAgainUnderTheSameIdNeverGetsTheOldBytes() {
        HotFileCache cache = new HotFileCache(8_000);
        Video again = Video.accepted(CLIP.id(), CLIP.uploadedAt().plusSeconds(60)).ready();

        cache.put(key(CLIP, "init-0.m4s"), new byte[] {1});

        assertEquals(Optional.empty(), cache.get(key(again, "init-0.m4s")));
    }

    private static HotFileCache.Key key(Video video, String name) {
        return HotFileCache.Key.of(video, ContentFileName.of(name));
    }
}
