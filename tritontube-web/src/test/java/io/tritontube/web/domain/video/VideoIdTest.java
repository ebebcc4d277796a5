package io.tritontube.web.domain.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VideoIdTest {

    @Test
    void idIsTheFileNameWithoutItsLastExtension() {
        assertEquals("holiday", VideoId.fromFileName("holiday.mp4").value());
        assertEquals("archive.tar", VideoId.fromFileName("archive.tar.mp4").value());
        assertEquals("no-extension", VideoId.fromFileName("no-extension").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"my holiday", "été à Paris", "東京タワー", "🎬 trailer", "what?", "#1 hit", "100%", "a+b&c=d", "it's"})
    void spacesUnicodeAndUrlSyntaxAreAllowed(String id) {
        assertEquals(id, VideoId.fromFileName(id + ".mp4").value());
    }

    @Test
    void aDirectoryPartIsRejectedNotTrimmed() {
        assertEquals("the video id may not contain '/' or '\\'",
                assertThrows(InvalidVideoIdException.class, () -> VideoId.fromFileName("../x.mp4")).getMessage());
        assertThrows(InvalidVideoIdException.class, () -> VideoId.fromFileName("a/b.mp4"));
        assertThrows(InvalidVideoIdException.class, () -> VideoId.fromFileName("C:\\videos\\x.mp4"));
    }

    @Test
    void dotNamesAndEmptyIdsAreRejected() {
        assertEquals("the video id may not be '.' or '..'",
                assertThrows(InvalidVideoIdException.class, () -> VideoId.of("..")).getMessage());
        assertThrows(InvalidVideoIdException.class, () -> VideoId.of("."));
        assertThrows(InvalidVideoIdException.class, () -> VideoId.fromFileName("...mp4"));
        assertEquals("the video id is empty",
                assertThrows(InvalidVideoIdException.class, () -> VideoId.fromFileName(".mp4")).getMessage());
        assertEquals("the upload has no file name",
                assertThrows(InvalidVideoIdException.class, () -> VideoId.fromFileName("")).getMessage());
    }

    @Test
    void controlCharactersAreRejected() {
        assertEquals("the video id may not contain control characters",
                assertThrows(InvalidVideoIdException.class, () -> VideoId.of("nul\0byte")).getMessage());
        assertThrows(InvalidVideoIdException.class, () -> VideoId.of("line\nbreak"));
        assertThrows(InvalidVideoIdException.class, () -> VideoId.of("c1\u0085control"));
    }

    @Test
    void atMost128CharactersAreAllowed() {
        assertEquals(128, VideoId.of("x".repeat(128)).value().length());
        assertEquals("the video id is longer than 128 characters",
                assertThrows(InvalidVideoIdException.class, () -> VideoId.of("x".repeat(129))).getMessage());
        assertThrows(InvalidVideoIdException.class, () -> VideoId.fromFileName("x".repeat(300) + ".mp4"));
    }

    @Test
    void charactersOutsideTheBasicPlaneCountOnceEach() {
        String emoji = "😀".repeat(60);
        assertEquals(emoji, VideoId.of(emoji).value());
    }

    @Test
    void atMost255BytesOfUtf8AreAllowedBecauseTheIdIsADirectoryName() {
        assertEquals(85, VideoId.of("東".repeat(85)).value().length());
        assertEquals("the video id is longer than 255 bytes in UTF-8",
                assertThrows(InvalidVideoIdException.class, () -> VideoId.of("東".repeat(86))).getMessage());
    }

    @Test
    void leadingOrTrailingWhiteSpaceAndBrokenUnicodeAreRejected() {
        assertThrows(InvalidVideoIdException.class, () -> VideoId.of(" padded"));
        assertThrows(InvalidVideoIdException.class, () -> VideoId.of("padded "));
        assertEquals("the video id is not valid Unicode",
                assertThrows(InvalidVideoIdException.class, () -> VideoId.of("half\uD83D")).getMessage());
    }
}
