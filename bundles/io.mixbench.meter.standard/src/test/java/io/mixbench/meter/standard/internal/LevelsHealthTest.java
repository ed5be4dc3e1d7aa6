package io.mixbench.meter.standard.internal;

import static io.mixbench.meter.standard.internal.TestSignals.run;
import static io.mixbench.meter.standard.internal.TestSignals.scalar;
import static io.mixbench.meter.standard.internal.TestSignals.tone;
import static io.mixbench.meter.standard.internal.TestSignals.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.MeasurementReasons;
import io.mixbench.meter.PerChannel;
import io.mixbench.meter.Units;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PLR, PSR, the 300 ms RMS maximum, DC offset, clipped runs and samples above full scale. */
class LevelsHealthTest {

    private static final int FS = 48_000;
    private static final double NaN = Double.NaN;

    private static Map<String, Measurement> stereo(float[] x) {
        return run(new LevelsMeter(FS, ChannelLayout.STEREO, x.length), x, x);
    }

    @Test
    void plrAndPsrOfASteadySine() {
        // In-phase stereo sine: true peak X dBTP, loudness X LUFS, so both ratios are 0.
        Map<String, Measurement> m = stereo(tone(FS, 1000, 10, -20));
        assertEquals(0, value(m, MeasurementIds.PLR), 0.05);
        assertEquals(0, value(m, MeasurementIds.PSR_MEDIAN), 0.05);
        assertEquals(Units.LU, scalar(m, MeasurementIds.PLR).unit());
        assertEquals(Units.LU, scalar(m, MeasurementIds.PSR_MEDIAN).unit());
    }

    /**
     * A 10 ms burst 20 dB above a steady tone: PLR sees it (true peak of the file), the median PSR does not (most 3 s
     * windows do not contain it).
     */
    @Test
    void psrIsTheMedianOverWindows() {
        float[] x = tone(FS, 1000, 10, -30, 0.01, -10, 9.99, -30);
        Map<String, Measurement> m = stereo(x);
        double integrated = value(m, MeasurementIds.INTEGRATED_LOUDNESS);
        assertEquals(-10 - integrated, value(m, MeasurementIds.PLR), 0.05);
        assertTrue(value(m, MeasurementIds.PLR) > 19);
        assertEquals(0, value(m, MeasurementIds.PSR_MEDIAN), 0.05);
        // Burst in every window: 200 ms bursts every 2 s, so the median window holds one.
        float[] frequent = tone(FS, 1000, 1.8, -30, 0.2, -10, 1.8, -30, 0.2, -10, 1.8, -30, 0.2, -10, 1.8, -30, 0.2,
                -10, 1.8, -30, 0.2, -10);
        m = stereo(frequent);
        double psr = value(m, MeasurementIds.PSR_MEDIAN);
        assertTrue(psr > 10 && psr < 20, "psr " + psr);
    }

    @Test
    void plrAndPsrWithoutLoudness() {
        Map<String, Measurement> m = stereo(tone(FS, 1000, 2, -20));
        assertEquals(MeasurementReasons.SHORTER_THAN_SHORT_TERM, scalar(m, MeasurementIds.PSR_MEDIAN).reason());
        assertTrue(scalar(m, MeasurementIds.PLR).present());
        m = stereo(new float[FS]);
        assertEquals(MeasurementReasons.SILENT, scalar(m, MeasurementIds.PLR).reason());
        assertEquals(MeasurementReasons.SILENT, scalar(m, MeasurementIds.PSR_MEDIAN).reason());
    }

    @Test
    void rmsMaximumOver300ms() {
        Map<String, Measurement> m = stereo(tone(FS, 1000, 1, -30, 0.5, -10, 1, -30));
        assertEquals(-10, value(m, MeasurementIds.RMS_MAX_300MS), 0.01);
        assertEquals(Units.DBFS, scalar(m, MeasurementIds.RMS_MAX_300MS).unit());
        // A 200 ms burst fills two thirds of the best window: 10 log10(2/3) below, plus the -30 dB rest.
        m = stereo(tone(FS, 1000, 1, NaN, 0.2, -10, 1, NaN));
        assertEquals(-10 + 10 * Math.log10(2.0 / 3), value(m, MeasurementIds.RMS_MAX_300MS), 0.05);
        assertEquals(MeasurementReasons.SHORTER_THAN_RMS_WINDOW,
                scalar(stereo(tone(FS, 1000, 0.25, -10)), MeasurementIds.RMS_MAX_300MS).reason());
    }

