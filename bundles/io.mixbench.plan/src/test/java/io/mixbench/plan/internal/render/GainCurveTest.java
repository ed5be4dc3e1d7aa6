package io.mixbench.plan.internal.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixbench.plan.GainPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class GainCurveTest {

    /** The curve's gain at every frame of {@code frames}, rendered in blocks of {@code blockFrames}. */
    private static double[] gainsDb(GainCurve curve, int frames, int blockFrames) {
        double[] gains = new double[frames];
        for (int at = 0; at < frames; at += blockFrames) {
            int n = Math.min(blockFrames, frames - at);
            double[][] block = {new double[n], new double[n]};
            java.util.Arrays.fill(block[0], 1);
            java.util.Arrays.fill(block[1], -0.5);
            curve.apply(block, 2, n, at);
            for (int i = 0; i < n; i++) {
                gains[at + i] = 20 * Math.log10(block[0][i]);
                assertEquals(-0.5 * block[0][i], block[1][i], 1e-15, "both channels alike");
            }
        }
        return gains;
    }

    @Test
    void aStaticGainIsExact() {
        GainCurve curve = new GainCurve(-6.5, List.of(), 48_000);
        double[][] block = {{0.25, -1, 0}};
        curve.apply(block, 1, 3, 0);
        double gain = Math.pow(10, -6.5 / 20);
        assertEquals(0.25 * gain, block[0][0], 0);
        assertEquals(-gain, block[0][1], 0);
        assertEquals(0, block[0][2], 0);
    }

    @Test
    void aRideFollowsItsBreakpointsLinearlyInDecibelsAtEverySample() {
        double rate = 44_100;
        // breakpoints between samples, on a sample, a jump (two at one time), holds before and after
        List<GainPoint> ride = List.of(new GainPoint(0.1234, 0), new GainPoint(0.5, -6), new GainPoint(0.75, -6),
                new GainPoint(1.0, 3), new GainPoint(1.0, -2), new GainPoint(1.3, 4.5));
        int frames = (int) (1.6 * rate);
        double[] gains = gainsDb(new GainCurve(2, ride, rate), frames, 1000);
        for (int i = 0; i < frames; i++) {
            assertEquals(2 + GainPoint.gainAt(ride, i / rate), gains[i], 1e-9, "frame " + i);
        }
        assertEquals(2, gains[0], 1e-12, "held before the first breakpoint");
        assertEquals(2 - 6, gains[(int) (0.5 * rate)], 1e-9, "at a breakpoint");
        assertEquals(2 - 1.5, gains[(int) (0.875 * rate)], 0.001, "half way up from -6 to 3 dB (half a frame early)");
        assertEquals(2 + 4.5, gains[frames - 1], 1e-9, "held after the last");
    }

    @Test
    void aBreakpointFarBeyondTheEndStillRampsTowardsIt() {
        List<GainPoint> ride = List.of(new GainPoint(0, 0), new GainPoint(1e300, -10));
        double[] gains = gainsDb(new GainCurve(0, ride, 48_000), 3000, 1024);
        for (int i = 0; i < gains.length; i++) {
            assertEquals(GainPoint.gainAt(ride, i / 48_000.0), gains[i], 1e-9);
        }
    }

    @Test
    void blockSizesDoNotChangeTheRide() {
        List<GainPoint> ride = List.of(new GainPoint(0.01, -8), new GainPoint(0.02, 8));
        double[] small = gainsDb(new GainCurve(0, ride, 48_000), 2000, 7);
        double[] large = gainsDb(new GainCurve(0, ride, 48_000), 2000, 2000);
        for (int i = 0; i < small.length; i++) {
            assertEquals(large[i], small[i], 1e-9);
        }
    }
}
