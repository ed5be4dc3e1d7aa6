package io.mixbench.meter.spectrum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixbench.meter.TonalBands;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Series;
import io.mixbench.meter.Spectrum;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The meter against a slow, obviously-correct Welch estimate: a direct DFT of each zero-padded Hann frame, the mid
 * taken in the time domain, and band powers integrated numerically over the bins' cells.
 */
class ReferenceSpectrumTest {

    private static final int FS = 8_000;
    private static final int N = 1024;
    private static final int HOP = N / 2;
    private static final double DB_TOLERANCE = 1e-9;

    /** One frame's one-sided power density |X|^2 per Hz, as a function of frequency. */
    private record Frame(double[] re, double[] im, double realWindowEnergy, long centre) {
        double density(double[] otherRe, double[] otherIm, double f) {
            int k = (int) Math.floor(f * N / FS + 0.5);
            double binHz = (double) FS / N;
            double cellWidth = k == 0 || k == N / 2 ? binHz / 2 : binHz;
            double oneSided = k == 0 || k == N / 2 ? 1 : 2;
            return oneSided * (re[k] * otherRe[k] + im[k] * otherIm[k]) / cellWidth;
        }
    }

    /** Frame starts: every multiple of HOP with the frame inside the signal, then one ending at its end. */
    private static long[] starts(int length) {
        if (length < N) {
            return new long[]{-((N - length) / 2)}; // one zero-padded frame, the signal in its middle
        }
        java.util.List<Long> starts = new java.util.ArrayList<>();
        for (long start = 0; start + N <= length; start += HOP) {
            starts.add(start);
        }
        if (starts.get(starts.size() - 1) + N < length) {
            starts.add((long) length - N);
        }
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    private static Frame[] frames(double[] x, int length) {
        long[] starts = starts(length);
        Frame[] out = new Frame[starts.length];
        for (int k = 0; k < starts.length; k++) {
            long start = starts[k];
            double[] segment = new double[N];
            double energy = 0;
            for (int i = 0; i < N; i++) {
                long t = start + i;
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / N);
                if (t >= 0 && t < length) {
                    segment[i] = w * x[(int) t];
                    energy += w * w;
                }
            }
            double[] re = new double[N / 2 + 1];
            double[] im = new double[N / 2 + 1];
            for (int m = 0; m <= N / 2; m++) {
                for (int i = 0; i < N; i++) {
                    int phase = (int) ((long) m * i % N);
                    re[m] += segment[i] * Math.cos(2 * Math.PI * phase / N);
                    im[m] -= segment[i] * Math.sin(2 * Math.PI * phase / N);
                }
            }
            out[k] = new Frame(re, im, energy, length < N ? length / 2 : start + HOP);
        }
        return out;
    }

    /**
     * Integral over [low, min(high, fs/2)] of the cross density of frames a and b: the density is constant on each
     * bin's cell, so the band is cut at the cell edges and each piece is its length times the density at its middle.
     */
    private static double band(Frame a, Frame b, double low, double high) {
        double top = Math.min(high, FS / 2.0);
        double binHz = (double) FS / N;
        double sum = 0;
        for (int k = 0; k <= N / 2; k++) {
            double from = Math.max(low, (k - 0.5) * binHz);
            double to = Math.min(top, (k + 0.5) * binHz);
            if (to > from) {
                sum += a.density(b.re, b.im, (from + to) / 2) * (to - from);
            }
        }
        return sum;
    }

