package io.mixbench.meter.standard.internal;

import static io.mixbench.meter.standard.internal.TestSignals.run;
import static io.mixbench.meter.standard.internal.TestSignals.scalar;
import static io.mixbench.meter.standard.internal.TestSignals.series;
import static io.mixbench.meter.standard.internal.TestSignals.tone;
import static io.mixbench.meter.standard.internal.TestSignals.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.MeasurementReasons;
import io.mixbench.meter.PerChannel;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LevelsMeterTest {

    private static final double NaN = Double.NaN;

    private static Map<String, Measurement> stereo(int fs, float[] x) {
        return run(new LevelsMeter(fs, ChannelLayout.STEREO, x.length), x, x);
    }

    private static Map<String, Measurement> mono(int fs, float[] x) {
        return run(new LevelsMeter(fs, ChannelLayout.MONO, x.length), x);
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void stereoSineReadsItsPeakLevel(int fs) {
        for (double level : new double[]{-23, -33}) {
            Map<String, Measurement> m = stereo(fs, tone(fs, 1000, 20, level));
            assertEquals(level, value(m, MeasurementIds.INTEGRATED_LOUDNESS), 0.1);
            assertEquals(level, value(m, MeasurementIds.MOMENTARY_MAX), 0.1);
            assertEquals(level, value(m, MeasurementIds.SHORT_TERM_MAX), 0.1);
            Series momentary = series(m, MeasurementIds.MOMENTARY_SERIES);
            assertEquals(200, momentary.size());
            assertEquals(level, momentary.get(100), 0.1);
            assertEquals(level, series(m, MeasurementIds.SHORT_TERM_SERIES).get(100), 0.1);
        }
    }

    /**
     * Below 8 kHz the K-weighting's shelf has no room under Nyquist (at 3 kHz it cannot be computed): a plug-in
     * decoder's file at such a rate is refused with the reason, not measured into "a missing value needs a reason".
     */
    @Test
    void ratesBelow8kHzAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LevelsMeter(3000,
                ChannelLayout.STEREO, -1));
        assertEquals("sample rate 3000 Hz is below the 8000 Hz that BS.1770's K-weighting (a shelf at 1.68 kHz) "
                + "needs", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LevelsMeter(1, ChannelLayout.MONO, -1));
        assertEquals(-26.0, value(mono(8000, tone(8000, 1000, 20, -23)), MeasurementIds.INTEGRATED_LOUDNESS), 0.1);
    }

    @Test
    void monoIsMeasuredAsOneChannel() {
        Map<String, Measurement> m = mono(48_000, tone(48_000, 1000, 20, -23));
        assertEquals(-26.01, value(m, MeasurementIds.INTEGRATED_LOUDNESS), 0.1);
        assertEquals("LUFS", scalar(m, MeasurementIds.INTEGRATED_LOUDNESS).unit());
    }

    /** EBU Tech 3341 cases 1-5 (integrated loudness, +-0.1 LU). */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void tech3341IntegratedCases(int fs) {
        double[][] cases = {{20, -23}, {20, -33}, {10, -36, 60, -23, 10, -36},
                {10, -72, 10, -36, 60, -23, 10, -36, 10, -72}, {20, -26, 20.1, -20, 20, -26}};
        for (double[] segments : cases) {
            double integrated = value(stereo(fs, tone(fs, 1000, segments)), MeasurementIds.INTEGRATED_LOUDNESS);
            assertEquals(-23 - (segments.length == 2 && segments[1] == -33 ? 10 : 0), integrated, 0.1,
                    java.util.Arrays.toString(segments));
        }
    }

    /** EBU Tech 3341 case 6: 5.0 (plus a silent LFE) with 1.41 surround weights. */
    @Test
    void tech3341SurroundCase() {
        int fs = 48_000;
        float[] front = tone(fs, 1000, 20, -28);
        float[] centre = tone(fs, 1000, 20, -24);
        float[] surround = tone(fs, 1000, 20, -30);
        float[] lfe = new float[front.length];
        Map<String, Measurement> m = run(new LevelsMeter(fs, ChannelLayout.SURROUND_5_1, -1), front, front, centre,
                lfe, surround, surround);
        assertEquals(-23, value(m, MeasurementIds.INTEGRATED_LOUDNESS), 0.1);
    }

    /** Tech 3341 case 13: i x 20 ms silence, 400 ms at -23 dBFS, 1 s silence; max momentary -23 +-0.1. */
    @Test
    void maxMomentaryOnA10msGrid() {
        for (int i = 0; i < 20; i++) {
            double max = value(stereo(48_000, tone(48_000, 1000, i * 0.02, NaN, 0.4, -23, 1, NaN)),
                    MeasurementIds.MOMENTARY_MAX);
            assertEquals(-23, max, 0.1, "file " + (i + 1));
        }
    }

    /** Tech 3341 case 10: i x 150 ms silence, 3 s at -23 dBFS, 1 s silence; max short-term -23 +-0.1. */
    @Test
    void maxShortTerm() {
        for (int i = 0; i < 20; i++) {
            double max = value(stereo(48_000, tone(48_000, 1000, i * 0.15, NaN, 3, -23, 1, NaN)),
                    MeasurementIds.SHORT_TERM_MAX);
            assertEquals(-23, max, 0.1, "file " + (i + 1));
        }
        // The same at 44.1 kHz, where 10 ms is 441 samples.
        double max = value(stereo(44_100, tone(44_100, 1000, 0.15, NaN, 3, -23, 1, NaN)),
                MeasurementIds.SHORT_TERM_MAX);
        assertEquals(-23, max, 0.1);
    }

    @Test
    void aes17RmsAndCrestFactor() {
        Map<String, Measurement> m = mono(48_000, TestSignals.sine(48_000, 1000, 1.0, 0, 48_000));
        assertEquals(0.0, value(m, MeasurementIds.SAMPLE_PEAK), 1e-6);
        assertEquals(0.0, value(m, MeasurementIds.RMS), 0.001);
        assertEquals(3.0103, value(m, MeasurementIds.CREST_FACTOR), 0.001);
        assertEquals("dBFS", scalar(m, MeasurementIds.RMS).unit());
        // A -18 dBFS alignment sine reads -18 dBFS RMS.
        m = stereo(48_000, tone(48_000, 1000, 2, -18));
        assertEquals(-18, value(m, MeasurementIds.RMS), 0.001);
    }

    @Test
    void peaksPerChannel() {
        int fs = 48_000;
        float[] left = tone(fs, 1000, 1, -6);
        float[] right = tone(fs, 1000, 1, -12);
        Map<String, Measurement> m = run(new LevelsMeter(fs, ChannelLayout.STEREO, -1), left, right);
        assertEquals(-6, value(m, MeasurementIds.SAMPLE_PEAK), 0.001);
        PerChannel perChannel = (PerChannel) m.get(MeasurementIds.SAMPLE_PEAK_PER_CHANNEL);
        assertEquals(List.of("LEFT", "RIGHT"), perChannel.channels());
        assertEquals(-6, perChannel.values()[0], 0.001);
        assertEquals(-12, perChannel.values()[1], 0.001);
        // RMS over both channels: mean of the two powers.
        double expected = 10 * Math.log10((Math.pow(10, -0.6) + Math.pow(10, -1.2)) / 2);
        assertEquals(expected, value(m, MeasurementIds.RMS), 0.001);
    }

    @Test
    void seriesAreAlignedToTheirSteps() {
        int fs = 48_000;
        // 1 s silence, 0.5 s at -10 dBFS, then 0.25 s silence: 17.5 steps -> 18 values.
        float[] x = tone(fs, 1000, 1, NaN, 0.5, -10, 0.25, NaN);
        Map<String, Measurement> m = stereo(fs, x);
        Series peaks = series(m, MeasurementIds.PEAK_SERIES);
        Series rms = series(m, MeasurementIds.RMS_SERIES);
        assertEquals(18, peaks.size());
        assertEquals(18, rms.size());
        assertEquals(18, series(m, MeasurementIds.MOMENTARY_SERIES).size());
        assertEquals(18, series(m, MeasurementIds.SHORT_TERM_SERIES).size());
        assertEquals(0.1, peaks.stepSeconds());
        assertTrue(Float.isNaN(peaks.get(9)));
        assertEquals(-10, peaks.get(10), 0.01);
        assertEquals(-10, peaks.get(14), 0.01);
        assertTrue(Float.isNaN(peaks.get(15)));
        assertEquals(-10, rms.get(12), 0.01);
        assertTrue(Float.isNaN(rms.get(9)));
        // Momentary window ending at 1.4 s is full of tone: -10 dBFS stereo reads about -10 LUFS.
        assertEquals(-10, series(m, MeasurementIds.MOMENTARY_SERIES).get(13), 0.1);
        // Window ending at 1.1 s: 100 ms of tone in 400 ms, about -6 LU.
        assertEquals(-10 - 6.02, series(m, MeasurementIds.MOMENTARY_SERIES).get(10), 0.2);
        // Final partial step (1.7 .. 1.75 s) has a value: its momentary window ends at the file's end.
        assertFalse(Float.isNaN(series(m, MeasurementIds.MOMENTARY_SERIES).get(17)));
    }

    @Test
    void finalPartialStepGetsAValue() {
        int fs = 44_100;
        float[] x = tone(fs, 1000, 1.234, -20);
        Map<String, Measurement> m = stereo(fs, x);
        Series peaks = series(m, MeasurementIds.PEAK_SERIES);
        assertEquals(13, peaks.size());
        assertEquals(-20, peaks.get(12), 0.01);
        assertEquals(-20, series(m, MeasurementIds.RMS_SERIES).get(12), 0.05);
        assertEquals(-20, series(m, MeasurementIds.MOMENTARY_SERIES).get(12), 0.1);
        assertEquals(1, series(m, MeasurementIds.ACTIVITY).get(12));
    }

    /** Drum-like hits: every 100 ms burst is a hit at its peak; the quiet steps between never come near them. */
    @Test
    void hitPeaksAreTheBurstsOfThePeakSeries() {
        int fs = 48_000;
        float[] x = tone(fs, 1000, 0.1, -6, 0.4, -30, 0.1, -3, 0.4, -30, 0.1, -6, 0.4, -30, 0.1, -9, 0.4, -30);
        Map<String, Measurement> m = stereo(fs, x);
        Series hits = series(m, MeasurementIds.HIT_PEAK_SERIES);
        Series peaks = series(m, MeasurementIds.PEAK_SERIES);
        assertEquals(peaks.size(), hits.size());
        assertEquals(io.mixbench.meter.Units.DBFS, hits.unit());
        double[] expected = {-6, -3, -6, -9};
        for (int h = 0; h < expected.length; h++) {
            assertEquals(expected[h], hits.get(5 * h), 0.01, "hit " + h);
        }
        int loud = 0;
        for (int i = 0; i < hits.size(); i++) {
            loud += hits.get(i) > -20 ? 1 : 0;
        }
        assertEquals(expected.length, loud);
        assertArrayEquals(io.mixbench.meter.HitPeaks.of(peaks, series(m, MeasurementIds.ACTIVITY)).values(),
                hits.values());
    }

    /** A quiet verse and a louder chorus: two sections, the boundary where the level changes, each at its level. */
    @Test
    void sectionsFollowTheShortTermLoudness() {
        int fs = 48_000;
        Map<String, Measurement> m = stereo(fs, tone(fs, 1000, 10, -30, 10, -18));
        Series sections = series(m, MeasurementIds.SECTION_LOUDNESS_SERIES);
        Series shortTerm = series(m, MeasurementIds.SHORT_TERM_SERIES);
        assertEquals(shortTerm.size(), sections.size());
        assertEquals(io.mixbench.meter.Units.LUFS, sections.unit());
        assertEquals(-30, sections.get(40), 0.2);
        assertEquals(-18, sections.get(180), 0.2);
        int boundary = -1;
        for (int i = 1; i < sections.size(); i++) {
            if (sections.get(i) != sections.get(i - 1)) {
                assertEquals(-1, boundary, "one boundary");
                boundary = i;
            }
        }
        assertEquals(100, boundary, 5, "where the music changed, at 10 s");
    }

    @Test
    void activityFollowsBursts() {
        int fs = 48_000;
        // Four bursts: 2 s on, 3 s off.
        float[] x = tone(fs, 1000, 2, -20, 3, NaN, 2, -20, 3, NaN, 2, -20, 3, NaN, 2, -20, 3, NaN);
        Map<String, Measurement> m = stereo(fs, x);
        Series activity = series(m, MeasurementIds.ACTIVITY);
        assertEquals("flag", activity.unit());
        assertEquals(200, activity.size());
        int mismatches = 0;
        for (int i = 0; i < 200; i++) {
            boolean expected = i % 50 < 20;
            float flag = activity.get(i);
            assertTrue(flag == 0f || flag == 1f);
            if ((flag == 1f) != expected) {
                mismatches++;
                // Edges may be off by one step (100 ms), nothing more.
                boolean nearEdge = i % 50 == 0 || i % 50 == 19 || i % 50 == 20 || i % 50 == 49;
                assertTrue(nearEdge, "step " + i + " is " + flag);
            }
        }
        assertTrue(mismatches <= 8, mismatches + " edge steps off");
        assertEquals(40, value(m, MeasurementIds.ACTIVE_SHARE), 2);
        assertEquals(-20, value(m, MeasurementIds.RMS_ACTIVE), 0.1);
        assertEquals(-20 + 10 * Math.log10(0.4), value(m, MeasurementIds.RMS), 0.01);
    }

    @Test
    void activityIgnoresPartsFarBelowTheLoudest() {
        int fs = 48_000;
        // -20 dBFS for 2 s, then 2 s at -60 dBFS (40 LU below): not active.
        float[] x = tone(fs, 1000, 2, -20, 2, -60);
        Series activity = series(stereo(fs, x), MeasurementIds.ACTIVITY);
        assertEquals(1, activity.get(10));
        assertEquals(0, activity.get(30));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 480, 4096, 65_536})
    void resultsDoNotDependOnTheBlockSize(int blockSize) {
        int fs = 44_100;
        float[] left = TestSignals.sum(TestSignals.noise(1, 0.3, 3 * fs + 123), tone(fs, 60, 3, -12, 123.0 / fs, -12));
        float[] right = TestSignals.noise(2, 0.1, left.length);
        Map<String, Measurement> reference = run(new LevelsMeter(fs, ChannelLayout.STEREO, -1), new float[][]{left,
                right}, 1000);
        Map<String, Measurement> m = run(new LevelsMeter(fs, ChannelLayout.STEREO, -1), new float[][]{left, right},
                blockSize);
        TestSignals.assertSameMeasurements(reference, m);
        assertTrue(scalar(m, MeasurementIds.INTEGRATED_LOUDNESS).present());
    }

    @Test
    void silenceIsAbsentWithAReason() {
        Map<String, Measurement> m = stereo(48_000, new float[96_000]);
        for (String id : List.of(MeasurementIds.SAMPLE_PEAK, MeasurementIds.RMS, MeasurementIds.CREST_FACTOR,
                MeasurementIds.INTEGRATED_LOUDNESS, MeasurementIds.MOMENTARY_MAX, MeasurementIds.SHORT_TERM_MAX,
                MeasurementIds.RMS_ACTIVE)) {
            Scalar s = scalar(m, id);
            assertFalse(s.present(), id);
            assertEquals(MeasurementReasons.SILENT, s.reason(), id);
        }
        assertEquals(0, value(m, MeasurementIds.ACTIVE_SHARE));
        for (String id : List.of(MeasurementIds.MOMENTARY_SERIES, MeasurementIds.SHORT_TERM_SERIES,
                MeasurementIds.PEAK_SERIES, MeasurementIds.RMS_SERIES)) {
            Series s = series(m, id);
            assertEquals(20, s.size());
            for (float v : s.values()) {
                assertTrue(Float.isNaN(v), id);
            }
        }
        assertTrue(Double.isNaN(((PerChannel) m.get(MeasurementIds.SAMPLE_PEAK_PER_CHANNEL)).values()[0]));
    }

    @Test
    void emptyFile() {
        Map<String, Measurement> m = run(new LevelsMeter(48_000, ChannelLayout.STEREO, 0), new float[0], new float[0]);
        assertEquals(MeasurementReasons.SILENT, scalar(m, MeasurementIds.INTEGRATED_LOUDNESS).reason());
        assertEquals(0, series(m, MeasurementIds.PEAK_SERIES).size());
    }

    @Test
    void shortAndQuietFiles() {
        Map<String, Measurement> m = stereo(48_000, tone(48_000, 1000, 0.3, -20));
        assertEquals(MeasurementReasons.TOO_SHORT, scalar(m, MeasurementIds.INTEGRATED_LOUDNESS).reason());
        // 300 ms of tone in a 400 ms window: 1.25 dB below the tone.
        assertEquals(-20 + 10 * Math.log10(0.75), value(m, MeasurementIds.MOMENTARY_MAX), 0.1);
        assertEquals(-20, value(m, MeasurementIds.SAMPLE_PEAK), 0.01);

        m = stereo(48_000, tone(48_000, 1000, 2, -80));
        assertEquals(MeasurementReasons.BELOW_GATE, scalar(m, MeasurementIds.INTEGRATED_LOUDNESS).reason());
        assertEquals(-80, value(m, MeasurementIds.MOMENTARY_MAX), 0.1);
    }

    @Test
    void lfeOnlyHasNoLoudness() {
        float[] x = tone(48_000, 50, 1, -20);
        Map<String, Measurement> m = run(new LevelsMeter(48_000, new ChannelLayout(List.of(Channel.LFE)), -1), x);
        assertEquals(MeasurementReasons.NO_WEIGHTED_CHANNELS, scalar(m, MeasurementIds.INTEGRATED_LOUDNESS).reason());
        assertEquals(-20, value(m, MeasurementIds.SAMPLE_PEAK), 0.01);
    }

    @Test
    void nonFiniteSamplesAreNotReportedAsNumbers() {
        float[] x = tone(48_000, 1000, 1, -20);
        x[1000] = Float.NaN;
        Map<String, Measurement> m = mono(48_000, x);
        assertEquals(MeasurementReasons.NON_FINITE, scalar(m, MeasurementIds.SAMPLE_PEAK).reason());
        assertEquals(MeasurementReasons.NON_FINITE, scalar(m, MeasurementIds.INTEGRATED_LOUDNESS).reason());
        x[1000] = Float.POSITIVE_INFINITY;
        m = mono(48_000, x);
        assertEquals(MeasurementReasons.NON_FINITE, scalar(m, MeasurementIds.RMS).reason());
    }

    @Test
    void longSilenceAfterSoundStaysFastAndExact() {
        // A tone then a minute of digital silence: filter tails are flushed, the tail reads as silence.
        int fs = 48_000;
        float[] x = tone(fs, 1000, 1, -20, 60, NaN);
        Series momentary = series(stereo(fs, x), MeasurementIds.MOMENTARY_SERIES);
        assertTrue(Float.isNaN(momentary.get(momentary.size() - 1)), "silence after the tail decayed");
    }
}
