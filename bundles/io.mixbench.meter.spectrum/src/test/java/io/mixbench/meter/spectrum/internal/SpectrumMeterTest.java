package io.mixbench.meter.spectrum.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.TonalBands;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.MeasurementReasons;
import io.mixbench.meter.Meter;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Spectrum;
import io.mixbench.meter.StereoEnergies;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpectrumMeterTest {

    private static final double SINE_DB_PER_AMPLITUDE_HALF = 20 * Math.log10(0.5);
    private static final double UNCORRELATED_LOSS_DB = 10 * Math.log10(0.5);

    static Meter meter(int fs, int channels, long frames) {
        return new SpectrumMeterFactory().create(new AudioFormat(fs, ChannelLayout.defaultFor(channels), 24,
                SampleEncoding.PCM_INTEGER, frames, "test"));
    }

    static Map<String, Measurement> run(int fs, float[][] channels, int blockSize) {
        return TestSignals.run(meter(fs, channels.length, channels[0].length), channels, blockSize);
    }

    static double[] values(Map<String, Measurement> m, String id) {
        return ((Spectrum) m.get(id)).values();
    }

    static float[] series(Map<String, Measurement> m, String band) {
        return ((Series) m.get(Bands.seriesId(band))).values();
    }

    static int thirdOctaveIndex(double nominalHz) {
        for (int i = 0; i < Bands.THIRD_OCTAVE_NOMINAL_HZ.length; i++) {
            if (Bands.THIRD_OCTAVE_NOMINAL_HZ[i] == nominalHz) {
                return i;
            }
        }
        throw new IllegalArgumentException(nominalHz + " Hz");
    }

    @Test
    void fftSizeGivesTenHertzOrFinerBins() {
        assertEquals(8192, SpectrumMeter.fftSize(48_000));
        assertEquals(8192, SpectrumMeter.fftSize(44_100));
        assertEquals(16384, SpectrumMeter.fftSize(96_000));
        assertEquals(1024, SpectrumMeter.fftSize(8_000));
        for (int fs : new int[]{8_000, 11_025, 22_050, 32_000, 44_100, 48_000, 88_200, 96_000, 192_000, 384_000}) {
            int n = SpectrumMeter.fftSize(fs);
            assertTrue((double) fs / n <= 10 && (double) fs / n > 5, fs + " Hz: " + n);
            // Hops stay shorter than a 100 ms step, so every step of the band-level series holds a frame.
            assertTrue(n / 2 < fs / 10.0, fs + " Hz");
        }
    }

    private static double bandwidth(Map<String, Measurement> m) {
        Scalar bandwidth = (Scalar) m.get(MeasurementIds.BANDWIDTH);
        assertTrue(bandwidth.present(), String.valueOf(bandwidth));
        return bandwidth.value();
    }

    /** Sines every 53.3 Hz up to 16 kHz over a -100 dBFS noise floor: what a lossy encoder's low-pass leaves. */
    @Test
    void aLossyLowPassIsWhereTheContentStops() {
        int fs = 44_100;
        int frames = 5 * fs;
        SplittableRandom random = new SplittableRandom(3);
        float[] x = TestSignals.white(random, frames, 1e-5);
        for (double hz = 20; hz < 16_000; hz += 53.3) {
            x = TestSignals.sum(x, TestSignals.sine(fs, hz, frames, 0.003, random.nextDouble(2 * Math.PI)));
        }
        double hz = bandwidth(run(fs, new float[][]{x, x}, 4096));
        assertEquals(16_000, hz, SpectrumMeter.BANDWIDTH_STRIP_HZ, "bandwidth " + hz + " Hz");
    }

    @Test
    void fullBandNoiseReachesNyquistAndPinkRollOffIsNoCliff() {
        SplittableRandom random = new SplittableRandom(5);
        assertEquals(22_050, bandwidth(run(44_100, new float[][]{TestSignals.white(random, 44_100 * 3, 0.1)}, 4096)));
        // Pink noise falls 10 dB a decade: no cliff, however far down it ends.
        assertEquals(24_000,
                bandwidth(run(96_000, new float[][]{TestSignals.pink(random, 96_000 * 3, 0.1)}, 4096)));
        assertEquals(11_025, bandwidth(run(22_050, new float[][]{TestSignals.pink(random, 22_050 * 3, 0.1)}, 4096)));
        assertEquals(4_000, bandwidth(run(48_000, new float[][]{TestSignals.tone(48_000, 100, 3, -6)}, 4096)),
                "nothing above 4 kHz");
        assertEquals(4_000, bandwidth(run(8_000, new float[][]{TestSignals.pink(random, 8_000 * 3, 0.1)}, 4096)),
                "an 8 kHz file ends at its Nyquist frequency");
        Scalar silent = (Scalar) run(44_100, new float[][]{new float[44_100]}, 4096).get(MeasurementIds.BANDWIDTH);
        assertEquals(MeasurementReasons.SILENT, silent.reason());
    }

    /** Pink noise has equal power per 1/3 octave: the meter must read it flat, and at the filter's exact level. */
    @Test
    void pinkNoiseReadsFlatPerThirdOctave() {
        int fs = 48_000;
        double sigma = 0.05;
        float[] pink = TestSignals.pink(new SplittableRandom(11), fs * 180, sigma);
        double[] db = values(run(fs, new float[][]{pink}, 4096), MeasurementIds.THIRD_OCTAVE_SPECTRUM);
        double mean = Arrays.stream(db).average().orElseThrow();
        for (int i = 0; i < db.length; i++) {
            double centre = Bands.thirdOctaveExactHz(i);
            double low = centre / Math.pow(Bands.G, 1 / 6.0);
            double high = centre * Math.pow(Bands.G, 1 / 6.0);
            double expected = 10 * Math.log10(2 * 2 * sigma * sigma / fs * TestSignalsTest.bandPower(low, high, fs));
            String band = Bands.THIRD_OCTAVE_NOMINAL_HZ[i] + " Hz";
            assertEquals(mean, db[i], 0.5, band);
            assertEquals(expected, db[i], 0.35, band);
        }
    }

    @Test
    void sineLandsInItsBandAtItsLevel() {
        for (int fs : new int[]{44_100, 48_000, 96_000}) {
            for (double hz : new double[]{250, 1000, 1100, 6300}) {
                float[] x = TestSignals.sine(fs, hz, fs * 3, 0.5, 0.1);
                float[] silence = new float[x.length];
                Map<String, Measurement> m = run(fs, new float[][]{x, silence}, 1024);
                int band = thirdOctaveIndex(hz == 1100 ? 1000 : hz);
                double[] left = values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT);
                double[] right = values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT);
                double[] mid = values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM);
                String what = hz + " Hz at " + fs + " Hz";
                assertEquals(SINE_DB_PER_AMPLITUDE_HALF, left[band], 0.05, what);
                // The mid (L + R) / 2 holds half the amplitude.
                assertEquals(SINE_DB_PER_AMPLITUDE_HALF - 6.0206, mid[band], 0.05, what);
                for (int i = 0; i < left.length; i++) {
                    assertTrue(Double.isNaN(right[i]), "a silent channel has no level");
                    if (i != band) {
                        assertTrue(left[i] < left[band] - 30, what + ", leak into band " + i + ": " + left[i]);
                    }
                }
            }
        }
    }

    @Test
    void toneLandsInItsTonalBandAndSeries() {
        int fs = 48_000;
        float[] x = TestSignals.sine(fs, 100, fs * 4, 0.25, 0);
        Map<String, Measurement> m = run(fs, new float[][]{x}, 4096);
        double[] tonal = values(m, MeasurementIds.TONAL_BALANCE);
        double level = 20 * Math.log10(0.25);
        assertEquals(level, tonal[1], 0.05);
        for (int b = 0; b < tonal.length; b++) {
            if (b != 1) {
                assertTrue(tonal[b] < level - 40, TonalBands.band(b).id() + ": " + tonal[b]);
            }
        }
        float[] low = series(m, "low");
        assertEquals(40, low.length);
        for (int i = 0; i < low.length; i++) {
            assertEquals(level, low[i], 0.2, "step " + i);
        }
    }

    @Test
    void bandSeriesFollowsToneBurstsWithin100Milliseconds() {
        int fs = 48_000;
        float[] x = new float[fs * 3];
        float[] tone = TestSignals.sine(fs, 1000, fs, 0.5, 0);
        System.arraycopy(tone, 0, x, fs, fs);
        float[] mid = series(run(fs, new float[][]{x}, 333), "mid");
        assertEquals(30, mid.length);
        for (int step = 0; step < 30; step++) {
            if (step <= 8 || step >= 21) {
                assertTrue(Float.isNaN(mid[step]), "silent step " + step + ": " + mid[step]);
            } else if (step >= 11 && step <= 18) {
                assertEquals(SINE_DB_PER_AMPLITUDE_HALF, mid[step], 0.1, "step " + step);
            } else {
                assertTrue(mid[step] < SINE_DB_PER_AMPLITUDE_HALF + 0.1, "edge step " + step);
            }
        }
    }

    @Test
    void seriesHasOneValuePerStartedStep() {
        int fs = 44_100;
        for (int frames : new int[]{0, 1, 5, 4409, 4410, 4411, 8820, 44_100, 44_101, 100_000}) {
            float[] x = TestSignals.white(new SplittableRandom(frames), frames, 0.1);
            Map<String, Measurement> m = run(fs, new float[][]{x}, 1000);
            int expected = (frames + 4409) / 4410;
            for (TonalBands.Band band : TonalBands.BANDS) {
                Series s = (Series) m.get(Bands.seriesId(band.id()));
                assertEquals(expected, s.size(), frames + " frames");
                assertEquals(0.1, s.stepSeconds());
                for (float v : s.values()) {
                    assertTrue(Float.isFinite(v), "white noise has energy in every band and step");
                }
            }
        }
    }

    @Test
    void equalChannelsCorrelateFullyAndLoseNothing() {
        int fs = 48_000;
        float[] x = TestSignals.white(new SplittableRandom(5), fs * 10, 0.1);
        Map<String, Measurement> m = run(fs, new float[][]{x, x.clone()}, 4096);
        for (double c : values(m, MeasurementIds.OCTAVE_CORRELATION)) {
            assertEquals(1, c, 1e-12);
        }
        for (double loss : values(m, MeasurementIds.OCTAVE_MONO_SUM_LOSS)) {
            assertEquals(0, loss, 1e-12);
        }
        assertArrayEquals(values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT),
                values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM), 1e-12);
        assertArrayEquals(values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT),
                values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM), 1e-12);
    }

    @Test
    void oppositeChannelsVanishInMono() {
        int fs = 48_000;
        float[] x = TestSignals.white(new SplittableRandom(6), fs * 10, 0.1);
        Map<String, Measurement> m = run(fs, new float[][]{x, TestSignals.negate(x)}, 4096);
        for (double c : values(m, MeasurementIds.OCTAVE_CORRELATION)) {
            assertEquals(-1, c, 1e-12);
        }
        for (double loss : values(m, MeasurementIds.OCTAVE_MONO_SUM_LOSS)) {
            assertEquals(-StereoEnergies.LIMIT_DB, loss);
        }
        for (double level : values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM)) {
            assertTrue(Double.isNaN(level), "the mid is silent");
        }
    }

    @Test
    void oneSidedChannelLosesThreeDecibels() {
        int fs = 48_000;
        float[] x = TestSignals.white(new SplittableRandom(7), fs * 5, 0.1);
        Map<String, Measurement> m = run(fs, new float[][]{new float[x.length], x}, 4096);
        for (double loss : values(m, MeasurementIds.OCTAVE_MONO_SUM_LOSS)) {
            assertEquals(UNCORRELATED_LOSS_DB, loss, 1e-12);
        }
        for (double c : values(m, MeasurementIds.OCTAVE_CORRELATION)) {
            assertTrue(Double.isNaN(c), "no correlation with a silent channel");
        }
    }

    @Test
    void independentNoiseIsUncorrelatedAndLosesThreeDecibels() {
        int fs = 48_000;
        int seconds = 300;
        Meter meter = meter(fs, 2, (long) fs * seconds);
        SplittableRandom left = new SplittableRandom(21);
        SplittableRandom right = new SplittableRandom(22);
        float[][] block = new float[2][];
        for (int s = 0; s < seconds; s++) {
            block[0] = TestSignals.white(left, fs, 0.1);
            block[1] = TestSignals.white(right, fs, 0.1);
            meter.process(block, fs);
        }
        Map<String, Measurement> m = meter.finish();
        double[] correlation = values(m, MeasurementIds.OCTAVE_CORRELATION);
        double[] loss = values(m, MeasurementIds.OCTAVE_MONO_SUM_LOSS);
        for (int b = 0; b < loss.length; b++) {
            String band = Bands.OCTAVE_NOMINAL_HZ[b] + " Hz";
            assertEquals(0, correlation[b], 0.02, band);
            assertEquals(-3.0, loss[b], 0.1, band);
        }
    }

    /**
     * L and R in quadrature (cos and sin of the same bin-centred partials): the cross-spectrum vanishes exactly,
     * so every octave reads correlation 0 and -3.01 dB without the scatter of noise.
     */
    @Test
    void quadratureChannelsAreExactlyUncorrelated() {
        int fs = 48_000;
        int n = SpectrumMeter.fftSize(fs);
        int frames = fs * 4;
        float[] l = new float[frames];
        float[] r = new float[frames];
        SplittableRandom random = new SplittableRandom(8);
        for (double centre : Bands.OCTAVE_NOMINAL_HZ) {
            for (int offset = -1; offset <= 1; offset++) {
                int bin = (int) Math.round(centre * n / fs) + offset;
                double phase = 2 * Math.PI * random.nextDouble();
                double amplitude = 0.02 * (1 + random.nextDouble());
                for (int i = 0; i < frames; i++) {
                    double angle = 2 * Math.PI * ((long) bin * i % n) / n + phase;
                    l[i] += (float) (amplitude * Math.cos(angle));
                    r[i] += (float) (amplitude * Math.sin(angle));
                }
            }
        }
        Map<String, Measurement> m = run(fs, new float[][]{l, r}, 4096);
        double[] correlation = values(m, MeasurementIds.OCTAVE_CORRELATION);
        double[] loss = values(m, MeasurementIds.OCTAVE_MONO_SUM_LOSS);
        for (int b = 0; b < loss.length; b++) {
            assertEquals(0, correlation[b], 1e-5, Bands.OCTAVE_NOMINAL_HZ[b] + " Hz");
            assertEquals(UNCORRELATED_LOSS_DB, loss[b], 1e-4, Bands.OCTAVE_NOMINAL_HZ[b] + " Hz");
        }
    }

    /**
     * Dual mono is transformed once per frame: its left and right spectra equal the mono file's to the bit, and a
     * right channel that differs in one sample is transformed on its own.
     */
    @Test
    void dualMonoReadsAsItsMonoOriginal() {
        int fs = 48_000;
        float[] x = TestSignals.pink(new SplittableRandom(5), fs * 3, 0.1);
        double[] mono = values(run(fs, new float[][]{x}, 4096), MeasurementIds.THIRD_OCTAVE_SPECTRUM);
        Map<String, Measurement> dual = run(fs, new float[][]{x, x}, 4096);
        assertArrayEquals(mono, values(dual, MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT), 0.0);
        assertArrayEquals(mono, values(dual, MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT), 0.0);
        assertArrayEquals(mono, values(dual, MeasurementIds.THIRD_OCTAVE_SPECTRUM), 0.0);
        float[] y = x.clone();
        y[fs] = 0.9f;
        double[] right = values(run(fs, new float[][]{x, y}, 4096), MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT);
        // The click's frames are transformed apart: their spectrum is not the mono one.
        assertFalse(Arrays.equals(mono, right));
    }

    @Test
    void resultsDoNotDependOnBlockSize() {
        int fs = 48_000;
        int frames = fs * 5 / 2 + 123;
        SplittableRandom random = new SplittableRandom(9);
        float[] l = TestSignals.pink(random, frames, 0.05);
        float[] r = TestSignals.pink(random, frames, 0.05);
        float[] tone = TestSignals.sine(fs, 440, frames, 0.3, 0);
        for (int i = 0; i < frames; i++) {
            r[i] += tone[i];
        }
        Map<String, Measurement> reference = run(fs, new float[][]{l, r}, frames);
        for (int block : new int[]{1, 2, 3, 7, 64, 1000, 4095, 4096, 4097, 10_000, 65_536}) {
            Map<String, Measurement> m = run(fs, new float[][]{l, r}, block);
            assertEquals(reference.keySet(), m.keySet());
            for (String id : reference.keySet()) {
                Measurement a = reference.get(id);
                Measurement b = m.get(id);
                if (a instanceof Spectrum sa) {
                    assertArrayEquals(sa.values(), ((Spectrum) b).values(), 0.0, id + ", block " + block);
                } else if (a instanceof Scalar sa) {
                    assertEquals(sa, b, id + ", block " + block);
                } else {
                    assertArrayEquals(((Series) a).values(), ((Series) b).values(), 0.0f, id + ", block " + block);
                }
            }
        }
    }

    @Test
    void bandsAboveNyquistHaveNoValue() {
        for (int fs : new int[]{8_000, 16_000, 32_000, 44_100}) {
            float[] x = TestSignals.white(new SplittableRandom(fs), fs * 2, 0.1);
            Map<String, Measurement> m = run(fs, new float[][]{x, x}, 4096);
            double[][] third = Bands.thirdOctaveEdges();
            double[] db = values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM);
            for (int i = 0; i < db.length; i++) {
                assertEquals(third[0][i] >= fs / 2.0, Double.isNaN(db[i]), fs + " Hz, band " + i);
            }
            double[][] octave = Bands.octaveEdges();
            double[] correlation = values(m, MeasurementIds.OCTAVE_CORRELATION);
            for (int i = 0; i < correlation.length; i++) {
                assertEquals(octave[0][i] >= fs / 2.0, Double.isNaN(correlation[i]), fs + " Hz, octave " + i);
            }
            double[] tonal = values(m, MeasurementIds.TONAL_BALANCE);
            for (int b = 0; b < tonal.length; b++) {
                boolean above = TonalBands.band(b).lowHz() >= fs / 2.0;
                assertEquals(above, Double.isNaN(tonal[b]), fs + " Hz, " + TonalBands.band(b).id());
                float[] s = series(m, TonalBands.band(b).id());
                assertEquals(20, s.length);
                assertEquals(above, Float.isNaN(s[5]));
            }
        }
    }

    @Test
    void whiteNoiseBandStraddlingNyquistHoldsThePartBelow() {
        int fs = 8_000;
        double sigma = 0.1;
        float[] x = TestSignals.white(new SplittableRandom(12), fs * 60, sigma);
        double[] db = values(run(fs, new float[][]{x}, 4096), MeasurementIds.THIRD_OCTAVE_SPECTRUM);
        double[][] edges = Bands.thirdOctaveEdges();
        for (int i = 0; i < db.length; i++) {
            if (edges[0][i] < fs / 2.0 && Bands.THIRD_OCTAVE_NOMINAL_HZ[i] >= 100) {
                // White noise: power in proportion to the bandwidth below Nyquist.
                double width = Math.min(edges[1][i], fs / 2.0) - edges[0][i];
                double expected = 10 * Math.log10(2 * sigma * sigma * width / (fs / 2.0));
                assertEquals(expected, db[i], 0.25, Bands.THIRD_OCTAVE_NOMINAL_HZ[i] + " Hz");
            }
        }
    }

    @Test
    void silenceAndEmptyStreamsHaveNoValues() {
        for (int frames : new int[]{0, 100, 48_000}) {
            Map<String, Measurement> m = run(48_000, new float[][]{new float[frames], new float[frames]}, 512);
            for (Measurement value : m.values()) {
                if (value instanceof Spectrum s) {
                    for (double v : s.values()) {
                        assertTrue(Double.isNaN(v));
                    }
                } else if (value instanceof Scalar s) {
                    assertEquals(MeasurementReasons.SILENT, s.reason());
                } else {
                    Series s = (Series) value;
                    assertEquals((frames + 4799) / 4800, s.size());
                    for (float v : s.values()) {
                        assertTrue(Float.isNaN(v));
                    }
                }
            }
        }
    }

    @Test
    void monoAndMultichannelFilesHaveAMidOnly() {
        int fs = 48_000;
        float[] x = TestSignals.sine(fs, 1000, fs * 2, 0.5, 0);
        for (int channels : new int[]{1, 3, 6}) {
            float[][] all = new float[channels][];
            Arrays.fill(all, x);
            Map<String, Measurement> m = run(fs, all, 4096);
            assertEquals(SINE_DB_PER_AMPLITUDE_HALF,
                    values(m, MeasurementIds.THIRD_OCTAVE_SPECTRUM)[thirdOctaveIndex(1000)],
                    0.05, channels + " channels");
            for (String id : new String[]{MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT,
                    MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT,
                    MeasurementIds.OCTAVE_CORRELATION, MeasurementIds.OCTAVE_MONO_SUM_LOSS}) {
                for (double v : values(m, id)) {
                    assertTrue(Double.isNaN(v), id + ", " + channels + " channels");
                }
            }
        }
    }

    @Test
    void processAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
                .getThreadMXBean();
        int fs = 48_000;
        float[][] block = {TestSignals.white(new SplittableRandom(1), 4096, 0.1),
                TestSignals.white(new SplittableRandom(2), 4096, 0.1)};
        Meter meter = meter(fs, 2, (long) fs * 600);
        for (int i = 0; i < 2000; i++) {
            meter.process(block, 4096); // warm up the JIT
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 2000; i++) {
            meter.process(block, 4096);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 1024, allocated + " bytes allocated in process()");
    }
}
