package io.tritontube.web.infrastructure.transcoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyframeGapsTest {

    @Test
    void theLongestGapBetweenKeyframesWins() {
        assertEquals(Duration.ofMillis(8300), longest(
                "0.000000,K__", "2.000000,___", "4.000000,K__", "12.300000,K__", "14.000000,___", "16.000000,K__"));
    }

    @Test
    void packetsInDecodingOrderAreSortedByTime() {
        // B-frames: the picture after a keyframe is decoded before the ones it depends on.
        assertEquals(Duration.ofSeconds(4), longest("0.066667,K__", "0.200000,___", "0.133333,___", "4.066667,K__", "8.066667,K_"));
    }

    @Test
    void aStreamThatDoesNotStartOnAKeyframeCountsTheWaitForTheFirst() {
        assertEquals(Duration.ofSeconds(5), longest("0.000000,___", "1.000000,___", "5.000000,K__", "9.000000,K__"));
    }

    @Test
    void packetsWithoutATimeAreSkipped() {
        assertEquals(Duration.ofSeconds(4), longest("N/A,K__", "0.000000,K__", "", "4.000000,K__"));
    }

    @Test
    void noKeyframeAtAllIsForever() {
        assertEquals(ChronoUnit.FOREVER.getDuration(), longest("0.000000,___", "1.000000,___"));
    }

    private static Duration longest(String... lines) {
        KeyframeGaps gaps = new KeyframeGaps();
        List.of(lines).forEach(gaps);
        return gaps.longest();
    }
}
