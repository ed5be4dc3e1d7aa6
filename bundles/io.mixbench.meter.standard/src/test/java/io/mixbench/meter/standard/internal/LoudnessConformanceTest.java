package io.mixbench.meter.standard.internal;

import static io.mixbench.meter.standard.internal.TestSignals.run;
import static io.mixbench.meter.standard.internal.TestSignals.scalar;
import static io.mixbench.meter.standard.internal.TestSignals.series;
import static io.mixbench.meter.standard.internal.TestSignals.tone;
import static io.mixbench.meter.standard.internal.TestSignals.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.MeasurementReasons;
import io.mixbench.meter.Series;
import io.mixbench.meter.Units;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EBU Tech 3341 minimum requirements (cases 1-6 and 9-14; 15-23 are in {@link TruePeakTest}) and EBU Tech 3342
 * loudness range cases 1-4, synthesised from the tables of the standards: 1 kHz, the same signal in L and R, levels
 * as per-channel peak dBFS. Tolerances as the standards: +-0.1 LU for M, S and I, +-1 LU for LRA.
 */
class LoudnessConformanceTest {

    private static final int FS = 48_000;
    private static final double NaN = Double.NaN;

    private static Map<String, Measurement> stereo(int fs, float[] x) {
        return run(new LevelsMeter(fs, ChannelLayout.STEREO, x.length), x, x);
    }

    /** Cases 1 and 2: M, S and I read the level; M constant after 1 s and S after 3 s (10 Hz series). */
    @ParameterizedTest
    @CsvSource({"-23", "-33"})
    void cases1And2(double level) {
        Map<String, Measurement> m = stereo(FS, tone(FS, 1000, 20, level));
        assertEquals(level, value(m, MeasurementIds.INTEGRATED_LOUDNESS), 0.1);
        Series momentary = series(m, MeasurementIds.MOMENTARY_SERIES);
        Series shortTerm = series(m, MeasurementIds.SHORT_TERM_SERIES);
        for (int i = 10; i < momentary.size(); i++) {
            assertEquals(level, momentary.get(i), 0.1, "M at step " + i);
        }
        for (int i = 30; i < shortTerm.size(); i++) {
            assertEquals(level, shortTerm.get(i), 0.1, "S at step " + i);
        }
    }

    /** Cases 3-5: the gates (relative, absolute and relative, and nothing gated). */
    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void cases3To5(int fs) {
        double[][] cases = {{10, -36, 60, -23, 10, -36}, {10, -72, 10, -36, 60, -23, 10, -36, 10, -72},
                {20, -26, 20.1, -20, 20, -26}};
        for (double[] segments : cases) {
            double integrated = value(stereo(fs, tone(fs, 1000, segments)), MeasurementIds.INTEGRATED_LOUDNESS);
            assertEquals(-23, integrated, 0.1, Arrays.toString(segments));
        }
    }

    /**
     * Case 6: L, R at -28, C at -24, Ls, Rs at -30 dBFS; surrounds weighted 1.41. As the 5-channel file (L, R, C, Ls,
     * Rs) and as the 6-channel WAVE_FORMAT_EXTENSIBLE file with a silent LFE in SMPTE order; a loud LFE changes
     * nothing, as it is excluded.
     */
    @Test
    void case6Surround() {
        float[] front = tone(FS, 1000, 20, -28);
        float[] centre = tone(FS, 1000, 20, -24);
        float[] surround = tone(FS, 1000, 20, -30);
        ChannelLayout fiveChannels = new ChannelLayout(List.of(Channel.LEFT, Channel.RIGHT, Channel.CENTRE,
                Channel.LEFT_SURROUND, Channel.RIGHT_SURROUND));
        Map<String, Measurement> m = run(new LevelsMeter(FS, fiveChannels, -1), front, front, centre, surround,
                surround);
        assertEquals(-23, value(m, MeasurementIds.INTEGRATED_LOUDNESS), 0.1, "5 channels");
        float[] silentLfe = new float[front.length];
        m = run(new LevelsMeter(FS, ChannelLayout.SURROUND_5_1, -1), front, front, centre, silentLfe, surround,
                surround);
        assertEquals(-23, value(m, MeasurementIds.INTEGRATED_LOUDNESS), 0.1, "6 channels, WAVE-EX order");
        float[] loudLfe = tone(FS, 60, 20, -6);
        m = run(new LevelsMeter(FS, ChannelLayout.SURROUND_5_1, -1), front, front, centre, loudLfe, surround,
                surround);
        assertEquals(-23, value(m, MeasurementIds.INTEGRATED_LOUDNESS), 0.1, "LFE excluded");
        // The LFE still has its peak.
        assertEquals(-6, value(m, MeasurementIds.SAMPLE_PEAK), 0.01);
    }

