package io.mixbench.meter.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The generators themselves, checked against closed-form values (not through any meter). */
class TestSignalsTest {

    @Test
    void sinePeakAndRmsMatchTheFormula() {
        float[] x = TestSignals.sine(48_000, 1000, 0.5, 0, 48_000);
        double peak = 0;
        double squares = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
            squares += (double) v * v;
        }
        // 48 samples per period: n = 12 lands on the crest.
        assertEquals(0.5, peak, 1e-7);
        assertEquals(0.5 / Math.sqrt(2), Math.sqrt(squares / x.length), 1e-7);
    }

    @Test
    void sineStartsAtTheRequestedPhase() {
        float[] x = TestSignals.sine(48_000, 12_000, 0.5, Math.PI / 4, 8);
        for (float v : x) {
            assertEquals(0.5 * Math.sqrt(0.5), Math.abs(v), 1e-6);
        }
    }

    @Test
    void toneSegmentsHaveTheirLengthAndLevel() {
        float[] x = TestSignals.tone(48_000, 1000, 0.5, Double.NaN, 1.0, -6.0206);
        assertEquals(72_000, x.length);
        double firstPeak = 0;
        double secondPeak = 0;
        for (int n = 0; n < x.length; n++) {
            if (n < 24_000) {
                firstPeak = Math.max(firstPeak, Math.abs(x[n]));
            } else {
                secondPeak = Math.max(secondPeak, Math.abs(x[n]));
            }
        }
        assertEquals(0, firstPeak);
        assertEquals(0.5, secondPeak, 1e-4);
    }
}
