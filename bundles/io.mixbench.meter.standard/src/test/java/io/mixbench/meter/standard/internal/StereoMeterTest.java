package io.mixbench.meter.standard.internal;

import static io.mixbench.meter.standard.internal.TestSignals.run;
import static io.mixbench.meter.standard.internal.TestSignals.scalar;
import static io.mixbench.meter.standard.internal.TestSignals.tone;
import static io.mixbench.meter.standard.internal.TestSignals.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
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
        assertEquals(0, value(m, MeasurementIds.LOW_END_PAN), 1e-9);
        assertEquals(-100, value(m, MeasurementIds.LOW_END_SIDE));
        assertEquals(Units.DB, scalar(m, MeasurementIds.LOW_END_SIDE).unit());
        assertEquals(Units.PERCENT, scalar(m, PAN).unit());
    }

    @Test
    void hardLeft() {
        float[] x = music();
        Map<String, Measurement> m = stereo(x, new float[x.length]);
        assertEquals(-100, value(m, PAN), 1e-9);
        assertEquals(100, value(m, MeasurementIds.BALANCE));
        assertEquals(-100, value(m, MeasurementIds.LOW_END_PAN), 1e-9);
        // One channel only: mid and side carry the same energy.
        assertEquals(0, value(m, MeasurementIds.LOW_END_SIDE), 1e-9);
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
        assertEquals(50, value(m, MeasurementIds.LOW_END_PAN), 2);
        assertEquals(50, value(m, PAN), 2);
        // Balance: 20 log10(cos / sin) of 67.5 degrees.
        assertEquals(20 * Math.log10(Math.cos(theta) / Math.sin(theta)), value(m, MeasurementIds.BALANCE), 0.01);
    }

    @Test
    void lowEndPanIgnoresHighs() {
        // Bass centred, a 2 kHz part hard right: full-band pan leans right, low-end pan stays centred.
        float[] bass = tone(FS, 60, 4, -12);
        float[] lead = tone(FS, 2000, 4, -6);
        Map<String, Measurement> m = stereo(bass, TestSignals.sum(bass, lead));
        assertEquals(0, value(m, MeasurementIds.LOW_END_PAN), 1);
        assertTrue(value(m, MeasurementIds.LOW_END_SIDE) < -40);
        assertEquals(true, value(m, PAN) > 30);
    }

    @Test
    void antiPhaseLowEndIsAllSide() {
        float[] bass = tone(FS, 60, 2, -12);
        Map<String, Measurement> m = stereo(bass, TestSignals.scaled(bass, -1));
        assertEquals(100, value(m, MeasurementIds.LOW_END_SIDE));
        assertEquals(0, value(m, MeasurementIds.LOW_END_PAN), 1e-9);
    }

    @Test
    void monoIsCentred() {
        float[] x = music();
        Map<String, Measurement> m = run(new StereoMeter(FS, 1), x);
        assertEquals(0, value(m, PAN));
        assertEquals(0, value(m, MeasurementIds.BALANCE));
        assertEquals(0, value(m, MeasurementIds.LOW_END_PAN));
        assertFalse(scalar(m, MeasurementIds.LOW_END_SIDE).present());
        assertEquals(Reasons.MONO, scalar(m, MeasurementIds.LOW_END_SIDE).reason());
    }

    @Test
    void noLowEnd() {
        // Faded in and out: an abrupt start would itself put energy below 200 Hz (about -70 dBFS here).
        float[] hats = TestSignals.fade(tone(FS, 5000, 2, -6), FS / 100);
        Map<String, Measurement> m = stereo(hats, hats);
        assertEquals(Reasons.NO_LOW_END, scalar(m, MeasurementIds.LOW_END_PAN).reason());
        assertEquals(Reasons.NO_LOW_END, scalar(m, MeasurementIds.LOW_END_SIDE).reason());
        assertEquals(0, value(m, PAN), 1e-9);
    }

    @Test
    void otherChannelCountsAndSilence() {
        float[] x = music();
        Map<String, Measurement> m = run(new StereoMeter(FS, 3), x, x, x);
        for (String id : new String[]{MeasurementIds.BALANCE, PAN, MeasurementIds.LOW_END_PAN,
                MeasurementIds.LOW_END_SIDE}) {
            assertEquals(Reasons.NOT_STEREO, scalar(m, id).reason(), id);
        }
        float[] silence = new float[FS];
        m = stereo(silence, silence);
        assertEquals(Reasons.SILENT, scalar(m, MeasurementIds.BALANCE).reason());
        assertEquals(Reasons.SILENT, scalar(m, PAN).reason());
        assertEquals(Reasons.SILENT, scalar(m, MeasurementIds.LOW_END_PAN).reason());
        assertEquals(Reasons.SILENT, scalar(m, MeasurementIds.LOW_END_SIDE).reason());
    }

    @Test
    void worksAtOtherRates() {
        for (int fs : new int[]{8_000, 44_100, 192_000, 384_000}) {
            double theta = 1.5 * Math.PI / 4;
            float[] bass = tone(fs, 60, 2, -6);
            Map<String, Measurement> m = run(new StereoMeter(fs, 2), TestSignals.scaled(bass, Math.cos(theta)),
                    TestSignals.scaled(bass, Math.sin(theta)));
            assertEquals(50, value(m, MeasurementIds.LOW_END_PAN), 2, fs + " Hz");
        }
    }
}
