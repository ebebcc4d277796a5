package io.tritontube.web.interfaces.web.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tritontube.web.domain.content.ContentFileName;
import org.junit.jupiter.api.Test;

class ContentFileKindTest {

    @Test
    void theManifestIsDashXmlAndShortLived() {
        assertEquals("application/dash+xml", type("manifest.mpd"));
        assertEquals("public, max-age=10", ContentFileKind.of(ContentFileName.of("manifest.mpd"), true).cacheControl());
    }

    @Test
    void representationZeroIsVideoAndOneIsAudio() {
        assertEquals("video/mp4", type("init-0.m4s"));
        assertEquals("video/mp4", type("chunk-0-00001.m4s"));
        assertEquals("audio/mp4", type("init-1.m4s"));
        assertEquals("audio/mp4", type("chunk-1-00042.m4s"));
        assertEquals("video/mp4", type("chunk-2-00001.m4s"), "a further rung of a ladder is video");
        assertEquals("video/mp4", type("init-10.m4s"));
    }

    @Test
    void withoutSoundRepresentationOneIsTheSecondRungOfTheLadder() {
        assertEquals("video/mp4", ContentFileKind.of(ContentFileName.of("init-1.m4s"), false).contentType());
        assertEquals("video/mp4", ContentFileKind.of(ContentFileName.of("chunk-1-00042.m4s"), false).contentType());
    }

    @Test
    void segmentsAreCachedForGood() {
        assertEquals("public, max-age=31536000, immutable", ContentFileKind.of(ContentFileName.of("chunk-0-00001.m4s"), true).cacheControl());
    }

    @Test
    void playlistsPostersAndTheRest() {
        assertEquals("application/vnd.apple.mpegurl", type("master.m3u8"));
        assertEquals("image/jpeg", type("poster.jpg"));
        assertEquals("application/octet-stream", type("notes.txt"));
    }

    private static String type(String name) {
        return ContentFileKind.of(ContentFileName.of(name), true).contentType();
    }
}
