package io.mixbench.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TonalBandsTest {

    @Test
    void theBandsAreContiguousFrom20HzTo20kHz() {
        assertEquals(7, TonalBands.count());
        assertEquals(20, TonalBands.band(0).lowHz());
        assertEquals(20000, TonalBands.band(TonalBands.count() - 1).highHz());
        for (int b = 1; b < TonalBands.count(); b++) {
            assertEquals(TonalBands.band(b - 1).highHz(), TonalBands.band(b).lowHz());
        }
        assertEquals("mid", TonalBands.band(TonalBands.MID).id());
        assertEquals(1000, TonalBands.band(TonalBands.MID).centreHz(), 1e-9);
    }

    @Test
    void aFrequencyBelongsToTheBandWhoseLowerEdgeItReaches() {
        assertEquals(-1, TonalBands.indexOf(19.9));
        assertEquals(0, TonalBands.indexOf(20));
        assertEquals(2, TonalBands.indexOf(250));
        assertEquals(3, TonalBands.indexOf(1000));
        assertEquals(6, TonalBands.indexOf(19999));
        assertEquals(-1, TonalBands.indexOf(20000));
    }
}
