package io.mixbench.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StereoEnergiesTest {

    private static final double HALF_DB = 10 * Math.log10(0.5);

    @Test
    void equalChannels() {
        assertEquals(0, StereoEnergies.panPercent(2, 2), 1e-12);
        assertEquals(0, StereoEnergies.ratioDb(2, 2));
        assertEquals(1, StereoEnergies.correlation(2, 2, 2));
        // (L - R)^2 sums to exactly 0: the width reads the limit.
        assertEquals(-100, StereoEnergies.widthDb(2, 2, 2));
        assertEquals(0, StereoEnergies.monoSumLossDb(2, 2, 2), 1e-12);
    }

    @Test
    void oppositeChannels() {
        assertEquals(-1, StereoEnergies.correlation(2, 2, -2));
        assertEquals(100, StereoEnergies.widthDb(2, 2, -2));
        assertEquals(-100, StereoEnergies.monoSumLossDb(2, 2, -2));
    }

    @Test
    void oneChannelOrUncorrelatedChannels() {
        assertEquals(-100, StereoEnergies.panPercent(3, 0), 1e-12);
        assertEquals(100, StereoEnergies.panPercent(0, 3), 1e-12);
        assertEquals(100, StereoEnergies.ratioDb(3, 0));
        assertEquals(-100, StereoEnergies.ratioDb(0, 3));
        assertTrue(Double.isNaN(StereoEnergies.correlation(3, 0, 0)));
        assertEquals(0, StereoEnergies.widthDb(3, 0, 0), 1e-12);
        assertEquals(HALF_DB, StereoEnergies.monoSumLossDb(3, 0, 0), 1e-12);
        assertEquals(HALF_DB, StereoEnergies.monoSumLossDb(3, 3, 0), 1e-12);
        assertEquals(0, StereoEnergies.correlation(3, 3, 0));
        assertTrue(Double.isNaN(StereoEnergies.monoSumLossDb(0, 0, 0)));
    }

    /** A constant-power pan pot at angle a (L = cos, R = sin of (a / 100 + 1) 45 degrees) reads a. */
    @Test
    void constantPowerPanReadsItsPosition() {
        for (double position = -100; position <= 100; position += 12.5) {
            double theta = (position / 100 + 1) * Math.PI / 4;
            double left = Math.cos(theta) * Math.cos(theta);
            double right = Math.sin(theta) * Math.sin(theta);
            assertEquals(position, StereoEnergies.panPercent(left, right), 1e-9);
            if (Math.abs(position) < 100) {
                assertEquals(20 * Math.log10(Math.cos(theta) / Math.sin(theta)), StereoEnergies.ratioDb(left, right),
                        1e-9);
            }
        }
    }

    @Test
    void limitsHoldAndRoundingNeverGoesBelowZero() {
        assertEquals(100, StereoEnergies.ratioDb(1, 1e-30));
        assertEquals(-100, StereoEnergies.ratioDb(1e-30, 1));
        // A cross energy rounded a hair above sqrt(E_L E_R) still gives a correlation of 1 and no negative side.
        assertEquals(1, StereoEnergies.correlation(1, 1, 1 + 1e-15));
        assertEquals(-100, StereoEnergies.widthDb(1, 1, 1 + 1e-15));
    }
}
