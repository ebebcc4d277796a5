package io.tritontube.web.infrastructure.transcoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LastLinesTest {

    @Test
    void theReasonIsTheLastSpecificLineWithoutFfmpegsLogPrefix() {
        LastLines lines = new LastLines(5);
        lines.accept("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55c97f473500] moov atom not found");
        lines.accept("Conversion failed!");
        lines.accept("   ");

        assertEquals("moov atom not found", lines.reason("exit code 1"));
    }

    @Test
    void withNothingSaidTheFallbackIsTheReason() {
        assertEquals("exit code 1", new LastLines(5).reason("exit code 1"));
    }

    @Test
    void keepsOnlyTheLastLines() {
        LastLines lines = new LastLines(2);
        lines.accept("one");
        lines.accept("two");
        lines.accept("three");

        assertEquals("two\nthree", lines.all());
    }
}
