package io.mixbench.meter.crosstrack.internal;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Units;
import java.util.Arrays;
import java.util.Map;

/**
 * The mix bus's gain over time, for the null test: per 10 ms step the least-squares gain from the sum of the stems
 * to the mix. A limiter with make-up gain makes the mix the sum times a gain that is the make-up gain where the
 * limiter idles and drops where the sum peaks, recovering after (its release); static EQ changes the mix in a way
 * no gain per step explains; saturation lowers only the samples near the peaks and leaves the quieter samples of
 * the same step at the make-up gain. Only a handful of numbers per step are kept (about 2 kB per second of audio),
 * never the audio.
 */
final class BusGainTracker {

    /** The step the gain is fitted over, s: short against a limiter's release, long against a bass cycle. */
    static final double STEP_SECONDS = 0.01;
    /** Fine steps per step of the {@link CrossTrackIds#GAIN_REDUCTION_SERIES}: 10 x 10 ms, the engine's 100 ms. */
    static final int STEPS_PER_SERIES_STEP = 10;
    /** Steps whose sum peaks more than this below the sum's peak are too quiet to fit a gain on, dB. */
    static final double ACTIVE_RANGE_DB = 40;
    /** The make-up gain is this percentile of the active steps' gains: the limiter only ever lowers the gain. */
    static final double MAKE_UP_PERCENTILE = 98;
    /** A step whose gain lies this far below the make-up gain counts as limited, dB. */
    static final double LIMITED_FROM_DB = 0.5;
    /** Within a step, samples below this share of the step's peak are its quiet samples. */
    static final double QUIET_BELOW = 0.5;
    /** Below this many active steps there is nothing to judge a gain on. */
    static final int MIN_ACTIVE_STEPS = 10;
    private static final double FLOOR_DB = -200;

    private final int channels;
    private final int sampleRateHz;
    private final int stepFrames;
    private final double[][] mix;
    private final double[][] sum;
    private final double[] level;
    private int filled;

    /** Per step: the sum's peak (dBFS), the fitted gain, the mix's energy, what the gain leaves, the quiet and loud gains. */
    private final FloatList levelDb = new FloatList();
    private final FloatList gain = new FloatList();
    private final FloatList mixEnergy = new FloatList();
    private final FloatList fitLeft = new FloatList();
    private final FloatList quietGain = new FloatList();
    private final FloatList loudGain = new FloatList();