    /** Case 9: (1.34 s at -20, 1.66 s at -30) x 5: S is -23 once the first 3 s window is full. */
    @Test
    void case9ShortTermIsConstant() {
        double[] segments = new double[20];
        for (int i = 0; i < 5; i++) {
            segments[4 * i] = 1.34;
            segments[4 * i + 1] = -20;
            segments[4 * i + 2] = 1.66;
            segments[4 * i + 3] = -30;
        }
        Series shortTerm = series(stereo(FS, tone(FS, 1000, segments)), MeasurementIds.SHORT_TERM_SERIES);
        assertEquals(150, shortTerm.size());
        for (int i = 29; i < shortTerm.size(); i++) {
            assertEquals(-23, shortTerm.get(i), 0.1, "S at " + (i + 1) / 10.0 + " s");
        }
    }

    /** Case 10 (file-based): i x 150 ms silence, 3 s at -23, 1 s silence; max S -23 for each of the 20 files. */
    @Test
    void case10MaxShortTermPerFile() {
        for (int i = 0; i < 20; i++) {
            double max = value(stereo(FS, tone(FS, 1000, i * 0.15, NaN, 3, -23, 1, NaN)),
                    MeasurementIds.SHORT_TERM_MAX);
            assertEquals(-23, max, 0.1, "file " + (i + 1));
        }
    }