    @Test
    void dcOffsetInPercentOfFullScale() {
        float[] sine = tone(FS, 1000, 1, -6);
        float[] left = new float[sine.length];
        float[] right = new float[sine.length];
        for (int i = 0; i < sine.length; i++) {
            left[i] = sine[i] + 0.01f;
            right[i] = sine[i] - 0.02f;
        }
        Map<String, Measurement> m = run(new LevelsMeter(FS, ChannelLayout.STEREO, -1), left, right);
        PerChannel dc = (PerChannel) m.get(MeasurementIds.DC_OFFSET_PER_CHANNEL);
        assertEquals(Units.PERCENT, dc.unit());
        assertArrayEquals(new double[]{1, -2}, dc.values(), 1e-4);
        assertEquals(-2, value(m, MeasurementIds.DC_OFFSET), 1e-4);
        assertEquals(0, value(stereo(sine), MeasurementIds.DC_OFFSET), 1e-4);
        assertEquals(0, value(stereo(new float[100]), MeasurementIds.DC_OFFSET));
    }

    private static Map<String, Measurement> pcm(int bits, SampleEncoding encoding, float[] x) {
        return run(new LevelsMeter(FS, ChannelLayout.MONO, x.length, bits, encoding), x);
    }

    /** 16-bit: a 1.5x overdriven sine clipped to the top and bottom codes gives one run per half period. */
    @Test
    void clippedRunsOfIntegerPcm() {
        float top = 32767f / 32768f;
        float[] x = TestSignals.sine(FS, 100, 1.5, 0, FS);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(-1f, Math.min(top, x[i]));
        }
        Map<String, Measurement> m = pcm(16, SampleEncoding.PCM_INTEGER, x);
        assertEquals(200, value(m, MeasurementIds.CLIPPED_RUNS));
        assertEquals(Units.COUNT, scalar(m, MeasurementIds.CLIPPED_RUNS).unit());
        assertEquals(0, value(m, MeasurementIds.OVER_FULL_SCALE_SAMPLES));
        // One LSB below the top still counts; two samples do not make a run; alternating signs are no run.
        float[] y = new float[1000];
        y[10] = y[11] = y[12] = top - 1f / 32768;
        y[100] = y[101] = 1f;
        y[200] = -1f;
        y[201] = top;
        y[202] = -1f;
        assertEquals(1, value(pcm(16, SampleEncoding.PCM_INTEGER, y), MeasurementIds.CLIPPED_RUNS));
        // At 24 bits the same samples are far below the top code: no clipping.
        assertEquals(0, value(pcm(24, SampleEncoding.PCM_INTEGER, TestSignals.scaled(y, 0.999)),
                MeasurementIds.CLIPPED_RUNS));
    }

    /** Float: runs at exactly full scale are clipping; samples above it are counted apart, never as clipping. */
    @Test
    void floatAboveFullScaleIsNotClipping() {
        float[] x = new float[1000];
        x[10] = x[11] = x[12] = x[13] = 1f;
        x[100] = x[101] = x[102] = 1.5f;
        x[200] = -2f;
        Map<String, Measurement> m = pcm(32, SampleEncoding.PCM_FLOAT, x);
        assertEquals(1, value(m, MeasurementIds.CLIPPED_RUNS));
        assertEquals(4, value(m, MeasurementIds.OVER_FULL_SCALE_SAMPLES));
        assertTrue(value(m, MeasurementIds.TRUE_PEAK) > 6);
    }

    @Test
    void countsSurviveAnyBlockSize() {
        float top = 32767f / 32768f;
        float[] x = TestSignals.sine(FS, 60, 1.3, 0, FS);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(-1f, Math.min(top, x[i]));
        }
        double expected = value(pcm(16, SampleEncoding.PCM_INTEGER, x), MeasurementIds.CLIPPED_RUNS);
        assertEquals(120, expected);
        for (int block : new int[]{1, 2, 3, 7, 1000}) {
            LevelsMeter meter = new LevelsMeter(FS, ChannelLayout.MONO, x.length, 16, SampleEncoding.PCM_INTEGER);
            assertEquals(expected, value(run(meter, new float[][]{x}, block), MeasurementIds.CLIPPED_RUNS));
        }
    }

    @Test
    void brokenInputHasNoCounts() {
        float[] x = tone(FS, 1000, 1, -20);
        x[5] = Float.NaN;
        Map<String, Measurement> m = pcm(16, SampleEncoding.PCM_INTEGER, x);
        assertFalse(scalar(m, MeasurementIds.CLIPPED_RUNS).present());
        assertFalse(scalar(m, MeasurementIds.DC_OFFSET).present());
        assertFalse(scalar(m, MeasurementIds.RMS_MAX_300MS).present());
        assertEquals(MeasurementReasons.NON_FINITE, scalar(m, MeasurementIds.PLR).reason());
    }
}
