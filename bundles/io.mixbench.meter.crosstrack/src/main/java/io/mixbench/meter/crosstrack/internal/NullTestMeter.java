package io.mixbench.meter.crosstrack.internal;

import io.mixbench.meter.CrossTrackMeter;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The null test in one streaming pass: residual = mix - sum of the stems, per channel. A mono stem in a stereo mix
 * is added to both channels at sqrt(0.5) (-3.01 dB), the -3 dB pan law of a centred mono track in most DAWs and in
 * the demo sessions; a stem rendered at another law leaves a residual. The block of track 0 is the mix, the others
 * are the stems; a track that has ended delivers zeros.
 *
 * <p>Besides the levels, the meter keeps a histogram of the residual's energy over the sum's frame level (the
 * larger channel, 0.01 dB bins), so the share of the residual that sits near the sum's peak, known only at the end,
 * needs no second pass. A limiter leaves its residual where the sum peaks; a missing stem leaves it everywhere.
 *
 * <p>The meter also follows the bus's gain over time ({@link BusGainTracker}): per 10 ms step the least-squares gain
 * from the sum to the mix, so a limiter with make-up gain (the mix is the sum times a gain that drops where the sum
 * peaks and recovers after) is told from static EQ and from saturation.
 */
final class NullTestMeter implements CrossTrackMeter {

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double HISTOGRAM_FLOOR_DB = -200;
    private static final double HISTOGRAM_TOP_DB = 60;
    private static final double BIN_DB = 0.01;
    private static final int BINS = (int) Math.round((HISTOGRAM_TOP_DB - HISTOGRAM_FLOOR_DB) / BIN_DB);

    private final int channels;
    private final int[] stemChannels;
    private final double[] residualEnergyByLevel = new double[BINS];
    private final long[] framesByLevel = new long[BINS];
    private final BusGainTracker gain;
    private double[][] sum = new double[0][0];

    private long frames;
    private double mixEnergy;
    private double sumEnergy;
    private double residualEnergy;
    private double residualMix;
    private double residualSum;
    private double mixPeak;
    private double sumPeak;
    private double residualPeak;
    private boolean finished;

