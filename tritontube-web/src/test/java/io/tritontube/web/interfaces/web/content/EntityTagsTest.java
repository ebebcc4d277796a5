package io.tritontube.web.interfaces.web.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import java.time.Instant;
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
