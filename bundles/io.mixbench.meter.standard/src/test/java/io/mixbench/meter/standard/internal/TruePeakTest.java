package io.mixbench.meter.standard.internal;

import static io.mixbench.meter.standard.internal.TestSignals.run;
import static io.mixbench.meter.standard.internal.TestSignals.scalar;
import static io.mixbench.meter.standard.internal.TestSignals.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.ChannelLayout;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.MeasurementReasons;
import io.mixbench.meter.PerChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** True peak: EBU Tech 3341 cases 15-23, a 32x reference at every rate, and the fast path against slow ones. */
class TruePeakTest {

    private static final int[] RATES = {8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000, 88_200, 96_000,
            176_400, 192_000, 352_800, 384_000};

    /** Tech 3341 signals 15-19: a sine at fs / divisor with 10 ms fades in and out. */
    static float[] tech3341(int fs, int divisor, double amplitude, double phaseDegrees) {
        float[] x = TestSignals.sine(fs, (double) fs / divisor, amplitude, Math.toRadians(phaseDegrees), fs);
        return TestSignals.fade(x, fs / 100);
    }

    /**
     * Tech 3341 signals 20-23: a 0.5 FFS sine at fs/6 holding one period of fs/4 at 1.0 FFS, phase-continuous,
     * synthesised at 4 fs, low-passed (1025-tap Kaiser-windowed sinc, cut-off 0.45 fs) and decimated at an offset.
     */
    static float[] tech3341Case20(int fs, int offset) {
        int rate = 4 * fs;
        int length = rate / 2;
        double[] s = new double[length];
        int burst = length / 2 / 24 * 24; // an upward zero crossing of the fs/6 sine (24 samples per period)
        for (int i = 0; i < length; i++) {
            if (i < burst) {
                s[i] = 0.5 * Math.sin(2 * Math.PI * i / 24);
            } else if (i < burst + 16) {
                s[i] = Math.sin(2 * Math.PI * (i - burst) / 16);
            } else {
                s[i] = 0.5 * Math.sin(2 * Math.PI * (i - burst - 16) / 24);
            }
        }
        int half = 512;
        double cutoff = 0.45 / 4;
        double[] h = new double[2 * half + 1];
        double sum = 0;
        for (int k = -half; k <= half; k++) {
            double t = k;
            double sinc = k == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            h[k + half] = sinc * ReferenceTruePeak.TruePeakOversamplerAccess.kaiser((double) k / (half + 1), 10);
            sum += h[k + half];
        }
        float[] x = new float[length / 4 - 1];
        for (int j = 0; j < x.length; j++) {
            double y = 0;
            int centre = 4 * j + offset;
            for (int k = -half; k <= half; k++) {
                int i = centre - k;
                if (i >= 0 && i < length) {
                    y += h[k + half] * s[i];
                }
            }
            x[j] = (float) (y / sum);
        }
        return TestSignals.fade(x, fs / 100);
    }

    private static double truePeak(int fs, float[] x) {
        return value(run(new LevelsMeter(fs, ChannelLayout.STEREO, x.length), x, x), MeasurementIds.TRUE_PEAK);
    }

    private static double samplePeakDb(float[] x) {
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        return 20 * Math.log10(peak);
    }

    private static double db(double linear) {
        return 20 * Math.log10(linear);
    }

