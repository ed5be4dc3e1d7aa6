package io.mixbench.meter.crosstrack.internal;

import static io.mixbench.meter.crosstrack.internal.Signals.RATE;
import static io.mixbench.meter.crosstrack.internal.Signals.reason;
import static io.mixbench.meter.crosstrack.internal.Signals.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.Series;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NullTestMeterTest {

    static final int FRAMES = 6 * RATE;

    /** Stereo stems on the 24-bit grid: drums (hits), bass (tone), pad (wide noise); peaks well below 0 dBFS. */
    static float[][] drums() {
        float[] hits = Signals.hits(FRAMES, 0.5, 7);
        return Signals.quantise(Signals.scale(hits, 0.45), Signals.scale(hits, 0.4));
    }

    static float[][] bass() {
        float[] tone = Signals.tone(FRAMES, 55, 0.2);
        return Signals.quantise(tone, tone);
    }

    static float[][] pad() {
        return Signals.quantise(Signals.noise(FRAMES, 0.05, 11), Signals.noise(FRAMES, 0.05, 12));
    }

    static Map<String, Measurement> measure(float[][] mix, int block, float[][]... stems) {
        int[] channels = new int[stems.length];
        float[][][] tracks = new float[stems.length + 1][][];
        tracks[0] = mix;
        for (int i = 0; i < stems.length; i++) {
            channels[i] = stems[i].length;
            tracks[i + 1] = stems[i];
        }
        return Signals.run(new NullTestMeter(mix.length, channels, RATE), tracks, block);
    }

    @Test
    void exactSumReadsIdentical() {
        float[][] drums = drums();
        float[][] bass = bass();
        float[][] pad = pad();
        Map<String, Measurement> m = measure(Signals.sum(drums, bass, pad), 4096, drums, bass, pad);
        assertEquals(CrossTrackIds.IDENTICAL, reason(m, CrossTrackIds.RESIDUAL_LEVEL));
        assertEquals(CrossTrackIds.IDENTICAL, reason(m, CrossTrackIds.RESIDUAL_PEAK));
        assertEquals(CrossTrackIds.IDENTICAL, reason(m, CrossTrackIds.RESIDUAL_AT_PEAKS));
        assertEquals(CrossTrackIds.IDENTICAL, reason(m, CrossTrackIds.FITTED_RESIDUAL_LEVEL));
        assertEquals(0.0, value(m, CrossTrackIds.PEAK_REDUCTION), 1e-12);
        assertEquals(0.0, value(m, CrossTrackIds.FIT_GAIN), 1e-12);
        assertEquals(value(m, CrossTrackIds.MIX_PEAK), value(m, CrossTrackIds.SUM_PEAK), 1e-12);
    }

    @Test
    void monoStemIsPannedToTheCentreAtMinus3Db() {
        float[][] drums = drums();
        float[] bass = Signals.quantise(Signals.tone(FRAMES, 55, 0.3))[0];
        float[][] bassInMix = {Signals.scale(bass, Math.sqrt(0.5)), Signals.scale(bass, Math.sqrt(0.5))};
        Map<String, Measurement> m = measure(Signals.sum(drums, bassInMix), 4096, drums, new float[][]{bass});
        // Float rounding of the sqrt(0.5) products only: far below any audible difference.
        assertTrue(value(m, CrossTrackIds.RESIDUAL_LEVEL) < -120, m.toString());

        // The same stem at 0 dB per channel leaves a clear residual: the law matters.
        float[][] loudBass = {bass, bass};
        Map<String, Measurement> wrong = measure(Signals.sum(drums, loudBass), 4096, drums, new float[][]{bass});
        assertTrue(value(wrong, CrossTrackIds.RESIDUAL_LEVEL) > -30, wrong.toString());
    }

    @Test
    void limitedMixShowsPeaksPulledDownWhereTheSumPeaks() {
        float[][] drums = drums();
        float[][] bass = bass();
        float[][] pad = pad();
        float[][] sum = Signals.sum(drums, bass, pad);
        double sumPeak = peak(sum);
        float[][] mix = Signals.limit(sum, sumPeak * Math.pow(10, -4 / 20.0), 0.05);
        Map<String, Measurement> m = measure(mix, 4096, drums, bass, pad);
        assertEquals(4.0, value(m, CrossTrackIds.PEAK_REDUCTION), 0.05, m.toString());
        double atPeaks = value(m, CrossTrackIds.RESIDUAL_AT_PEAKS);
        double frames = value(m, CrossTrackIds.FRAMES_AT_PEAKS);
        assertTrue(atPeaks > 3 * frames, "residual concentrated at peaks: " + m);
        assertTrue(value(m, CrossTrackIds.RESIDUAL_SUM_CORRELATION) < -0.3, "the bus turned the sum down: " + m);
        assertTrue(value(m, CrossTrackIds.RESIDUAL_LEVEL) < -10, m.toString());
        assertTrue(value(m, CrossTrackIds.FITTED_RESIDUAL_LEVEL) > -60, "a limiter is more than a gain: " + m);
    }

    /** The drums, bass and pad summed: the stems' sum every bus variant below starts from. */
    static float[][][] stems() {
        return new float[][][]{drums(), bass(), pad()};
    }

    static Map<String, Measurement> measureBus(float[][] mix, float[][][] stems) {
        return measure(mix, 4096, stems);
    }

    @Test
    void limiterWithMakeUpGainIsMeasuredAsAGainEnvelope() {
        float[][][] stems = stems();
        float[][] sum = Signals.sum(stems);
        double sumPeakDb = 20 * Math.log10(peak(sum));
        // +8 dB into a -1 dBFS limiter with 50 ms release (sox "gain 8" then a peak limiter).
        float[][] mix = Signals.limit(gain(sum, 8), Math.pow(10, -1 / 20.0), 0.05);
        Map<String, Measurement> m = measureBus(mix, stems);
        assertEquals(8.0, value(m, CrossTrackIds.MAKE_UP_GAIN), 0.05, m.toString());
        assertEquals(sumPeakDb + 8 + 1, value(m, CrossTrackIds.PEAK_GAIN_REDUCTION), 0.05, m.toString());
        // Each hit of 0.5 s is limited for a while: the share of the song lies between none and all of it.
        double share = value(m, CrossTrackIds.LIMITED_SHARE);
        assertTrue(share > 5 && share < 80, m.toString());
        assertTrue(value(m, CrossTrackIds.REDUCTION_SPREAD) > 70, "quiet samples share the reduction: " + m);
        assertTrue(value(m, CrossTrackIds.LIMITED_FIT_RESIDUAL) < -35, "a gain per step explains it: " + m);
        assertTrue(value(m, CrossTrackIds.REDUCTION_LEVEL_CORRELATION) > 0.3, m.toString());
        // The old peak reduction hides the make-up gain: the mix peaks higher than the sum.
        assertTrue(value(m, CrossTrackIds.PEAK_REDUCTION) < 0, m.toString());
        Series series = (Series) m.get(CrossTrackIds.GAIN_REDUCTION_SERIES);
        assertEquals(0.1, series.stepSeconds(), 1e-9);
        assertEquals(60, series.size());
        // A hit starts every 0.5 s: the step holding the attack is reduced, the step before the next hit is not.
        assertTrue(series.get(0) > 3, java.util.Arrays.toString(series.values()));
        assertTrue(series.get(4) < 0.5, java.util.Arrays.toString(series.values()));
    }

    @Test
    void softClipperIsMeasuredAsAReductionOfThePeaksOnly() {
        float[][][] stems = stems();
        float[][] sum = Signals.sum(stems);
        double k = Math.pow(10, 8 / 20.0);
        float[][] mix = new float[2][];
        for (int c = 0; c < 2; c++) {
            mix[c] = new float[sum[c].length];
            for (int i = 0; i < mix[c].length; i++) {
                mix[c][i] = (float) (Math.tanh(k * sum[c][i]) / k);
            }
        }
        Map<String, Measurement> m = measureBus(mix, stems);
        // tanh bends even the quiet steps a little: no make-up gain, within half a dB.
        assertEquals(0.0, value(m, CrossTrackIds.MAKE_UP_GAIN), 0.5, m.toString());
        assertTrue(value(m, CrossTrackIds.PEAK_GAIN_REDUCTION) > 3, m.toString());
        assertTrue(value(m, CrossTrackIds.REDUCTION_SPREAD) < 40, "quiet samples keep their level: " + m);
        assertTrue(value(m, CrossTrackIds.REDUCTION_LEVEL_CORRELATION) > 0.3, m.toString());
    }

    @Test
    void staticEqIsNoGainChange() {
        float[][][] stems = stems();
        float[][] sum = Signals.sum(stems);
        // Half the content below about 200 Hz taken out: a low shelf of about -6 dB.
        double a = Math.exp(-2 * Math.PI * 200.0 / RATE);
        float[][] mix = new float[2][];
        for (int c = 0; c < 2; c++) {
            mix[c] = new float[sum[c].length];
            double low = 0;
            for (int i = 0; i < mix[c].length; i++) {
                low = a * low + (1 - a) * sum[c][i];
                mix[c][i] = (float) (sum[c][i] - 0.5 * low);
            }
        }
        Map<String, Measurement> m = measureBus(mix, stems);
        assertTrue(value(m, CrossTrackIds.LIMITED_FIT_RESIDUAL) > -35, "no gain per step explains EQ: " + m);
        assertTrue(value(m, CrossTrackIds.REDUCTION_LEVEL_CORRELATION) < 0.3, "EQ does not follow the level: " + m);
    }

    @Test
    void exactSumHasNoGainReduction() {
        float[][][] stems = stems();
        Map<String, Measurement> m = measureBus(Signals.sum(stems), stems);
        assertEquals(0.0, value(m, CrossTrackIds.MAKE_UP_GAIN), 1e-6, m.toString());
        assertEquals(0.0, value(m, CrossTrackIds.PEAK_GAIN_REDUCTION), 1e-6, m.toString());
        assertEquals(0.0, value(m, CrossTrackIds.LIMITED_SHARE), 1e-12, m.toString());
        assertEquals(CrossTrackIds.NOT_LIMITED, reason(m, CrossTrackIds.REDUCTION_SPREAD));
        assertEquals(CrossTrackIds.NO_GAIN_CHANGE, reason(m, CrossTrackIds.REDUCTION_LEVEL_CORRELATION));
    }

    static float[][] gain(float[][] x, double db) {
        double g = Math.pow(10, db / 20);
        return new float[][]{Signals.scale(x[0], g), Signals.scale(x[1], g)};
    }

    @Test
    void missingStemLeavesAnEvenResidual() {
        float[][] drums = drums();
        float[][] bass = bass();
        float[][] pad = pad();
        Map<String, Measurement> m = measure(Signals.sum(drums, bass, pad), 4096, drums, bass);
        double atPeaks = value(m, CrossTrackIds.RESIDUAL_AT_PEAKS);
        double frames = value(m, CrossTrackIds.FRAMES_AT_PEAKS);
        assertTrue(atPeaks < 3 * frames, "a missing pad is not at the peaks: " + m);
        assertTrue(value(m, CrossTrackIds.PEAK_REDUCTION) < 0.5, m.toString());
        assertTrue(Math.abs(value(m, CrossTrackIds.RESIDUAL_SUM_CORRELATION)) < 0.1, m.toString());
        assertTrue(value(m, CrossTrackIds.RESIDUAL_MIX_CORRELATION) > 0.1, m.toString());
        // The pad alone against the full mix.
        double padDb = 10 * Math.log10(energy(pad) / energy(Signals.sum(drums, bass, pad)));
        assertEquals(padDb, value(m, CrossTrackIds.RESIDUAL_LEVEL), 0.01);
        assertTrue(value(m, CrossTrackIds.RESIDUAL_PEAK) < -10, m.toString());
    }

    @Test
    void masterFaderShowsAsAFittedGain() {
        float[][] drums = drums();
        float[][] bass = bass();
        float[][] sum = Signals.sum(drums, bass);
        double g = Math.pow(10, -2 / 20.0);
        float[][] mix = {Signals.scale(sum[0], g), Signals.scale(sum[1], g)};
        Map<String, Measurement> m = measure(mix, 4096, drums, bass);
        assertEquals(-2.0, value(m, CrossTrackIds.FIT_GAIN), 1e-4);
        assertEquals(2.0, value(m, CrossTrackIds.PEAK_REDUCTION), 1e-4);
        assertTrue(value(m, CrossTrackIds.FITTED_RESIDUAL_LEVEL) < -100, m.toString());
        assertTrue(value(m, CrossTrackIds.RESIDUAL_SUM_CORRELATION) < -0.999, m.toString());
    }

    @Test
    void resultsDoNotDependOnTheBlockSize() {
        float[][] drums = drums();
        float[][] bass = bass();
        float[][] pad = pad();
        float[][] sum = Signals.sum(drums, bass, pad);
        float[][] mix = Signals.limit(sum, 0.4, 0.05);
        Map<String, Object> reference = comparableValues(measure(mix, 4096, drums, bass, pad));
        assertEquals(reference, comparableValues(measure(mix, 1, drums, bass, pad)));
        assertEquals(reference, comparableValues(measure(mix, 1000, drums, bass, pad)));
        assertEquals(reference, comparableValues(measure(mix, 65536, drums, bass, pad)));
    }

    @Test
    void shorterStemsEndInSilence() {
        float[][] drums = drums();
        float[][] shortBass = {java.util.Arrays.copyOf(bass()[0], RATE), java.util.Arrays.copyOf(bass()[1], RATE)};
        Map<String, Measurement> m = measure(Signals.sum(drums, shortBass), 4096, drums, shortBass);
        assertEquals(CrossTrackIds.IDENTICAL, reason(m, CrossTrackIds.RESIDUAL_LEVEL));
    }

    @Test
    void silenceIsAbsentWithAReason() {
        float[][] silent = new float[2][RATE];
        Map<String, Measurement> both = measure(silent, 4096, new float[2][RATE]);
        assertEquals(CrossTrackIds.IDENTICAL, reason(both, CrossTrackIds.RESIDUAL_LEVEL));
        assertEquals(CrossTrackIds.SILENT_MIX, reason(both, CrossTrackIds.MIX_PEAK));
        assertEquals(CrossTrackIds.SILENT_STEMS, reason(both, CrossTrackIds.FIT_GAIN));

        Map<String, Measurement> silentMix = measure(silent, 4096, bass());
        assertEquals(CrossTrackIds.SILENT_MIX, reason(silentMix, CrossTrackIds.RESIDUAL_LEVEL));
        assertEquals(CrossTrackIds.SILENT_MIX, reason(silentMix, CrossTrackIds.PEAK_REDUCTION));
        assertEquals(-1.0, value(silentMix, CrossTrackIds.RESIDUAL_SUM_CORRELATION), 1e-12);
        assertEquals(CrossTrackIds.NO_FIT, reason(silentMix, CrossTrackIds.FIT_GAIN));

        Map<String, Measurement> silentStems = measure(bass(), 4096, new float[2][RATE]);
        assertEquals(0.0, value(silentStems, CrossTrackIds.RESIDUAL_LEVEL), 1e-9);
        assertEquals(CrossTrackIds.SILENT_STEMS, reason(silentStems, CrossTrackIds.RESIDUAL_AT_PEAKS));
    }

    @Test
    void rejectsStemsThatCannotBeSummed() {
        assertThrows(IllegalArgumentException.class, () -> new NullTestMeter(1, new int[]{2}, RATE));
        assertThrows(IllegalArgumentException.class, () -> new NullTestMeter(6, new int[]{6}, RATE));
    }

    /** Series compare their arrays by identity: their values as a list instead. */
    static Map<String, Object> comparableValues(Map<String, Measurement> m) {
        Map<String, Object> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Series s
                ? List.of(s.stepSeconds(), s.unit(), Arrays.toString(s.values()))
                : v));
        return out;
    }

    static double peak(float[][] x) {
        double p = 0;
        for (float[] ch : x) {
            for (float v : ch) {
                p = Math.max(p, Math.abs(v));
            }
        }
        return p;
    }

    static double energy(float[][] x) {
        double e = 0;
        for (float[] ch : x) {
            for (float v : ch) {
                e += (double) v * v;
            }
        }
        return e;
    }
}