    BusGainTracker(int channels, int sampleRateHz) {
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRateHz);
        }
        this.channels = channels;
        this.sampleRateHz = sampleRateHz;
        this.stepFrames = Math.max(1, (int) Math.round(sampleRateHz * STEP_SECONDS));
        this.mix = new double[channels][stepFrames];
        this.sum = new double[channels][stepFrames];
        this.level = new double[stepFrames];
    }

    /** One sample of channel {@code c} of the current frame: the mix's and the sum's. */
    void put(int c, double m, double s) {
        mix[c][filled] = m;
        sum[c][filled] = s;
    }

    /** Ends the current frame; {@code sumLevel} is the sum's larger channel magnitude in it. */
    void endFrame(double sumLevel) {
        level[filled++] = sumLevel;
        if (filled == stepFrames) {
            closeStep();
        }
    }

    private void closeStep() {
        double peak = 0;
        for (int i = 0; i < filled; i++) {
            peak = Math.max(peak, level[i]);
        }
        double ms = 0;
        double ss = 0;
        double mm = 0;
        double quietMs = 0;
        double quietSs = 0;
        double loudMs = 0;
        double loudSs = 0;
        double quiet = peak * QUIET_BELOW;
        for (int i = 0; i < filled; i++) {
            double frameMs = 0;
            double frameSs = 0;
            for (int c = 0; c < channels; c++) {
                frameMs += mix[c][i] * sum[c][i];
                frameSs += sum[c][i] * sum[c][i];
                mm += mix[c][i] * mix[c][i];
            }
            ms += frameMs;
            ss += frameSs;
            if (level[i] < quiet) {
                quietMs += frameMs;
                quietSs += frameSs;
            } else {
                loudMs += frameMs;
                loudSs += frameSs;
            }
        }
        levelDb.add(peak > 0 ? (float) (20 * Math.log10(peak)) : Float.NaN);
        gain.add(ss > 0 ? (float) (ms / ss) : Float.NaN);
        mixEnergy.add((float) mm);
        fitLeft.add(ss > 0 ? (float) Math.max(0, mm - ms * ms / ss) : (float) mm);
        quietGain.add(quietSs > 0 ? (float) (quietMs / quietSs) : Float.NaN);
        loudGain.add(loudSs > 0 ? (float) (loudMs / loudSs) : Float.NaN);
        filled = 0;
    }

    /**
     * Puts the gain measurements ({@link CrossTrackIds#MAKE_UP_GAIN} and the rest) into {@code out}.
     *
     * @param sumPeakDbfs the sum's sample peak, dBFS (-inf when silent)
     * @param mixPeakDbfs the mix's sample peak, dBFS (-inf when silent)
     */
    void finish(Map<String, Measurement> out, double sumPeakDbfs, double mixPeakDbfs) {
        if (filled > 0) {
            closeStep();
        }
        int steps = gain.size();
        double[] gainDb = new double[steps];
        boolean[] active = new boolean[steps];
        int activeCount = 0;
        for (int i = 0; i < steps; i++) {
            float g = gain.get(i);
            float l = levelDb.get(i);
            active[i] = g > 0 && Float.isFinite(l) && l >= sumPeakDbfs - ACTIVE_RANGE_DB;
            gainDb[i] = active[i] ? 20 * Math.log10(g) : Double.NaN;
            if (active[i]) {
                activeCount++;
            }
        }
        if (Double.isInfinite(sumPeakDbfs) || Double.isInfinite(mixPeakDbfs) || activeCount < MIN_ACTIVE_STEPS) {
            String reason = Double.isInfinite(sumPeakDbfs)
                    ? CrossTrackIds.SILENT_STEMS
                    : Double.isInfinite(mixPeakDbfs) ? CrossTrackIds.SILENT_MIX : CrossTrackIds.TOO_SHORT;
            putAbsent(out, reason);
            return;
        }
        double makeUpDb = percentile(gainDb, active, activeCount, MAKE_UP_PERCENTILE);
        out.put(CrossTrackIds.MAKE_UP_GAIN, Scalar.of(makeUpDb, Units.DB));
        out.put(CrossTrackIds.PEAK_GAIN_REDUCTION, Scalar.of(sumPeakDbfs + makeUpDb - mixPeakDbfs, Units.DB));

        int seriesSteps = (steps + STEPS_PER_SERIES_STEP - 1) / STEPS_PER_SERIES_STEP;
        float[] series = new float[seriesSteps];
        Arrays.fill(series, Float.NaN);
        int limited = 0;
        double[] left = new double[steps];
        double quietReduction = 0;
        double loudReduction = 0;
        double[] reduction = new double[steps];
        for (int i = 0; i < steps; i++) {
            if (!active[i]) {
                continue;
            }
            reduction[i] = makeUpDb - gainDb[i];
            int k = i / STEPS_PER_SERIES_STEP;
            series[k] = Float.isNaN(series[k]) ? (float) reduction[i] : Math.max(series[k], (float) reduction[i]);
            if (reduction[i] >= LIMITED_FROM_DB) {
                float mm = mixEnergy.get(i);
                left[limited++] = mm > 0 ? fitLeft.get(i) / mm : 1;
                float q = quietGain.get(i);
                float l = loudGain.get(i);
                if (q > 0 && l > 0) {
                    quietReduction += makeUpDb - 20 * Math.log10(q);
                    loudReduction += makeUpDb - 20 * Math.log10(l);
                }
            }
        }
        out.put(CrossTrackIds.LIMITED_SHARE, Scalar.of(100.0 * limited / steps, Units.PERCENT));
        out.put(CrossTrackIds.GAIN_REDUCTION_SERIES, new Series(
                (double) STEPS_PER_SERIES_STEP * stepFrames / sampleRateHz, series, Units.DB));
        if (limited == 0) {
            out.put(CrossTrackIds.LIMITED_FIT_RESIDUAL, Scalar.absent(Units.DB, CrossTrackIds.NOT_LIMITED));
            out.put(CrossTrackIds.REDUCTION_SPREAD, Scalar.absent(Units.PERCENT, CrossTrackIds.NOT_LIMITED));
        } else {
            // The median step, not the energy: a limiter's attack steps fit badly, its many release steps well.
            Arrays.sort(left, 0, limited);
            double median = limited % 2 == 1
                    ? left[limited / 2]
                    : (left[limited / 2 - 1] + left[limited / 2]) / 2;
            out.put(CrossTrackIds.LIMITED_FIT_RESIDUAL, Scalar.of(median > 0
                    ? Math.max(FLOOR_DB, 10 * Math.log10(median))
                    : FLOOR_DB, Units.DB));
            out.put(CrossTrackIds.REDUCTION_SPREAD, loudReduction > 0
                    ? Scalar.of(100 * quietReduction / loudReduction, Units.PERCENT)
                    : Scalar.absent(Units.PERCENT, CrossTrackIds.NOT_LIMITED));
        }
        out.put(CrossTrackIds.REDUCTION_LEVEL_CORRELATION, correlation(reduction, active));
    }

    private static void putAbsent(Map<String, Measurement> out, String reason) {
        out.put(CrossTrackIds.MAKE_UP_GAIN, Scalar.absent(Units.DB, reason));
        out.put(CrossTrackIds.PEAK_GAIN_REDUCTION, Scalar.absent(Units.DB, reason));
        out.put(CrossTrackIds.LIMITED_SHARE, Scalar.absent(Units.PERCENT, reason));
        out.put(CrossTrackIds.LIMITED_FIT_RESIDUAL, Scalar.absent(Units.DB, reason));
        out.put(CrossTrackIds.REDUCTION_SPREAD, Scalar.absent(Units.PERCENT, reason));
        out.put(CrossTrackIds.REDUCTION_LEVEL_CORRELATION, Scalar.absent(Units.RATIO, reason));
    }

    /** Correlation over the active steps of the gain reduction with the sum's level: a limiter's is positive. */
    private Scalar correlation(double[] reduction, boolean[] active) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < reduction.length; i++) {
            if (active[i]) {
                n++;
                sx += reduction[i];
                sy += levelDb.get(i);
            }
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < reduction.length; i++) {
            if (active[i]) {
                double dx = reduction[i] - mx;
                double dy = levelDb.get(i) - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        if (sxx <= 1e-12 * n || syy == 0) {
            return Scalar.absent(Units.RATIO, CrossTrackIds.NO_GAIN_CHANGE);
        }
        return Scalar.of(Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))), Units.RATIO);
    }

    private static double percentile(double[] values, boolean[] use, int count, double percent) {
        double[] v = new double[count];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (use[i]) {
                v[n++] = values[i];
            }
        }
        Arrays.sort(v);
        double rank = percent / 100 * (count - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(count - 1, lo + 1);
        return v[lo] + (v[hi] - v[lo]) * (rank - lo);
    }

    /** A growing array of floats. */
    private static final class FloatList {
        private float[] values = new float[1024];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        float get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }
    }
}