    private static double[] toDouble(float[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }

    private static double levelDb(double integral, double energy) {
        double meanSquare = integral / (N * energy);
        return meanSquare > 0 ? 10 * Math.log10(2 * meanSquare) : Double.NaN;
    }

    /** Lengths: regular frames and one ending at the end; regular frames only; under a hop; between hop and n. */
    @ParameterizedTest
    @ValueSource(ints = {5677, 3 * 1024, 700, 900})
    void meterMatchesDirectWelchEstimate(int length) {
        float[][] lr = signal(length);
        assertMatchesReference(lr[0], lr[1]);
    }

    /**
     * Frames of digital silence, in both channels or in one, are not transformed: the results are still the
     * reference's, including the NaN band levels of silent steps.
     */
    @Test
    void silentStretchesMatchDirectWelchEstimate() {
        int length = 9 * N + 77;
        float[][] lr = signal(length);
        Arrays.fill(lr[0], 2 * N, 5 * N, 0);
        Arrays.fill(lr[1], 2 * N, 5 * N, 0);
        Arrays.fill(lr[1], 6 * N, length, -0f);
        assertMatchesReference(lr[0], lr[1]);
        SpectrumMeter meter = (SpectrumMeter) SpectrumMeterTest.meter(FS, 2, length);
        TestSignals.run(meter, lr, 300);
        // 18 frames: 17 start at multiples of N/2, one ends at the last sample. Five lie inside [2N, 5N), silent in
        // both channels; six lie inside [6N, length), silent on the right.
        long left = 18 - 5;
        long right = 18 - 5 - 6;
        assertEquals(left + right, meter.transforms());
    }

    /** Pink noise on the left, white on the right, and a 300 Hz tone on both (half as loud on the right). */
    private static float[][] signal(int length) {
        SplittableRandom random = new SplittableRandom(4);
        float[] l = TestSignals.pink(random, length, 0.1);
        float[] r = TestSignals.white(random, length, 0.05);
        float[] tone = TestSignals.sine(FS, 300, length, 0.2, 0);
        for (int i = 0; i < length; i++) {
            l[i] += tone[i];
            r[i] += 0.5f * tone[i];
        }
        return new float[][]{l, r};
    }

    private static void assertMatchesReference(float[] l, float[] r) {
        int length = l.length;
        double[] mid = new double[length];
        for (int i = 0; i < length; i++) {
            mid[i] = (l[i] + (double) r[i]) / 2;
        }
        Map<String, Measurement> m = SpectrumMeterTest.run(FS, new float[][]{l, r}, 300);

        Frame[] fl = frames(toDouble(l), length);
        Frame[] fr = frames(toDouble(r), length);
        Frame[] fm = frames(mid, length);
        double energy = 0;
        for (Frame f : fl) {
            energy += f.realWindowEnergy();
        }
        double[][] third = Bands.thirdOctaveEdges();
        double[] meterMid = SpectrumMeterTest.values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM);
        double[] meterLeft = SpectrumMeterTest.values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT);
        double[] meterRight = SpectrumMeterTest.values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT);
        for (int b = 0; b < third[0].length; b++) {
            double sm = 0;
            double sl = 0;
            double sr = 0;
            for (int k = 0; k < fl.length; k++) {
                sm += band(fm[k], fm[k], third[0][b], third[1][b]);
                sl += band(fl[k], fl[k], third[0][b], third[1][b]);
                sr += band(fr[k], fr[k], third[0][b], third[1][b]);
            }
            String what = Bands.THIRD_OCTAVE_NOMINAL_HZ[b] + " Hz";
            assertEquals(levelDb(sm, energy), meterMid[b], DB_TOLERANCE, what);
            assertEquals(levelDb(sl, energy), meterLeft[b], DB_TOLERANCE, what);
            assertEquals(levelDb(sr, energy), meterRight[b], DB_TOLERANCE, what);
        }

        double[][] octave = Bands.octaveEdges();
        double[] correlation = SpectrumMeterTest.values(m, MeasurementIds.OCTAVE_CORRELATION);
        double[] loss = SpectrumMeterTest.values(m, MeasurementIds.OCTAVE_MONO_SUM_LOSS);
        for (int b = 0; b < octave[0].length; b++) {
            if (octave[0][b] >= FS / 2.0) {
                assertEquals(Double.NaN, correlation[b]);
                continue;
            }
            double sxx = 0;
            double syy = 0;
            double sxy = 0;
            double smm = 0;
            for (int k = 0; k < fl.length; k++) {
                sxx += band(fl[k], fl[k], octave[0][b], octave[1][b]);
                syy += band(fr[k], fr[k], octave[0][b], octave[1][b]);
                sxy += band(fl[k], fr[k], octave[0][b], octave[1][b]);
                smm += band(fm[k], fm[k], octave[0][b], octave[1][b]);
            }
            String what = Bands.OCTAVE_NOMINAL_HZ[b] + " Hz";
            assertEquals(sxy / Math.sqrt(sxx * syy), correlation[b], 1e-12, what);
            // The fold M = (L + R) / 2 on both channels, against the stereo energy, straight from the definition.
            assertEquals(10 * Math.log10(2 * smm / (sxx + syy)), loss[b], DB_TOLERANCE, what);
        }

        double[][] tonal = Bands.tonalEdges();
        double[] meterTonal = SpectrumMeterTest.values(m, MeasurementIds.TONAL_BALANCE);
        for (int b = 0; b < tonal[0].length; b++) {
            String id = TonalBands.band(b).id();
            double total = 0;
            int steps = (length + 799) / 800;
            double[] stepSum = new double[steps];
            double[] stepEnergy = new double[steps];
            double last = 0;
            for (Frame f : fm) {
                last = band(f, f, tonal[0][b], tonal[1][b]);
                total += last;
                int step = (int) (f.centre() / 800);
                stepSum[step] += last;
                stepEnergy[step] += f.realWindowEnergy();
            }
            if (stepEnergy[steps - 1] == 0) {
                // A last step with no frame centre takes the last frame.
                stepSum[steps - 1] = last;
                stepEnergy[steps - 1] = fm[fm.length - 1].realWindowEnergy();
            }
            if (tonal[0][b] >= FS / 2.0) {
                assertEquals(Double.NaN, meterTonal[b], id);
            } else {
                assertEquals(levelDb(total, energy), meterTonal[b], DB_TOLERANCE, id);
            }
            float[] series = ((Series) m.get(Bands.seriesId(id))).values();
            assertEquals(steps, series.length, id);
            for (int i = 0; i < steps; i++) {
                assertEquals(levelDb(stepSum[i], stepEnergy[i]), series[i], 1e-5, id + ", step " + i);
            }
        }
        assertEquals(Bands.THIRD_OCTAVE_NOMINAL_HZ.length,
                ((Spectrum) m.get(MeasurementIds.THIRD_OCTAVE_SPECTRUM)).values().length);
    }
}