    /**
     * @param channels the mix's channels (1 or 2)
     * @param stemChannels each stem's channels: equal to {@code channels}, or 1 into a stereo mix
     * @param sampleRateHz the mix's sample rate, Hz (the gain tracker's steps are 10 ms)
     */
    NullTestMeter(int channels, int[] stemChannels, int sampleRateHz) {
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("the mix must be mono or stereo, has " + channels + " channels");
        }
        for (int c : stemChannels) {
            if (c != channels && !(c == 1 && channels == 2)) {
                throw new IllegalArgumentException("a " + c + "-channel stem cannot be summed into a " + channels
                        + "-channel mix");
            }
        }
        this.channels = channels;
        this.stemChannels = stemChannels.clone();
        this.gain = new BusGainTracker(channels, sampleRateHz);
    }

    @Override
    public void process(float[][][] blocks, int count) {
        if (finished) {
            throw new IllegalStateException("process after finish");
        }
        if (sum.length == 0 || sum[0].length < count) {
            // Only grows when the engine hands a larger block than before: not per block.
            sum = new double[channels][count];
        }
        for (int c = 0; c < channels; c++) {
            double[] s = sum[c];
            java.util.Arrays.fill(s, 0, count, 0.0);
            for (int t = 0; t < stemChannels.length; t++) {
                float[][] stem = blocks[t + 1];
                if (stemChannels[t] == channels) {
                    float[] x = stem[c];
                    for (int i = 0; i < count; i++) {
                        s[i] += x[i];
                    }
                } else {
                    float[] x = stem[0];
                    for (int i = 0; i < count; i++) {
                        s[i] += x[i] * SQRT_HALF;
                    }
                }
            }
        }
        float[][] mix = blocks[0];
        for (int i = 0; i < count; i++) {
            double level = 0;
            double frameResidual = 0;
            for (int c = 0; c < channels; c++) {
                double m = mix[c][i];
                double s = sum[c][i];
                double r = m - s;
                mixEnergy += m * m;
                sumEnergy += s * s;
                frameResidual += r * r;
                residualMix += r * m;
                residualSum += r * s;
                mixPeak = Math.max(mixPeak, Math.abs(m));
                residualPeak = Math.max(residualPeak, Math.abs(r));
                level = Math.max(level, Math.abs(s));
                gain.put(c, m, s);
            }
            gain.endFrame(level);
            residualEnergy += frameResidual;
            sumPeak = Math.max(sumPeak, level);
            if (level > 0) {
                int bin = bin(level);
                residualEnergyByLevel[bin] += frameResidual;
                framesByLevel[bin]++;
            }
        }
        frames += count;
    }

    private static int bin(double amplitude) {
        double db = 20 * Math.log10(amplitude);
        int bin = (int) Math.floor((db - HISTOGRAM_FLOOR_DB) / BIN_DB);
        return Math.max(0, Math.min(BINS - 1, bin));
    }

    @Override
    public Map<String, Measurement> finish() {
        if (finished) {
            throw new IllegalStateException("finish called twice");
        }
        finished = true;
        Map<String, Measurement> out = new LinkedHashMap<>();
        boolean identical = residualEnergy == 0;
        String residualReason = identical ? CrossTrackIds.IDENTICAL : CrossTrackIds.SILENT_MIX;
        out.put(CrossTrackIds.RESIDUAL_LEVEL, identical || mixEnergy == 0
                ? Scalar.absent(Units.DB, residualReason)
                : Scalar.of(10 * Math.log10(residualEnergy / mixEnergy), Units.DB));
        out.put(CrossTrackIds.RESIDUAL_PEAK, Scalar.level(amplitudeDb(residualPeak), Units.DBFS,
                CrossTrackIds.IDENTICAL));
        out.put(CrossTrackIds.MIX_PEAK, Scalar.level(amplitudeDb(mixPeak), Units.DBFS, CrossTrackIds.SILENT_MIX));
        out.put(CrossTrackIds.SUM_PEAK, Scalar.level(amplitudeDb(sumPeak), Units.DBFS, CrossTrackIds.SILENT_STEMS));
        if (mixPeak == 0 || sumPeak == 0) {
            out.put(CrossTrackIds.PEAK_REDUCTION, Scalar.absent(Units.DB,
                    mixPeak == 0 ? CrossTrackIds.SILENT_MIX : CrossTrackIds.SILENT_STEMS));
        } else {
            out.put(CrossTrackIds.PEAK_REDUCTION, Scalar.of(amplitudeDb(sumPeak) - amplitudeDb(mixPeak), Units.DB));
        }
        putPeakShares(out, identical);
        out.put(CrossTrackIds.RESIDUAL_MIX_CORRELATION, correlation(residualMix, mixEnergy,
                CrossTrackIds.SILENT_MIX));
        out.put(CrossTrackIds.RESIDUAL_SUM_CORRELATION, correlation(residualSum, sumEnergy,
                CrossTrackIds.SILENT_STEMS));
        putFit(out, identical);
        gain.finish(out, amplitudeDb(sumPeak), amplitudeDb(mixPeak));
        return out;
    }

    private void putPeakShares(Map<String, Measurement> out, boolean identical) {
        if (sumPeak == 0) {
            out.put(CrossTrackIds.RESIDUAL_AT_PEAKS, Scalar.absent(Units.PERCENT, CrossTrackIds.SILENT_STEMS));
            out.put(CrossTrackIds.FRAMES_AT_PEAKS, Scalar.absent(Units.PERCENT, CrossTrackIds.SILENT_STEMS));
            return;
        }
        int from = bin(sumPeak * Math.pow(10, -CrossTrackIds.PEAK_WINDOW_DB / 20));
        double energy = 0;
        long near = 0;
        for (int b = from; b < BINS; b++) {
            energy += residualEnergyByLevel[b];
            near += framesByLevel[b];
        }
        out.put(CrossTrackIds.RESIDUAL_AT_PEAKS, identical
                ? Scalar.absent(Units.PERCENT, CrossTrackIds.IDENTICAL)
                : Scalar.of(100 * Math.min(1, energy / residualEnergy), Units.PERCENT));
        out.put(CrossTrackIds.FRAMES_AT_PEAKS, Scalar.of(100.0 * near / frames, Units.PERCENT));
    }

    private Scalar correlation(double cross, double otherEnergy, String silentReason) {
        if (residualEnergy == 0) {
            return Scalar.absent(Units.RATIO, CrossTrackIds.IDENTICAL);
        }
        if (otherEnergy == 0) {
            return Scalar.absent(Units.RATIO, silentReason);
        }
        return Scalar.of(Math.max(-1, Math.min(1, cross / Math.sqrt(residualEnergy * otherEnergy))), Units.RATIO);
    }

    /**
     * The best gain g for mix ~ g sum: g = 1 + <r, s> / <s, s>; what is left is |r|^2 - <r, s>^2 / <s, s>, taken
     * from the residual's own sums so an exact scaling reads far below any threshold rather than rounding noise.
     */
    private void putFit(Map<String, Measurement> out, boolean identical) {
        if (sumEnergy == 0) {
            out.put(CrossTrackIds.FIT_GAIN, Scalar.absent(Units.DB, CrossTrackIds.SILENT_STEMS));
            out.put(CrossTrackIds.FITTED_RESIDUAL_LEVEL, Scalar.absent(Units.DB, CrossTrackIds.SILENT_STEMS));
            return;
        }
        double gain = 1 + residualSum / sumEnergy;
        out.put(CrossTrackIds.FIT_GAIN, gain > 0
                ? Scalar.of(amplitudeDb(gain), Units.DB)
                : Scalar.absent(Units.DB, CrossTrackIds.NO_FIT));
        double left = Math.max(0, residualEnergy - residualSum * residualSum / sumEnergy);
        if (identical || left == 0) {
            out.put(CrossTrackIds.FITTED_RESIDUAL_LEVEL, Scalar.absent(Units.DB, CrossTrackIds.IDENTICAL));
        } else if (mixEnergy == 0) {
            out.put(CrossTrackIds.FITTED_RESIDUAL_LEVEL, Scalar.absent(Units.DB, CrossTrackIds.SILENT_MIX));
        } else {
            out.put(CrossTrackIds.FITTED_RESIDUAL_LEVEL, Scalar.of(10 * Math.log10(left / mixEnergy), Units.DB));
        }
    }

    private static double amplitudeDb(double amplitude) {
        return 20 * Math.log10(amplitude);
    }
}
