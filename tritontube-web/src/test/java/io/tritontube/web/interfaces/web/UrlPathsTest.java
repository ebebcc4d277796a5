package io.tritontube.web.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tritontube.web.domain.video.VideoId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UrlPathsTest {

    @Test
    void spacesBecomePercent20NotPlus() {
        assertEquals("my%20holiday", UrlPaths.encodeSegment("my holiday"));
    }

    @Test
    void urlSyntaxIsEscaped() {
        assertEquals("what%3F", UrlPaths.encodeSegment("what?"));
        assertEquals("%231%20hit", UrlPaths.encodeSegment("#1 hit"));
        assertEquals("100%25", UrlPaths.encodeSegment("100%"));
        assertEquals("a%2Bb%26c%3Dd", UrlPaths.encodeSegment("a+b&c=d"));
        assertEquals("%3Bjsessionid", UrlPaths.encodeSegment(";jsessionid"));
    }

    @Test
    void unicodeIsPercentEncodedUtf8() {
        assertEquals("%C3%A9t%C3%A9", UrlPaths.encodeSegment("été"));
        assertEquals("%F0%9F%8E%AC", UrlPaths.encodeSegment("🎬"));
    }

    @Test
    void unreservedCharactersStayAsTheyAre() {
        assertEquals("Aa0-._~", UrlPaths.encodeSegment("Aa0-._~"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"my holiday", "what?", "#1 hit", "100%", "été à Paris", "🎬 trailer", "a+b", "..."})
    void decodingUndoesEncoding(String value) {
        assertEquals(value, UrlPaths.decodeSegment(UrlPaths.encodeSegment(value)));
    }

    @Test
    void decodingKeepsPlusAndAcceptsLowerCaseHex() {
        assertEquals("a+b", UrlPaths.decodeSegment("a+b"));
        assertEquals("a/b", UrlPaths.decodeSegment("a%2fb"));
    }

    @Test
    void decodingTakesRawNonAsciiAsIs() {
        assertEquals("été", UrlPaths.decodeSegment("été"));
    }

    @Test
    void decodingRefusesBrokenEscapesAndNonUtf8() {
        assertThrows(IllegalArgumentException.class, () -> UrlPaths.decodeSegment("100%"));
        assertThrows(IllegalArgumentException.class, () -> UrlPaths.decodeSegment("%zz"));
        assertThrows(IllegalArgumentException.class, () -> UrlPaths.decodeSegment("%4"));
        assertEquals("the path is not percent-encoded UTF-8",
                assertThrows(IllegalArgumentException.class, () -> UrlPaths.decodeSegment("%C3%28")).getMessage());
    }

    @Test
    void routesAreBuiltUnderTheContextPath() {
        VideoId id = VideoId.of("my clip?");
        assertEquals("/videos/my%20clip%3F", UrlPaths.videoPage("", id));
        assertEquals("/app/content/my%20clip%3F/manifest.mpd", UrlPaths.content("/app", id, "manifest.mpd"));
        assertEquals("/api/videos/my%20clip%3F", UrlPaths.apiVideo("", id));
    }
}
