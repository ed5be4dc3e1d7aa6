package io.mixbench.meter.spectrum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Checks the generators by formula, without an FFT, so a generator bug cannot hide a meter bug. */
class TestSignalsTest {

    private static final double G = Math.pow(10, 0.3);

    @Test
    void pinkFilterImpulseResponseIsItsTransferFunction() {
        TestSignals.PinkFilter filter = new TestSignals.PinkFilter();
        for (int n = 0; n < 5000; n++) {
            double expected = 0;
            for (int i = 0; i < TestSignals.PINK_POLES.length; i++) {
                expected += TestSignals.PINK_GAINS[i] * Math.pow(TestSignals.PINK_POLES[i], n);
            }
            expected += n == 0 ? TestSignals.PINK_DIRECT : n == 1 ? TestSignals.PINK_DELAYED : 0;
            assertEquals(expected, filter.next(n == 0 ? 1 : 0), 1e-12, "h[" + n + "]");
        }
    }

    @Test
    void pinkFilterFallsThreeDecibelsPerOctave() {
        for (int fs : new int[]{44_100, 48_000, 96_000}) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (double f = 20; f <= 20_000; f *= 1.01) {
                // Power density times frequency is constant for pink noise.
                double db = 10 * Math.log10(TestSignals.pinkPowerGain(f, fs) * f);
                min = Math.min(min, db);
                max = Math.max(max, db);
            }
            assertTrue(max - min < 0.1, fs + " Hz: ripple " + (max - min) + " dB");
            double octave = 10 * Math.log10(TestSignals.pinkPowerGain(2000, fs) / TestSignals.pinkPowerGain(1000, fs));
            assertEquals(-3.01, octave, 0.05, fs + " Hz");
        }
    }

    @Test
    void pinkFilterHasEqualPowerInEveryThirdOctaveBelowNyquist() {
        int fs = 48_000;
        double[] db = new double[31];
        double mean = 0;
        for (int i = 0; i < db.length; i++) {
            double centre = 1000 * Math.pow(G, (i - 17) / 3.0);
            db[i] = 10 * Math.log10(bandPower(centre / Math.pow(G, 1 / 6.0), centre * Math.pow(G, 1 / 6.0), fs));
            mean += db[i] / db.length;
        }
        for (int i = 0; i < db.length; i++) {
            assertEquals(mean, db[i], 0.1, "band " + i);
        }
    }

    /** Trapezoidal integral of the pink filter's power gain over [low, high] Hz. */
    static double bandPower(double low, double high, double fs) {
        int steps = 4000;
        double h = (high - low) / steps;
        double sum = 0.5 * (TestSignals.pinkPowerGain(low, fs) + TestSignals.pinkPowerGain(high, fs));
        for (int i = 1; i < steps; i++) {
            sum += TestSignals.pinkPowerGain(low + i * h, fs);
        }
        return sum * h;
    }

    @Test
    void whiteNoiseHasItsVarianceAndNoMemory() {
        float[] x = TestSignals.white(new SplittableRandom(3), 1_000_000, 0.1);
        double sum = 0;
        double squares = 0;
        double lag = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            squares += (double) x[i] * x[i];
            if (i > 0) {
                lag += (double) x[i] * x[i - 1];
            }
        }
        double variance = squares / x.length;
        assertEquals(0, sum / x.length, 0.0005);
        assertEquals(0.01, variance, 0.0001);
        assertEquals(0, lag / x.length / variance, 0.005);
    }

    @Test
    void sineHasItsPeakAndRms() {
        float[] x = TestSignals.sine(48_000, 1000, 48_000, 0.5, 0.3);
        double peak = 0;
        double squares = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
            squares += (double) v * v;
        }
        // Sampled 48 times a period, the peak falls at most half a sample from the crest.
        assertTrue(peak <= 0.5 && peak >= 0.5 * Math.cos(Math.PI / 48), "peak " + peak);
        assertEquals(0.5 / Math.sqrt(2), Math.sqrt(squares / x.length), 1e-6);
    }
}
