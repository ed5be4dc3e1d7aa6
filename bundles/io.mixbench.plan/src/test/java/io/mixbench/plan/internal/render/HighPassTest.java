package io.mixbench.plan.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HighPassTest {

    private static final double CORNER_HZ = 100;

    /** The steady-state gain of the filter for a sine, dB: the last second of two, block by block. */
    private static double gainDb(HighPass filter, double hz) {
        int frames = (int) (2 * Signals.RATE_HZ);
        double[] x = Signals.sine(hz, 0.5, frames);
        double[] y = x.clone();
        for (int at = 0; at < frames; at += 1000) {
            int n = Math.min(1000, frames - at);
            double[] block = java.util.Arrays.copyOfRange(y, at, at + n);
            filter.process(block, n);
            System.arraycopy(block, 0, y, at, n);
        }
        int from = frames / 2;
        return Signals.db(Signals.energy(y, from) / Signals.energy(x, from));
    }

    @Test
    void butterworthIsThreeDecibelsDownAtItsCornerForEveryOrder() {
        for (int order = 1; order <= 8; order++) {
            assertEquals(-3.01, gainDb(HighPass.butterworth(order, CORNER_HZ, Signals.RATE_HZ), CORNER_HZ), 0.02,
                    "order " + order);
        }
    }

    @Test
    void butterworthFallsBySixDecibelsAnOctavePerOrderAndPassesTheTop() {
        // |H|^2 = 1 / (1 + (fc / f)^(2n)) an octave below the corner: -24.1 dB for order 4
        assertEquals(-10 * Math.log10(1 + Math.pow(2, 8)),
                gainDb(HighPass.butterworth(4, CORNER_HZ, Signals.RATE_HZ), CORNER_HZ / 2), 0.1);
        assertEquals(0, gainDb(HighPass.butterworth(4, CORNER_HZ, Signals.RATE_HZ), 2000), 0.01);
    }

    @Test
    void linkwitzRileyIsSixDecibelsDownAtItsCorner() {
        assertEquals(-6.02, gainDb(HighPass.linkwitzRiley(4, CORNER_HZ, Signals.RATE_HZ), CORNER_HZ), 0.03);
        assertEquals(-6.02, gainDb(HighPass.linkwitzRiley(2, CORNER_HZ, Signals.RATE_HZ), CORNER_HZ), 0.03);
        // an octave below, a 2nd-order Butterworth twice: 2 x -12.3 dB
        assertEquals(-20 * Math.log10(1 + Math.pow(2, 4)),
                gainDb(HighPass.linkwitzRiley(4, CORNER_HZ, Signals.RATE_HZ), CORNER_HZ / 2), 0.1);
    }

    @Test
    void anOddLinkwitzRileyOrderIsTheButterworthOfThatOrder() {
        assertEquals(-3.01, gainDb(HighPass.linkwitzRiley(3, CORNER_HZ, Signals.RATE_HZ), CORNER_HZ), 0.02);
    }

    @Test
    void aCornerAtOrAboveHalfTheRateOrASlopeNotOfSixIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HighPass.butterworth(2, 24_000, Signals.RATE_HZ));
        assertThrows(IllegalArgumentException.class, () -> HighPass.butterworth(2, 0, Signals.RATE_HZ));
        assertThrows(IllegalArgumentException.class, () -> HighPass.order(20));
        assertEquals(4, HighPass.order(24));
    }
}
