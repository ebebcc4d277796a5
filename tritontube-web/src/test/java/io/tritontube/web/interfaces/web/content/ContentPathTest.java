package io.tritontube.web.interfaces.web.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tritontube.web.domain.content.InvalidContentPathException;
import io.tritontube.web.domain.video.InvalidVideoIdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentPathTest {

    @Test
    void parsesTheVideoIdAndTheFileName() {
        ContentPath path = ContentPath.parse("my%20clip%3F/chunk-0-00001.m4s");

        assertEquals("my clip?", path.videoId().value());
        assertEquals("chunk-0-00001.m4s", path.fileName().value());
    }

    @Test
    void decodesUnicodeAsUtf8() {
        assertEquals("été", ContentPath.parse("%C3%A9t%C3%A9/manifest.mpd").videoId().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../manifest.mpd", "clip/..", "./manifest.mpd", "clip/."})
    void refusesDotSegments(String raw) {
        assertEquals("a content path may not have '.' or '..' parts",
                assertThrows(InvalidContentPathException.class, () -> ContentPath.parse(raw)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/manifest.mpd", "clip/", "clip//manifest.mpd"})
    void refusesEmptyParts(String raw) {
        assertThrows(InvalidContentPathException.class, () -> ContentPath.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "clip", "a/b/manifest.mpd"})
    void refusesAnythingButTwoParts(String raw) {
        assertEquals("a content path is /content/<video id>/<file name>",
                assertThrows(InvalidContentPathException.class, () -> ContentPath.parse(raw)).getMessage());
    }

    @Test
    void refusesEncodedSlashesAndBackslashes() {
        assertThrows(InvalidVideoIdException.class, () -> ContentPath.parse("a%2Fb/manifest.mpd"));
        assertThrows(InvalidVideoIdException.class, () -> ContentPath.parse("a%5Cb/manifest.mpd"));
        assertThrows(InvalidContentPathException.class, () -> ContentPath.parse("clip/..%2Fmetadata.db"));
        assertThrows(InvalidContentPathException.class, () -> ContentPath.parse("clip/%2E%2E"));
    }

    @Test
    void refusesEncodedDotNamesAndControlCharacters() {
        assertThrows(InvalidVideoIdException.class, () -> ContentPath.parse("%2E%2E/manifest.mpd"));
        assertThrows(InvalidContentPathException.class, () -> ContentPath.parse("clip/a%00b"));
    }

    @Test
    void refusesBrokenPercentEncoding() {
        assertThrows(IllegalArgumentException.class, () -> ContentPath.parse("clip/100%"));
    }
}
