package io.mixbench.meter.standard.internal;

import static io.mixbench.meter.standard.internal.TestSignals.run;
import static io.mixbench.meter.standard.internal.TestSignals.scalar;
import static io.mixbench.meter.standard.internal.TestSignals.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.ChannelLayout;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.PerChannel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TruePeakMeterTest {

    /** Tech 3341 signals 15-19: a sine at fs / divisor with 10 ms fades in and out. */
    static float[] tech3341(int fs, int divisor, double amplitude, double phaseDegrees) {
        float[] x = TestSignals.sine(fs, (double) fs / divisor, amplitude, Math.toRadians(phaseDegrees), fs);
        return TestSignals.fade(x, fs / 100);
    }

    private static double truePeak(int fs, float[] x) {
        return value(run(new TruePeakMeter(fs, ChannelLayout.STEREO), x, x), MeasurementIds.TRUE_PEAK);
    }

    private static double samplePeakDb(float[] x) {
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        return 20 * Math.log10(peak);
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
        }
    }

    @Test
    void floatAboveFullScaleReadsAbove0dBTP() {
        double tp = truePeak(48_000, tech3341(48_000, 4, 1.41, 45));
        assertEquals(3.0, tp, 0.05);
    }

    @Test
    void oversamplingFollowsTheSampleRate() {
        assertEquals(4, new TruePeakMeter(44_100, ChannelLayout.MONO).oversampling());
        assertEquals(4, new TruePeakMeter(88_200, ChannelLayout.MONO).oversampling());
        assertEquals(2, new TruePeakMeter(96_000, ChannelLayout.MONO).oversampling());
        assertEquals(2, new TruePeakMeter(176_400, ChannelLayout.MONO).oversampling());
        assertEquals(1, new TruePeakMeter(192_000, ChannelLayout.MONO).oversampling());
        // fs/4 at 45 degrees: x2 lands exactly on the crests, x1 sees only the samples.
        assertEquals(-6.02, truePeak(96_000, tech3341(96_000, 4, 0.5, 45)), 0.01);
        assertEquals(-9.03, truePeak(192_000, tech3341(192_000, 4, 0.5, 45)), 0.01);
    }

    @Test
    void reportsTheLargerOfTruePeakAndSamplePeakPerChannel() {
        int fs = 48_000;
        float[] impulse = new float[fs];
        impulse[2400] = 0.5f;
        float[] quiet = TestSignals.scaled(tech3341(fs, 4, 0.5, 45), 0.5);
        Map<String, Measurement> m = run(new TruePeakMeter(fs, ChannelLayout.STEREO), impulse, quiet);
        PerChannel perChannel = (PerChannel) m.get(MeasurementIds.TRUE_PEAK_PER_CHANNEL);
        assertEquals("dBTP", perChannel.unit());
        // An impulse interpolates to at most its own height (sinc <= 1).
        assertEquals(-6.02, perChannel.values()[0], 0.001);
        assertEquals(-12.04, perChannel.values()[1], 0.05);
        assertEquals(-6.02, value(m, MeasurementIds.TRUE_PEAK), 0.001);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 1023, 1024, 1025, 65_536})
    void resultsDoNotDependOnTheBlockSize(int blockSize) {
        int fs = 44_100;
        float[] x = TestSignals.noise(3, 0.8, 100_000);
        float[] y = tech3341(fs, 6, 0.5, 60);
        Map<String, Measurement> reference = run(new TruePeakMeter(fs, ChannelLayout.STEREO), new float[][]{x,
                java.util.Arrays.copyOf(y, x.length)}, 4096);
        Map<String, Measurement> m = run(new TruePeakMeter(fs, ChannelLayout.STEREO), new float[][]{x,
                java.util.Arrays.copyOf(y, x.length)}, blockSize);
        assertEquals(reference.get(MeasurementIds.TRUE_PEAK), m.get(MeasurementIds.TRUE_PEAK));
    }

    @Test
    void anAbruptEndShowsItsOvershoot() {
        // A full-scale fs/4 sine at 45 degrees that stops dead: the last samples are +-0.707 but the reconstruction
        // rings above them.
        float[] x = TestSignals.sine(48_000, 12_000, 1.0, Math.PI / 4, 4800);
        double tp = truePeak(48_000, x);
        assertTrue(tp > -0.2, tp + " dBTP");
    }

    @Test
    void silenceAndNonFiniteInput() {
        Map<String, Measurement> m = run(new TruePeakMeter(48_000, ChannelLayout.MONO), new float[48_000]);
        assertEquals(Reasons.SILENT, scalar(m, MeasurementIds.TRUE_PEAK).reason());
        assertTrue(Double.isNaN(((PerChannel) m.get(MeasurementIds.TRUE_PEAK_PER_CHANNEL)).values()[0]));
        float[] x = tech3341(48_000, 4, 0.5, 0);
        x[100] = Float.NaN;
        m = run(new TruePeakMeter(48_000, ChannelLayout.MONO), x);
        assertEquals(Reasons.NON_FINITE, scalar(m, MeasurementIds.TRUE_PEAK).reason());
    }
}
