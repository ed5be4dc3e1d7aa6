package io.mixbench.meter.standard.internal;

import static io.mixbench.meter.standard.internal.TestSignals.run;
import static io.mixbench.meter.standard.internal.TestSignals.series;
import static io.mixbench.meter.standard.internal.TestSignals.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.ChannelLayout;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Series;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The meters' inlined, streamed filters against slow, obviously correct references: each biquad run as its
 * difference equation over the whole signal in double precision, then the measurement computed from its definition.
 */
class FastPathPropertyTest {

    /** y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2], zero initial state. */
    static double[] filter(Biquad f, double[] x) {
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            double x1 = n >= 1 ? x[n - 1] : 0;
            double x2 = n >= 2 ? x[n - 2] : 0;
            double y1 = n >= 1 ? y[n - 1] : 0;
            double y2 = n >= 2 ? y[n - 2] : 0;
            y[n] = f.b0() * x[n] + f.b1() * x1 + f.b2() * x2 - f.a1() * y1 - f.a2() * y2;
        }
        return y;
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    /** Momentary series and integrated loudness of stereo K-weighted material, from BS.1770's definitions. */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void loudnessMatchesItsDefinition(int fs) {
        float[][] x = TestSignals.music(fs, 8.05, 4);
        double[][] k = new double[2][];
        for (int c = 0; c < 2; c++) {
            k[c] = filter(KWeighting.highPass(fs), filter(KWeighting.shelf(fs), toDouble(x[c])));
        }
        Map<String, Measurement> m = run(new LevelsMeter(fs, ChannelLayout.STEREO, -1), x[0], x[1]);
        Series momentary = series(m, MeasurementIds.MOMENTARY_SERIES);
        int window = (int) Math.round(0.4 * fs);
        double absolute = Math.pow(10, (-70 + 0.691) / 10);
        double[] blocks = new double[momentary.size()];
        int count = 0;
        for (int step = 3; step < momentary.size(); step++) {
            int end = (int) Math.round((step + 1) * fs / 10.0);
            if (end > x[0].length) {
                break;
            }
            double sum = 0;
            for (int c = 0; c < 2; c++) {
                for (int i = end - window; i < end; i++) {
                    sum += k[c][i] * k[c][i];
                }
            }
            double power = sum / window;
            assertEquals(-0.691 + 10 * Math.log10(power), momentary.get(step), 1e-4, "step " + step);
            blocks[count++] = power;
        }
        double mean = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (blocks[i] > absolute) {
                mean += blocks[i];
                n++;
            }
        }
        double gate = mean / n / 10;
        double gated = 0;
        int g = 0;
        for (int i = 0; i < count; i++) {
            if (blocks[i] > gate) {
                gated += blocks[i];
                g++;
            }
        }
        assertEquals(-0.691 + 10 * Math.log10(gated / g), value(m, MeasurementIds.INTEGRATED_LOUDNESS), 1e-6);
    }

    /**
     * The stereo meter's split, derived sums against the definitions summed plainly in double precision, whatever the
     * block size (odd sizes start calls on odd frames).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 480, 8192})
    void stereoMatchesItsDefinition(int blockSize) {
        int fs = 48_000;
        float[][] x = TestSignals.music(fs, 6, 5);
        float[] right = TestSignals.sum(TestSignals.scaled(x[1], 0.7), TestSignals.gaussian(3, 0.05, x[1].length));
        double ll = 0;
        double rr = 0;
        double lr = 0;
        double mid = 0;
        double side = 0;
        for (int i = 0; i < right.length; i++) {
            double l = x[0][i];
            double r = right[i];
            ll += l * l;
            rr += r * r;
            lr += l * r;
            mid += (l + r) * (l + r);
            side += (l - r) * (l - r);
        }
        Map<String, Measurement> m = TestSignals.run(new StereoMeter(fs, 2), new float[][]{x[0], right}, blockSize);
        assertEquals(10 * Math.log10(ll / rr), value(m, MeasurementIds.BALANCE), 1e-9);
        assertEquals(lr / Math.sqrt(ll * rr), value(m, MeasurementIds.CORRELATION), 1e-12);
        assertEquals(10 * Math.log10(side / mid), value(m, MeasurementIds.WIDTH), 1e-9);
        assertEquals(10 * Math.log10(mid / (2 * (ll + rr))), value(m, MeasurementIds.MONO_SUM_LOSS), 1e-9);
        assertTrue(value(m, MeasurementIds.BALANCE) > 2, "the right side is quieter");
    }

    /**
     * Digital silence (+0.0) reaching filters at rest is passed over: every measurement equals, to the bit, the one
     * of the same signal with its silence written as -0.0, which runs the full path. Silence in one channel, in
     * both, at the end; stereo, mono and 5.1; any block size. The same for the stereo meter.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 480, 8192})
    void silenceIsPassedOverWithTheSameResults(int blockSize) {
        int fs = 48_000;
        float[][] music = TestSignals.music(fs, 6, 6);
        for (ChannelLayout layout : List.of(ChannelLayout.STEREO, ChannelLayout.MONO, ChannelLayout.SURROUND_5_1)) {
            int channels = layout.channels().size();
            float[][] positive = new float[channels][];
            float[][] negative = new float[channels][];
            long silentFrames = 0;
            for (int c = 0; c < channels; c++) {
                positive[c] = music[c % 2].clone();
                // Left (and mono): 1.0-2.5 s; every channel: 3.0-4.2 s; right and the surrounds: from 5 s on.
                int[][] stretches = c % 2 == 0
                        ? new int[][]{{fs, fs * 5 / 2}, {fs * 3, fs * 21 / 5}}
                        : new int[][]{{fs * 3, fs * 21 / 5}, {fs * 5, positive[c].length}};
                for (int[] stretch : stretches) {
                    Arrays.fill(positive[c], stretch[0], stretch[1], 0f);
                    silentFrames += stretch[1] - stretch[0];
                }
                negative[c] = positive[c].clone();
                for (int i = 0; i < negative[c].length; i++) {
                    if (Float.floatToRawIntBits(negative[c][i]) == 0) {
                        negative[c][i] = -0f;
                    }
                }
            }
            LevelsMeter passing = new LevelsMeter(fs, layout, -1);
            LevelsMeter full = new LevelsMeter(fs, layout, -1);
            Map<String, Measurement> expected = run(full, negative, blockSize);
            Map<String, Measurement> actual = run(passing, positive, blockSize);
            TestSignals.assertSameMeasurements(expected, actual);
            assertEquals(0, full.silentFrames(), layout.toString());
            // All but the filters' decay (about 0.25 s) after each stretch starts.
            assertTrue(passing.silentFrames() > 0.7 * silentFrames,
                    layout + ": " + passing.silentFrames() + " of " + silentFrames);
            if (channels == 2) {
                // The stereo meter passes over frames silent in both channels (1.2 s here).
                StereoMeter stereoPassing = new StereoMeter(fs, 2);
                StereoMeter stereoFull = new StereoMeter(fs, 2);
                TestSignals.assertSameMeasurements(run(stereoFull, negative, blockSize),
                        run(stereoPassing, positive, blockSize));
                assertEquals(0, stereoFull.silentFrames());
                assertEquals(fs * 21 / 5 - fs * 3, stereoPassing.silentFrames(), 2 * blockSize + 4800);
            }
        }
    }
}