    /**
     * Case 11 (live): 20 segments of 6 s, i x 150 ms silence, 3 s at -38 + i, the rest silence. A live meter's max S
     * at the end of segment i is -38 + i: the same file cut there.
     */
    @Test
    void case11MaxShortTermLive() {
        double[] segments = new double[20 * 6];
        for (int i = 0; i < 20; i++) {
            segments[6 * i] = i * 0.15;
            segments[6 * i + 1] = NaN;
            segments[6 * i + 2] = 3;
            segments[6 * i + 3] = -38 + i;
            segments[6 * i + 4] = 3 - 0.15 * i;
            segments[6 * i + 5] = NaN;
        }
        float[] x = tone(FS, 1000, segments);
        assertEquals(120 * FS, x.length);
        for (int i = 0; i < 20; i += 3) {
            float[] live = Arrays.copyOf(x, (i + 1) * 6 * FS);
            assertEquals(-38 + i, value(stereo(FS, live), MeasurementIds.SHORT_TERM_MAX), 0.1, "segment " + i);
        }
        // The 100 ms series sees each segment's maximum within the tolerance too.
        Series shortTerm = series(stereo(FS, x), MeasurementIds.SHORT_TERM_SERIES);
        for (int i = 0; i < 20; i++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int step = 60 * i; step < 60 * (i + 1); step++) {
                max = Float.isNaN(shortTerm.get(step)) ? max : Math.max(max, shortTerm.get(step));
            }
            assertEquals(-38 + i, max, 0.1, "segment " + i + " from the series");
        }
    }

    /** Case 12: (0.18 s at -20, 0.22 s at -30) x 25: M is -23 once 1 s has passed. */
    @Test
    void case12MomentaryIsConstant() {
        double[] segments = new double[100];
        for (int i = 0; i < 25; i++) {
            segments[4 * i] = 0.18;
            segments[4 * i + 1] = -20;
            segments[4 * i + 2] = 0.22;
            segments[4 * i + 3] = -30;
        }
        Series momentary = series(stereo(FS, tone(FS, 1000, segments)), MeasurementIds.MOMENTARY_SERIES);
        for (int i = 9; i < momentary.size(); i++) {
            assertEquals(-23, momentary.get(i), 0.1, "M at " + (i + 1) / 10.0 + " s");
        }
    }

    /** Case 13 (file-based): i x 20 ms silence, 400 ms at -23, 1 s silence; max M -23 (10 ms grid). */
    @Test
    void case13MaxMomentaryPerFile() {
        for (int i = 0; i < 20; i++) {
            double max = value(stereo(FS, tone(FS, 1000, i * 0.02, NaN, 0.4, -23, 1, NaN)),
                    MeasurementIds.MOMENTARY_MAX);
            assertEquals(-23, max, 0.1, "file " + (i + 1));
        }
    }

    /** Case 14 (live): 20 segments of 0.8 s, i x 20 ms silence, 400 ms at -38 + i; max M at each segment's end. */
    @Test
    void case14MaxMomentaryLive() {
        double[] segments = new double[20 * 6];
        for (int i = 0; i < 20; i++) {
            segments[6 * i] = i * 0.02;
            segments[6 * i + 1] = NaN;
            segments[6 * i + 2] = 0.4;
            segments[6 * i + 3] = -38 + i;
            segments[6 * i + 4] = 0.4 - 0.02 * i;
            segments[6 * i + 5] = NaN;
        }
        float[] x = tone(FS, 1000, segments);
        assertEquals(16 * FS, x.length);
        for (int i = 0; i < 20; i++) {
            float[] live = Arrays.copyOf(x, (int) Math.round((i + 1) * 0.8 * FS));
            assertEquals(-38 + i, value(stereo(FS, live), MeasurementIds.MOMENTARY_MAX), 0.1, "segment " + i);
        }
    }

    /** Tech 3342 cases 1-4: LRA 10, 5, 20, 15 LU (+-1), at 44.1 and 48 kHz. */
    @ParameterizedTest
    @CsvSource({"10, 20, -20, 20, -30", "5, 20, -20, 20, -15", "20, 20, -40, 20, -20"})
    void tech3342Cases1To3(double expected, double s1, double l1, double s2, double l2) {
        for (int fs : new int[]{44_100, 48_000}) {
            Map<String, Measurement> m = stereo(fs, tone(fs, 1000, s1, l1, s2, l2));
            assertEquals(expected, value(m, MeasurementIds.LOUDNESS_RANGE), 1, fs + " Hz");
            assertEquals(Units.LU, scalar(m, MeasurementIds.LOUDNESS_RANGE).unit());
            // 40 s of programme: not yet stable (Tech 3341 section 2.5).
            assertEquals(0, value(m, MeasurementIds.LOUDNESS_RANGE_STABLE));
        }
    }

    @Test
    void tech3342Case4() {
        Map<String, Measurement> m = stereo(FS, tone(FS, 1000, 20, -50, 20, -35, 20, -20, 20, -35, 20, -50));
        assertEquals(15, value(m, MeasurementIds.LOUDNESS_RANGE), 1);
        assertEquals(1, value(m, MeasurementIds.LOUDNESS_RANGE_STABLE));
        assertEquals(Units.FLAG, scalar(m, MeasurementIds.LOUDNESS_RANGE_STABLE).unit());
    }

    /** The expected response is unchanged when the signal is repeated (Tech 3342). */
    @Test
    void tech3342RepeatedSignal() {
        Map<String, Measurement> m = stereo(FS, tone(FS, 1000, 20, -20, 20, -30, 20, -20, 20, -30));
        assertEquals(10, value(m, MeasurementIds.LOUDNESS_RANGE), 1);
    }

    /**
     * The loudness range needs 3 s of complete short-term values (about 6 s of audio); the Tech 3341 true-peak files
     * (3.2 s) get none, where ffmpeg reports 20 LU.
     */
    @Test
    void loudnessRangeOfShortFiles() {
        Map<String, Measurement> m = stereo(FS, TruePeakTest.tech3341(FS, 4, 0.5, 0));
        assertFalse(scalar(m, MeasurementIds.LOUDNESS_RANGE).present());
        assertEquals(MeasurementReasons.TOO_FEW_SHORT_TERM, scalar(m, MeasurementIds.LOUDNESS_RANGE).reason());
        assertEquals(MeasurementReasons.TOO_FEW_SHORT_TERM, scalar(m, MeasurementIds.LOUDNESS_RANGE_STABLE).reason());
        // 5.8 s: 29 complete windows, one short; 6 s: 31.
        assertFalse(scalar(stereo(FS, tone(FS, 1000, 5.8, -20)), MeasurementIds.LOUDNESS_RANGE).present());
        m = stereo(FS, tone(FS, 1000, 6, -20));
        assertEquals(0, value(m, MeasurementIds.LOUDNESS_RANGE), 0.01);
        assertEquals(0, value(m, MeasurementIds.LOUDNESS_RANGE_STABLE));
        // Silence and the absolute gate.
        assertEquals(MeasurementReasons.SILENT,
                scalar(stereo(FS, new float[10 * FS]), MeasurementIds.LOUDNESS_RANGE).reason());
        assertEquals(MeasurementReasons.BELOW_GATE,
                scalar(stereo(FS, tone(FS, 1000, 10, -80)), MeasurementIds.LOUDNESS_RANGE).reason());
    }

    /** Nearest rank as in the Tech 3342 MATLAB: index round((n - 1) p / 100 + 1), against a direct computation. */
    @Test
    void loudnessRangeUsesNearestRankPercentiles() {
        // A 1 dB staircase, 2 s per step from -30 to -11: the short-term values walk through every level.
        double[] segments = new double[40];
        for (int i = 0; i < 20; i++) {
            segments[2 * i] = 2;
            segments[2 * i + 1] = -30 + i;
        }
        Map<String, Measurement> m = stereo(FS, tone(FS, 1000, segments));
        Series shortTerm = series(m, MeasurementIds.SHORT_TERM_SERIES);
        double[] values = new double[shortTerm.size() - 29];
        for (int i = 29; i < shortTerm.size(); i++) {
            values[i - 29] = shortTerm.get(i);
        }
        double mean = 0;
        for (double v : values) {
            mean += Math.pow(10, v / 10);
        }
        double gate = 10 * Math.log10(mean / values.length) - 20;
        double[] gated = Arrays.stream(values).filter(v -> v >= gate).sorted().toArray();
        int n = gated.length;
        double expected = gated[(int) Math.round((n - 1) * 0.95 + 1) - 1]
                - gated[(int) Math.round((n - 1) * 0.10 + 1) - 1];
        // The series is stored as floats: agreement to float precision.
        assertEquals(expected, value(m, MeasurementIds.LOUDNESS_RANGE), 1e-4);
        assertTrue(expected > 14 && expected < 18, "about 17 LU: " + expected);
    }
}
