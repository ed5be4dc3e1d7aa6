package io.mixbench.meter.standard.internal;

import static io.mixbench.meter.standard.internal.TestSignals.run;
import static io.mixbench.meter.standard.internal.TestSignals.scalar;
import static io.mixbench.meter.standard.internal.TestSignals.tone;
import static io.mixbench.meter.standard.internal.TestSignals.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.MeasurementReasons;
import io.mixbench.meter.Series;
import io.mixbench.meter.Units;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StereoMeterTest {

    private static final int FS = 48_000;
    private static final String PAN = MeasurementIds.PAN;

    /** A 60 Hz + 1 kHz mix, 2 s. */
    private static float[] music() {
        return TestSignals.sum(tone(FS, 60, 2, -12), tone(FS, 1000, 2, -18));
    }

    private static Map<String, Measurement> stereo(float[] left, float[] right) {
        return run(new StereoMeter(FS, 2), left, right);
    }

    @Test
    void identicalChannelsAreCentred() {
        float[] x = music();
        Map<String, Measurement> m = stereo(x, x);
        assertEquals(0, value(m, MeasurementIds.BALANCE), 1e-9);
        assertEquals(0, value(m, PAN), 1e-9);
        assertEquals(Units.PERCENT, scalar(m, PAN).unit());
    }

    @Test
    void hardLeft() {
        float[] x = music();
        Map<String, Measurement> m = stereo(x, new float[x.length]);
        assertEquals(-100, value(m, PAN), 1e-9);
        assertEquals(100, value(m, MeasurementIds.BALANCE));
        m = stereo(new float[x.length], x);
        assertEquals(100, value(m, PAN), 1e-9);
        assertEquals(-100, value(m, MeasurementIds.BALANCE));
    }

    @Test
    void constantPowerPanTo50PercentRight() {
        // -3 dB law: L = cos(theta), R = sin(theta), theta = (pan + 1) pi / 4.
        double theta = 1.5 * Math.PI / 4;
        float[] bass = tone(FS, 60, 4, -6);
        float[] left = TestSignals.scaled(bass, Math.cos(theta));
        float[] right = TestSignals.scaled(bass, Math.sin(theta));
        Map<String, Measurement> m = stereo(left, right);
        assertEquals(50, value(m, PAN), 2);
        // Balance: 20 log10(cos / sin) of 67.5 degrees.
        assertEquals(20 * Math.log10(Math.cos(theta) / Math.sin(theta)), value(m, MeasurementIds.BALANCE), 0.01);
    }

    @Test
    void monoIsCentred() {
        float[] x = music();
        Map<String, Measurement> m = run(new StereoMeter(FS, 1), x);
        assertEquals(0, value(m, PAN));
        assertEquals(0, value(m, MeasurementIds.BALANCE));
    }

    @Test
    void otherChannelCountsAndSilence() {
        float[] x = music();
        Map<String, Measurement> m = run(new StereoMeter(FS, 3), x, x, x);
        for (String id : new String[]{MeasurementIds.BALANCE, PAN}) {
            assertEquals(MeasurementReasons.NOT_STEREO, scalar(m, id).reason(), id);
        }
        float[] silence = new float[FS];
        m = stereo(silence, silence);
        assertEquals(MeasurementReasons.SILENT, scalar(m, MeasurementIds.BALANCE).reason());
        assertEquals(MeasurementReasons.SILENT, scalar(m, PAN).reason());
    }

    // ---- correlation, width, mono-sum loss (BRIEF section 4)

    @Test
    void identicalChannelsCorrelateAndLoseNothingInMono() {
        float[] x = TestSignals.gaussian(1, 0.1, 2 * FS);
        Map<String, Measurement> m = stereo(x, x);
        assertEquals(1, value(m, MeasurementIds.CORRELATION), 1e-9);
        assertEquals(0, value(m, MeasurementIds.MONO_SUM_LOSS), 1e-9);
        assertEquals(-100, value(m, MeasurementIds.WIDTH));
        assertEquals(Units.RATIO, scalar(m, MeasurementIds.CORRELATION).unit());
        assertEquals(Units.DB, scalar(m, MeasurementIds.MONO_SUM_LOSS).unit());
    }

    @Test
    void antiPhaseVanishesInMono() {
        float[] x = TestSignals.gaussian(1, 0.1, 2 * FS);
        Map<String, Measurement> m = stereo(x, TestSignals.scaled(x, -1));
        assertEquals(-1, value(m, MeasurementIds.CORRELATION), 1e-9);
        assertEquals(-100, value(m, MeasurementIds.MONO_SUM_LOSS));
        assertEquals(100, value(m, MeasurementIds.WIDTH));
    }

    @Test
    void uncorrelatedNoiseLosesThreeDecibels() {
        for (long seed = 1; seed <= 3; seed++) {
            Map<String, Measurement> m = stereo(TestSignals.gaussian(seed, 0.1, 4 * FS),
                    TestSignals.gaussian(seed + 100, 0.1, 4 * FS));
            assertEquals(-3.0, value(m, MeasurementIds.MONO_SUM_LOSS), 0.1);
            assertEquals(0, value(m, MeasurementIds.CORRELATION), 0.02);
            assertEquals(0, value(m, MeasurementIds.WIDTH), 0.1);
        }
    }

    @Test
    void hardPannedLosesThreeDecibelsAndHasNoCorrelation() {
        float[] x = music();
        Map<String, Measurement> m = stereo(x, new float[x.length]);
        assertEquals(10 * Math.log10(0.5), value(m, MeasurementIds.MONO_SUM_LOSS), 1e-6);
        assertEquals(MeasurementReasons.ONE_SIDE_SILENT, scalar(m, MeasurementIds.CORRELATION).reason());
        assertEquals(0, value(m, MeasurementIds.WIDTH), 1e-9);
    }

    /** Sources panned with the constant-power law read their pan angle within 2 degrees (pan % x 0.45 = degrees). */
    @Test
    void knownPanWithinTwoDegrees() {
        float[][] sources = {TestSignals.gaussian(5, 0.2, 2 * FS), TestSignals.music(FS, 2, 3)[0], music()};
        for (float[] source : sources) {
            for (int degrees = -45; degrees <= 45; degrees += 5) {
                double theta = Math.toRadians(degrees + 45);
                Map<String, Measurement> m = stereo(TestSignals.scaled(source, Math.cos(theta)),
                        TestSignals.scaled(source, Math.sin(theta)));
                assertEquals(degrees, value(m, PAN) * 0.45, 2, degrees + " degrees");
            }
        }
    }

    @Test
    void correlationSeriesFollowsThePhase() {
        float[] x = TestSignals.gaussian(9, 0.1, 3 * FS);
        float[] right = x.clone();
        for (int i = FS; i < 2 * FS; i++) {
            right[i] = -x[i];
        }
        for (int i = 2 * FS; i < 3 * FS; i++) {
            x[i] = 0;
            right[i] = 0;
        }
        Series series = (Series) stereo(x, right).get(MeasurementIds.CORRELATION_SERIES);
        assertEquals(30, series.size());
        assertEquals(0.1, series.stepSeconds());
        for (int i = 0; i < 30; i++) {
            if (i < 10) {
                assertEquals(1, series.get(i), 1e-6);
            } else if (i < 20) {
                assertEquals(-1, series.get(i), 1e-6);
            } else {
                assertTrue(Float.isNaN(series.get(i)), "silent step " + i);
            }
        }
    }

    @Test
    void monoAndMultichannelStereoValues() {
        float[] x = music();
        Map<String, Measurement> m = run(new StereoMeter(FS, 1), x);
        assertEquals(1, value(m, MeasurementIds.CORRELATION));
        assertEquals(0, value(m, MeasurementIds.MONO_SUM_LOSS));
        assertEquals(MeasurementReasons.MONO, scalar(m, MeasurementIds.WIDTH).reason());
        assertEquals(1, ((Series) m.get(MeasurementIds.CORRELATION_SERIES)).get(5), 1e-6);
        m = run(new StereoMeter(FS, 3), x, x, x);
        assertEquals(MeasurementReasons.NOT_STEREO, scalar(m, MeasurementIds.CORRELATION).reason());
        Series series = (Series) m.get(MeasurementIds.CORRELATION_SERIES);
        assertEquals(20, series.size());
        assertTrue(Float.isNaN(series.get(0)));
    }
}
