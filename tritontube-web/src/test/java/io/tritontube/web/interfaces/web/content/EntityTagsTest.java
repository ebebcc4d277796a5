package io.tritontube.web.interfaces.web.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.video.Packaging;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoFormat;
import io.tritontube.web.domain.video.VideoId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    private static final Video VIDEO = Video.accepted(VideoId.of("clip"), Instant.parse("2026-11-30T12:00:00Z")).ready();
    private static final ContentFileName CHUNK = ContentFileName.of("chunk-0-00001.m4s");

    @Test
    void aTagIsAStrongQuotedStringStableForTheSameFile() {
        String tag = EntityTags.of(VIDEO, CHUNK, 1234);

        assertTrue(tag.matches("\"[A-Za-z0-9_-]+\""), tag);
        assertEquals(tag, EntityTags.of(VIDEO, CHUNK, 1234));
    }

    @Test
    void anotherFileSizeOrUploadGetsAnotherTag() {
        String tag = EntityTags.of(VIDEO, CHUNK, 1234);

        assertNotEquals(tag, EntityTags.of(VIDEO, ContentFileName.of("chunk-0-00002.m4s"), 1234));
        assertNotEquals(tag, EntityTags.of(VIDEO, CHUNK, 1235));
        Video reuploaded = Video.accepted(VideoId.of("clip"), Instant.parse("2026-12-01T08:00:00Z")).ready();
        assertNotEquals(tag, EntityTags.of(reuploaded, CHUNK, 1234));
    }

    @Test
    void theManifestAndPlaylistsGetANewTagAndCacheKeyWhenLowerRungsJoinTheVideoButSegmentsKeepTheirs() {
        VideoFormat copied = VideoFormat.inspected(Duration.ofSeconds(8), 1280, 720, true)
                .packagedAs(Packaging.REMUX, List.of("1280x720"));
        Video remuxed = VIDEO.withFormat(copied);
        Video withRung = VIDEO.withFormat(copied.packagedAs(Packaging.REMUX, List.of("1280x720", "640x360")));

        for (String index : List.of("manifest.mpd", "master.m3u8")) {
            ContentFileName name = ContentFileName.of(index);
            assertNotEquals(EntityTags.of(remuxed, name, 900), EntityTags.of(withRung, name, 900), index);
            assertNotEquals(HotFileCache.Key.of(remuxed, name), HotFileCache.Key.of(withRung, name), index);
        }
        assertEquals(EntityTags.of(remuxed, CHUNK, 1234), EntityTags.of(withRung, CHUNK, 1234));
        assertEquals(HotFileCache.Key.of(remuxed, CHUNK), HotFileCache.Key.of(withRung, CHUNK));
    }

    @Test
    void ifNoneMatchHitsOnTheTagAListOrAStar() {
        String tag = EntityTags.of(VIDEO, CHUNK, 1234);

        assertTrue(EntityTags.noneMatchHits(tag, tag));
        assertTrue(EntityTags.noneMatchHits("\"other\", " + tag, tag));
        assertTrue(EntityTags.noneMatchHits("W/" + tag, tag), "If-None-Match compares weakly");
        assertTrue(EntityTags.noneMatchHits("*", tag));
        assertFalse(EntityTags.noneMatchHits("\"other\"", tag));
        assertFalse(EntityTags.noneMatchHits(null, tag));
    }

    @Test
    void ifRangeAllowsARangeOnlyForTheCurrentTag() {
        String tag = EntityTags.of(VIDEO, CHUNK, 1234);

        assertTrue(EntityTags.ifRangeAllows(null, tag));
        assertTrue(EntityTags.ifRangeAllows(tag, tag));
        assertFalse(EntityTags.ifRangeAllows("\"stale\"", tag));
        assertFalse(EntityTags.ifRangeAllows("Wed, 21 Oct 2015 07:28:00 GMT", tag));
    }
}
