package io.tritontube.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void aFigureAtOrPastItsBoundMeetsTheTarget() {
        assertEquals("met", Target.atLeast("≥ 20×", 20).verdict(20));
        assertEquals("met", Target.atMost("< 2%", 0.02).verdict(0.005));
    }

    @Test
    void aMissSaysHowFarOffTheBoundTheFigureIs() {
        assertEquals("missed by 95%", Target.atLeast("≥ 20×", 20).verdict(1.0));
        assertEquals("missed by 27%", Target.atMost("< 25%", 0.25).verdict(0.318));
    }
}
