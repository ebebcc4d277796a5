package io.tritontube.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void theMedianOfThreeRunsIsTheMiddleOne() {
        assertEquals(4.2, Stats.median(List.of(9.1, 3.9, 4.2)));
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> latencies = List.of(5.0, 1.0, 2.0, 3.0, 4.0, 6.0, 7.0, 8.0, 9.0, 100.0);

        assertEquals(5.0, Stats.percentile(latencies, 50));
        assertEquals(100.0, Stats.percentile(latencies, 99));
        assertEquals(1.0, Stats.percentile(latencies, 0));
    }

    @Test
    void noSamplesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
    }
}