    /** Expected values with the Tech 3341 tolerance +0.2 / -0.4 dB, and the sample peaks the table lists. */
    @ParameterizedTest
    @CsvSource({"4, 0.50, 0, -6.0, -6.02", "4, 0.50, 45, -6.0, -9.03", "6, 0.50, 60, -6.0, -7.27",
            "8, 0.50, 67.5, -6.0, -6.71", "4, 1.41, 45, 3.0, -0.03"})
    void tech3341Cases15To19(int divisor, double amplitude, double phase, double expected, double samplePeak) {
        for (int fs : new int[]{48_000, 44_100}) {
            float[] x = tech3341(fs, divisor, amplitude, phase);
            assertEquals(samplePeak, samplePeakDb(x), 0.02, "generator");
            double tp = truePeak(fs, x);
            assertTrue(tp <= expected + 0.2 && tp >= expected - 0.4, fs + " Hz: " + tp + " dBTP");
            // A finer grid than the standard's 4x reads these sines within 0.1 dB of their amplitude.
            assertEquals(db(amplitude), tp, 0.1, fs + " Hz");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void tech3341Cases20To23(int offset) {
        for (int fs : new int[]{48_000, 44_100}) {
            float[] x = tech3341Case20(fs, offset);
            // The generator: the fs/6 part keeps its level, the burst is what peaks.
            assertTrue(samplePeakDb(x) > -3 && samplePeakDb(x) < 0.01, "sample peak " + samplePeakDb(x));
            double tp = truePeak(fs, x);
            assertTrue(tp <= 0.2 && tp >= -0.4, fs + " Hz offset " + offset + ": " + tp + " dBTP");
            assertEquals(db(ReferenceTruePeak.oversampled32(x)), tp, 0.1, "against the 32x reference");
        }
    }

    /**
     * At every supported rate, sines at the top of the band (the worst case of BS.1770-5 Attachment 1) and random
     * multi-tones read within -0.1 / +0.05 dB of a 32x oversampled reference.
     */
    @Test
    void underReadStaysBelowATenthOfADecibelAtEveryRate() {
        SplittableRandom random = new SplittableRandom(11);
        for (int fs : RATES) {
            double band = Math.min(0.45 * fs, 20_000);
            int frames = 4096;
            List<float[]> signals = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                signals.add(TestSignals.sines(fs, frames, band, 0.9, random.nextDouble() * 2 * Math.PI));
            }
            for (int i = 0; i < 3; i++) {
                double[] tones = new double[3 * 6];
                for (int k = 0; k < tones.length; k += 3) {
                    tones[k] = 20 + random.nextDouble() * (band - 20);
                    tones[k + 1] = 0.05 + 0.2 * random.nextDouble();
                    tones[k + 2] = random.nextDouble() * 2 * Math.PI;
                }
                signals.add(TestSignals.sines(fs, frames, tones));
            }
            for (float[] x : signals) {
                TestSignals.fade(x, frames / 16);
                double reference = db(ReferenceTruePeak.oversampled32(x));
                double measured = db(detect(fs, new float[][]{x}, 1000, true).channelPeak(0));
                assertTrue(measured >= reference - 0.1 && measured <= reference + 0.05,
                        fs + " Hz: " + measured + " dBTP against " + reference);
            }
        }
    }

    @Test
    void floatAboveFullScaleReadsAbove0dBTP() {
        assertEquals(3.0, truePeak(48_000, tech3341(48_000, 4, 1.41, 45)), 0.05);
    }

    @Test
    void reportsTheLargerOfTruePeakAndSamplePeakPerChannel() {
        int fs = 48_000;
        float[] impulse = new float[fs];
        impulse[2400] = 0.5f;
        float[] quiet = TestSignals.scaled(tech3341(fs, 4, 0.5, 45), 0.5);
        Map<String, Measurement> m = run(new LevelsMeter(fs, ChannelLayout.STEREO, fs), impulse, quiet);
        PerChannel perChannel = (PerChannel) m.get(MeasurementIds.TRUE_PEAK_PER_CHANNEL);
        assertEquals("dBTP", perChannel.unit());
        // An impulse interpolates to at most its own height.
        assertEquals(-6.02, perChannel.values()[0], 0.001);
        assertEquals(-12.04, perChannel.values()[1], 0.05);
        assertEquals(-6.02, value(m, MeasurementIds.TRUE_PEAK), 0.001);
    }

    @Test
    void anAbruptEndShowsItsOvershoot() {
        // A full-scale fs/4 sine at 45 degrees that stops dead: the last samples are +-0.707 but the reconstruction
        // rings above them.
        float[] x = TestSignals.sine(48_000, 12_000, 1.0, Math.PI / 4, 4800);
        assertTrue(truePeak(48_000, x) > -0.2);
    }

    @Test
    void silenceAndNonFiniteInput() {
        Map<String, Measurement> m = run(new LevelsMeter(48_000, ChannelLayout.MONO, -1), new float[48_000]);
        assertEquals(MeasurementReasons.SILENT, scalar(m, MeasurementIds.TRUE_PEAK).reason());
        assertTrue(Double.isNaN(((PerChannel) m.get(MeasurementIds.TRUE_PEAK_PER_CHANNEL)).values()[0]));
        assertEquals(0, value(m, MeasurementIds.INTER_SAMPLE_OVERS));
        float[] x = tech3341(48_000, 4, 0.5, 0);
        x[100] = Float.NaN;
        m = run(new LevelsMeter(48_000, ChannelLayout.MONO, -1), x);
        assertEquals(MeasurementReasons.NON_FINITE, scalar(m, MeasurementIds.TRUE_PEAK).reason());
        assertEquals(MeasurementReasons.NON_FINITE, scalar(m, MeasurementIds.INTER_SAMPLE_OVERS).reason());
    }

    /** Inter-sample overs: excursions above 0 dBTP, counted as the 32x reference counts them. */
    @Test
    void interSampleOvers() {
        int fs = 48_000;
        // fs/4 at 45 degrees, 1.2 FFS: samples at 0.85, every crest (two per period) is an over.
        float[] crests = TestSignals.sine(fs, 12_000, 1.2, Math.PI / 4, 2000);
        for (float v : crests) {
            assertTrue(Math.abs(v) < 0.86, "no sample above full scale");
        }
        long overs = (long) value(run(new LevelsMeter(fs, ChannelLayout.MONO, -1), crests),
                MeasurementIds.INTER_SAMPLE_OVERS);
        assertEquals(ReferenceTruePeak.oversampled32Overs(crests), overs);
        assertTrue(overs >= 1000, overs + " overs");
        // Three isolated float spikes above full scale: three excursions.
        float[] spikes = TestSignals.scaled(TestSignals.noise(3, 0.1, fs / 2), 1);
        spikes[1000] = 1.5f;
        spikes[9000] = -1.3f;
        spikes[20_000] = 1.1f;
        assertEquals(3, value(run(new LevelsMeter(fs, ChannelLayout.MONO, -1), spikes),
                MeasurementIds.INTER_SAMPLE_OVERS));
        assertEquals(3, ReferenceTruePeak.oversampled32Overs(spikes));
        // Below 0 dBTP: none.
        assertEquals(0, value(run(new LevelsMeter(fs, ChannelLayout.MONO, -1), tech3341(fs, 4, 0.9, 45)),
                MeasurementIds.INTER_SAMPLE_OVERS));
    }

    // ---- the fast path against slow, obviously correct references

    /** Feeds a detector in blocks, cutting 100 ms steps as the levels meter does; records each step's peak. */
    private static TruePeakDetector detect(int fs, float[][] x, int blockSize, boolean skipping, List<Float> steps) {
        TruePeakDetector detector = new TruePeakDetector(fs, x.length, skipping);
        int step = fs / 10;
        int frames = x[0].length;
        int position = 0;
        while (position < frames) {
            int n = Math.min(Math.min(blockSize, frames - position), step - position % step);
            for (int c = 0; c < x.length; c++) {
                detector.append(c, x[c], position, n);
            }
            position += n;
            if (position % step == 0) {
                steps.add(detector.takeStepPeak());
            }
        }
        detector.flush();
        steps.add(detector.takeStepPeak());
        return detector;
    }

    private static TruePeakDetector detect(int fs, float[][] x, int blockSize, boolean skipping) {
        return detect(fs, x, blockSize, skipping, new ArrayList<>());
    }

    private static List<float[][]> propertySignals(int fs) {
        List<float[][]> signals = new ArrayList<>();
        signals.add(TestSignals.music(fs, 3, 5));
        float[] noise = TestSignals.gaussian(2, 0.25, fs);
        signals.add(new float[][]{noise, TestSignals.scaled(noise, -0.5)});
        float[] sparse = TestSignals.tone(fs, 3000, 0.3, Double.NaN, 0.5, -3, 0.4, Double.NaN, 0.3, -20);
        signals.add(new float[][]{sparse, TestSignals.tone(fs, 60, 1.5, -1)});
        float[] hot = TestSignals.scaled(TestSignals.gaussian(4, 0.5, fs / 2), 1);
        signals.add(new float[][]{hot, TestSignals.sines(fs, hot.length, 0.4 * fs, 1.1, 0.3)});
        // Bursts after digital silence, on no segment boundary; their true peaks lie 3 dB over their samples.
        float[] left = new float[fs];
        float[] right = new float[fs];
        addBurst(left, fs / 2 + 13, 0.5f);
        addBurst(left, fs * 3 / 4 + 77, 0.7f);
        addBurst(right, fs * 2 / 3 + 5, 0.6f);
        signals.add(new float[][]{left, right});
        return signals;
    }

    /** 64 samples of a sine at a quarter of the sample rate, 45 degrees off its peaks: every sample is 0.707 a. */
    private static void addBurst(float[] x, int start, float amplitude) {
        for (int i = 0; i < 64; i++) {
            x[start + i] += (float) (amplitude * Math.sin(Math.PI / 2 * i + Math.PI / 4));
        }
    }

    /** Skipping never changes a result: channel peaks, overs and every step's peak equal those of no skipping. */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000, 192_000})
    void skippingChangesNothing(int fs) {
        for (float[][] x : propertySignals(fs)) {
            for (int blockSize : new int[]{1, 333, 8192}) {
                List<Float> fastSteps = new ArrayList<>();
                List<Float> slowSteps = new ArrayList<>();
                TruePeakDetector fast = detect(fs, x, blockSize, true, fastSteps);
                TruePeakDetector slow = detect(fs, x, 4096, false, slowSteps);
                for (int c = 0; c < x.length; c++) {
                    assertEquals(slow.channelPeak(c), fast.channelPeak(c), "channel " + c);
                    assertEquals(slow.overs(c), fast.overs(c), "overs " + c);
                }
                assertEquals(slowSteps, fastSteps, "step peaks");
            }
        }
    }

    /**
     * The levels meter computes the segment statistics in its filter loops and hands them in: for mono, stereo and
     * three channels, in blocks that cut segments anywhere, it interpolates exactly the segments the detector's own
     * statistics choose, and its peaks, overs and step peaks equal those of no skipping at all.
     */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void statisticsFromTheLevelsLoopsEqualTheDetectorsOwn(int fs) {
        for (float[][] signal : propertySignals(fs)) {
            for (int channels = 1; channels <= 3; channels++) {
                float[][] x = new float[channels][];
                for (int c = 0; c < channels; c++) {
                    x[c] = signal[c % 2];
                }
                List<Float> ownSteps = new ArrayList<>();
                TruePeakDetector own = detect(fs, x, 4096, true, ownSteps);
                TruePeakDetector slow = detect(fs, x, 4096, false);
                for (int blockSize : new int[]{1, 31, 333, 8192}) {
                    LevelsMeter meter = new LevelsMeter(fs, ChannelLayout.defaultFor(channels), -1);
                    TestSignals.run(meter, x, blockSize);
                    TruePeakDetector fused = meter.truePeakDetector();
                    String what = channels + " channels, blocks of " + blockSize;
                    assertEquals(own.evaluatedShare(), fused.evaluatedShare(), what);
                    for (int c = 0; c < channels; c++) {
                        assertEquals(slow.channelPeak(c), fused.channelPeak(c), what);
                        assertEquals(slow.overs(c), fused.overs(c), what);
                    }
                }
            }
        }
    }

    /** The skipping has something to skip on music: most segments need no interpolation. */
    @Test
    void musicIsMostlySkipped() {
        TruePeakDetector fast = detect(48_000, TestSignals.music(48_000, 10, 1), 4096, true);
        assertTrue(fast.evaluatedShare() < 0.25, "interpolated " + fast.evaluatedShare());
    }

    /** The vectorised cascade equals the cascade computed point by point in double precision. */
    @ParameterizedTest
    @ValueSource(ints = {8_000, 48_000, 96_000, 192_000, 384_000})
    void cascadeMatchesItsPointByPointDefinition(int fs) {
        for (float[][] x : propertySignals(fs)) {
            float[] channel = java.util.Arrays.copyOf(x[0], Math.min(x[0].length, 20_000));
            double reference = ReferenceTruePeak.cascade(channel, fs);
            double measured = detect(fs, new float[][]{channel}, 777, false).channelPeak(0);
            assertEquals(reference, measured, reference * 2e-6);
        }
    }

    /** The skip bound holds at every point: |y| <= A max(|x[m]|, |x[m+1]|) + F max|d| over the kernel's reach. */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 96_000, 384_000})
    void skipBoundHoldsAtEveryPoint(int fs) {
        TruePeakOversampler o = TruePeakOversampler.forSampleRate(fs);
        for (float[][] signal : propertySignals(fs)) {
            float[] x = java.util.Arrays.copyOf(signal[0], 6000);
            for (int p = 1; p < o.factor(); p++) {
                double[] c = o.compositeKernel(p);
                for (int m = 30; m < x.length - 40; m++) {
                    double y = Math.abs(ReferenceTruePeak.point(x, c, m));
                    double anchor = Math.max(Math.abs(x[m]), Math.abs(x[m + 1]));
                    double curvature = 0;
                    for (int i = Math.max(1, m - 25); i <= Math.min(x.length - 2, m + 28); i++) {
                        curvature = Math.max(curvature, Math.abs((double) x[i - 1] - 2.0 * x[i] + x[i + 1]));
                    }
                    double bound = o.anchorGain() * anchor + o.curvatureGain() * curvature;
                    assertTrue(y <= bound * (1 + 1e-9), "point " + m + "+" + p + ": " + y + " > " + bound);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 31, 32, 33, 1025, 65_536})
    void resultsDoNotDependOnTheBlockSize(int blockSize) {
        int fs = 44_100;
        float[][] x = TestSignals.music(fs, 2, 9);
        List<Float> referenceSteps = new ArrayList<>();
        List<Float> steps = new ArrayList<>();
        TruePeakDetector reference = detect(fs, x, 4096, true, referenceSteps);
        TruePeakDetector detector = detect(fs, x, blockSize, true, steps);
        assertArrayEquals(new float[]{reference.channelPeak(0), reference.channelPeak(1)},
                new float[]{detector.channelPeak(0), detector.channelPeak(1)});
        assertEquals(referenceSteps, steps);
    }
}
