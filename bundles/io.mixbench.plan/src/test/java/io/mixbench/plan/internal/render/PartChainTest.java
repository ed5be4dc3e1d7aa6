package io.mixbench.plan.internal.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.StereoEnergies;
import io.mixbench.plan.TrackChanges;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartChainTest {

    private static final int FRAMES = 48_000;
    private static final double MINUS_3_DB = -3;

    private static TrackChanges changes(Boolean invert, Double highPassHz, Double pan, double balanceDb, Double width,
            Double sideHighPassHz) {
        return TrackChanges.none("Bass").withStereo(invert, highPassHz, pan, balanceDb, width, sideHighPassHz,
                TrackChanges.DEFAULT_SLOPE_DB_PER_OCTAVE);
    }

    private static TrackChanges pan(double percent) {
        return changes(false, null, percent, 0, null, null);
    }

    /** Renders planar {@code source} through a chain in 1000-frame blocks, as the renderer feeds it. */
    private static double[][] render(TrackChanges changes, double[]... source) {
        StereoSource look = source.length == 2 ? energies(source[0], source[1]) : null;
        PartChain chain = new PartChain(changes, source.length, Signals.RATE_HZ, MINUS_3_DB, look);
        int frames = source[0].length;
        double[][] out = new double[chain.outputChannels()][frames];
        for (int at = 0; at < frames; at += 1000) {
            int n = Math.min(1000, frames - at);
            float[][] block = new float[source.length][n];
            for (int c = 0; c < source.length; c++) {
                block[c] = Signals.floats(java.util.Arrays.copyOfRange(source[c], at, at + n));
            }
            double[][] rendered = new double[chain.outputChannels()][n];
            chain.process(block, n, at, rendered);
            for (int c = 0; c < rendered.length; c++) {
                System.arraycopy(rendered[c], 0, out[c], at, n);
            }
        }
        return out;
    }

    private static StereoSource energies(double[] left, double[] right) {
        double l = 0;
        double r = 0;
        double x = 0;
        for (int i = 0; i < left.length; i++) {
            double a = (float) left[i];
            double b = (float) right[i];
            l += a * a;
            r += b * b;
            x += a * b;
        }
        return new StereoSource(l, r, x, null);
    }

    private static double[] noise(long seed, double amplitude) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            x[i] = amplitude * (random.nextDouble() * 2 - 1);
        }
        return x;
    }

    private static double[] scaled(double[] x, double gain) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * gain;
        }
        return y;
    }

    @Test
    void aHardLeftStereoSourcePannedToTheCentreIsFoldedAtItsPower() {
        double[] left = Signals.sine(110, 0.5, FRAMES);
        double[][] out = render(pan(0), left, new double[FRAMES]);
        assertArrayEquals(out[0], out[1], 1e-12, "equal channels");
        double before = Signals.energy(left, 0);
        double after = Signals.energy(out[0], 0) + Signals.energy(out[1], 0);
        assertEquals(0, Signals.db(after / before), 0.1, "the power is kept");
    }

    @Test
    void aCorrelatedPairIsOneSourceEvenInOppositePolarity() {
        double[] source = Signals.sine(80, 0.5, FRAMES);
        double[][] out = render(pan(0), scaled(source, 0.8), scaled(source, -0.3));
        assertArrayEquals(out[0], out[1], 1e-12);
        // folded, not cancelled: the power of both sides
        double after = Signals.energy(out[0], 0) + Signals.energy(out[1], 0);
        assertEquals(0, Signals.db(after / ((0.64 + 0.09) * Signals.energy(source, 0))), 0.01);
    }

    @Test
    void aStereoSignalIsPannedByBalancingItsSides() {
        double[] left = noise(1, 0.5);
        double[] right = noise(2, 0.25);
        assertFalse(energies(left, right).isOneSource());
        double[][] out = render(pan(30), left, right);
        double el = Signals.energy(out[0], 0);
        double er = Signals.energy(out[1], 0);
        assertEquals(30, StereoEnergies.panPercent(el, er), 1e-6);
        assertEquals(Signals.energy(left, 0) + Signals.energy(right, 0), el + er, 1e-6 * (el + er));
    }

    @Test
    void aStereoFileWhoseLowEndCorrelatesIsFoldedAsTheLowEndRuleJudgesIt() {
        double[] left = noise(8, 0.5);
        double[] right = noise(9, 0.5);
        StereoSource look = energies(left, right);
        assertFalse(look.isOneSource());
        assertFalse(look.withLowEndCorrelation(0.5).isOneSource());
        StereoSource correlatedLowEnd = look.withLowEndCorrelation(0.95);
        assertTrue(correlatedLowEnd.isOneSource());
        PartChain chain = new PartChain(pan(0), 2, Signals.RATE_HZ, MINUS_3_DB, correlatedLowEnd);
        double[][] out = new double[2][100];
        chain.process(new float[][]{Signals.floats(left), Signals.floats(right)}, 100, 0, out);
        assertArrayEquals(out[0], out[1], 1e-15, "folded: both channels alike");
    }

    @Test
    void aMonoPartIsPannedWithTheSessionsPanLaw() {
        double[] mono = Signals.sine(440, 0.5, FRAMES);
        double[][] centre = render(pan(0), mono);
        assertEquals(2, centre.length);
        double gain = Math.pow(10, MINUS_3_DB / 20);
        for (int i = 0; i < FRAMES; i += 97) {
            assertEquals((float) mono[i] * gain, centre[0][i], 1e-12);
            assertEquals((float) mono[i] * gain, centre[1][i], 1e-12);
        }
        double[][] right = render(pan(50), mono);
        // sin/cos at 67.5 degrees, scaled to the law's centre gain
        double scale = gain / Math.sqrt(0.5);
        assertEquals(Math.cos(Math.toRadians(67.5)) * scale * (float) mono[123], right[0][123], 1e-12);
        assertEquals(Math.sin(Math.toRadians(67.5)) * scale * (float) mono[123], right[1][123], 1e-12);
        assertEquals(50, StereoEnergies.panPercent(Signals.energy(right[0], 0), Signals.energy(right[1], 0)), 1e-6);
    }

    @Test
    void aMonoPartTheImageDoesNotChangeStaysMono() {
        double[] mono = Signals.sine(440, 0.5, 1000);
        double[][] out = render(TrackChanges.none("Vox").withGainDb(-6), mono);
        assertEquals(1, out.length);
        assertEquals((float) mono[10] * Math.pow(10, -6.0 / 20), out[0][10], 1e-15);
    }

    @Test
    void balanceMovesHalfItsDecibelsToEachSide() {
        double[] left = noise(3, 0.5);
        double[] right = noise(4, 0.5);
        double[][] out = render(changes(false, null, null, 6, null, null), left, right);
        assertEquals((float) left[7] * Math.pow(10, 3.0 / 20), out[0][7], 1e-12);
        assertEquals((float) right[7] * Math.pow(10, -3.0 / 20), out[1][7], 1e-12);
    }

    @Test
    void widthZeroLeavesTheMidOnBothChannels() {
        double[] left = noise(5, 0.5);
        double[] right = noise(6, 0.5);
        double[][] out = render(changes(false, null, null, 0, 0.0, null), left, right);
        assertArrayEquals(out[0], out[1], 0);
        assertEquals(((double) (float) left[9] + (float) right[9]) / 2, out[0][9], 1e-15);
        double[][] half = render(changes(false, null, null, 0, 50.0, null), left, right);
        double side = ((double) (float) left[9] - (float) right[9]) / 2;
        assertEquals(side / 2, (half[0][9] - half[1][9]) / 2, 1e-15);
    }

    @Test
    void theSideHighPassMakesTheLowEndMonoAndKeepsTheMid() {
        // the mid: a bass at 40 Hz and a top at 1 kHz; the side: a 30 Hz rumble and 2 kHz air
        double[] mid = sum(Signals.sine(40, 0.3, FRAMES), Signals.sine(1000, 0.1, FRAMES));
        double[] lowSide = Signals.sine(30, 0.2, FRAMES);
        double[] highSide = Signals.sine(2000, 0.1, FRAMES);
        double[] side = sum(lowSide, highSide);
        double[][] out = render(changes(false, null, null, 0, null, 120.0), sum(mid, side), sum(mid, scaled(side, -1)));
        double[] outMid = new double[FRAMES];
        double[] outSide = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            outMid[i] = (out[0][i] + out[1][i]) / 2;
            outSide[i] = (out[0][i] - out[1][i]) / 2;
            float l = (float) (mid[i] + side[i]);
            float r = (float) (mid[i] - side[i]);
            assertEquals(((double) l + r) / 2, outMid[i], 1e-15, "the mid is untouched");
        }
        // after the filter has settled (whole periods of both tones): the side keeps its 2 kHz air and loses its
        // 30 Hz rumble (a 24 dB/octave Linkwitz-Riley two octaves down: -48 dB)
        int from = FRAMES / 2;
        assertTrue(20 * Math.log10(Signals.amplitude(outSide, 30, from) / 0.2) < -40, "30 Hz side removed");
        assertEquals(0, 20 * Math.log10(Signals.amplitude(outSide, 2000, from) / 0.1), 0.01);
        assertEquals(0.3, Signals.amplitude(outMid, 40, from), 1e-6);
    }

    @Test
    void polarityIsInvertedAndTheHighPassIsAppliedToEachChannel() {
        double[] low = Signals.sine(20, 0.5, FRAMES);
        double[] high = Signals.sine(5000, 0.5, FRAMES);
        double[][] out = render(changes(true, 200.0, null, 0, null, null), low, high);
        int from = FRAMES / 2;
        assertTrue(Signals.db(Signals.energy(out[0], from) / Signals.energy(low, from)) < -60, "20 Hz is gone");
        assertEquals(0, Signals.db(Signals.energy(out[1], from) / Signals.energy(high, from)), 0.01);
        double cross = 0;
        for (int i = from; i < FRAMES; i++) {
            cross += out[1][i] * high[i];
        }
        assertTrue(cross < -0.99 * Signals.energy(high, from), "inverted");
    }

    @Test
    void theGainAndRideComeLast() {
        double[] left = noise(7, 0.5);
        TrackChanges changes = changes(false, null, null, 0, 0.0, null).withGainDb(-3)
                .withRide(List.of(new io.mixbench.plan.GainPoint(0, 0), new io.mixbench.plan.GainPoint(1, -6)));
        double[][] out = render(changes, left, left);
        int i = 24_000;
        assertEquals((float) left[i] * Math.pow(10, (-3 + io.mixbench.plan.GainPoint.gainAt(changes.ride(),
                i / Signals.RATE_HZ)) / 20), out[0][i], 1e-12);
    }

    private static double[] sum(double[] a, double[] b) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] + b[i];
        }
        return y;
    }

    private static double[] difference(double[] a, double[] b) {
        return sum(a, scaled(b, -1));
    }
}
