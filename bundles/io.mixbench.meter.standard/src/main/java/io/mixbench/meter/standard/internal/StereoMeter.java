package io.mixbench.meter.standard.internal;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.MeasurementReasons;
import io.mixbench.meter.Meter;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.StereoEnergies;
import io.mixbench.meter.Units;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stereo picture over the whole band: L/R balance, energy pan position, phase correlation (overall and per
 * 100 ms), width (side to mid energy) and mono-sum loss. Channel 0 is left, channel 1 right. The low end below the
 * crossover is measured from the spectrum (the "spectrum" meter).
 *
 * <p>
 * Correlation is {@code sum(L R) / sqrt(sum(L^2) sum(R^2))} without removing the mean, as phase meters do. Mono-sum
 * loss folds {@code M = (L + R) / 2} onto both channels and compares the energy:
 * {@code 10 log10(sum((L + R)^2) / (2 (sum(L^2) + sum(R^2))))}, so a centred part reads 0 dB, a hard-panned or
 * decorrelated one -3 dB, and only negative correlation reads lower (down to the -100 dB limit). A mono file is
 * centred: balance, pan and loss 0, correlation 1, no width. Other channel counts get no values.
 *
 * <p>
 * Only three sums are kept, of L^2, R^2 and L R: the sums of (L + R)^2 and (L - R)^2 follow from them, exactly 0 for
 * opposite or equal channels ({@link StereoEnergies}). Each sum is split between even and odd frames (by their position in the file, so the
 * result does not depend on how the stream is cut into blocks), which halves the additions' dependency chains.
 */
public final class StereoMeter implements Meter {

    private static final int STEPS_PER_SECOND = 10;

    private final int sampleRateHz;
    private final int channels;

    private long frames;
    private long silentFrames;
    private long stepIndex;
    private long nextStepEnd;
    /** Sums of the current step over even and odd frames: L^2, R^2, L R. */
    private double stepLeftEven;
    private double stepLeftOdd;
    private double stepRightEven;
    private double stepRightOdd;
    private double stepCrossEven;
    private double stepCrossOdd;
    private final GrowableArray stepCorrelation;

    private double energyLeft;
    private double energyRight;
    private double cross;
    private boolean finished;

    /**
     * @param sampleRateHz the file's sample rate, Hz; sets the 100 ms steps
     * @param channels the channel count
     */
    public StereoMeter(int sampleRateHz, int channels) {
        this(sampleRateHz, channels, -1);
    }

    /**
     * @param sampleRateHz the file's sample rate, Hz; sets the 100 ms steps
     * @param channels the channel count
     * @param declaredFrames the header's frame count, or -1; only sizes buffers
     */
    public StereoMeter(int sampleRateHz, int channels, long declaredFrames) {
        this.sampleRateHz = sampleRateHz;
        this.channels = channels;
        stepCorrelation = new GrowableArray(GrowableArray.stepCapacity(declaredFrames, sampleRateHz));
        nextStepEnd = stepEnd(0);
    }

    /** The frame after step s: the frame nearest to (s + 1) x 100 ms, as in the levels meter. */
    private long stepEnd(long s) {
        return Math.floorDiv((s + 1) * sampleRateHz * 10 + 50, 100);
    }

    @Override
    public void process(float[][] block, int frameCount) {
        if (finished) {
            throw new IllegalStateException("process after finish");
        }
        int offset = 0;
        while (offset < frameCount) {
            int n = (int) Math.min(frameCount - offset, nextStepEnd - frames);
            if (channels == 2) {
                // Digital silence in both channels (+0.0, as stems often are for long stretches) adds nothing.
                if (Silence.isSilent(block[0], offset, n) && Silence.isSilent(block[1], offset, n)) {
                    silentFrames += n;
                } else {
                    stereo(block[0], block[1], offset, n);
                }
            } else if (channels == 1) {
                mono(block[0], offset, n);
            }
            frames += n;
            offset += n;
            if (frames == nextStepEnd) {
                closeStep();
            }
        }
    }

    /** Stereo frames passed over as silence so far (for tests). */
    long silentFrames() {
        return silentFrames;
    }

    private void closeStep() {
        double left = stepLeftEven + stepLeftOdd;
        double right = stepRightEven + stepRightOdd;
        double stepCross = stepCrossEven + stepCrossOdd;
        stepCorrelation.add(StereoEnergies.correlation(left, right, stepCross));
        energyLeft += left;
        energyRight += right;
        cross += stepCross;
        stepLeftEven = 0;
        stepLeftOdd = 0;
        stepRightEven = 0;
        stepRightOdd = 0;
        stepCrossEven = 0;
        stepCrossOdd = 0;
        stepIndex++;
        nextStepEnd = stepEnd(stepIndex);
    }

    private void stereo(float[] left, float[] right, int offset, int n) {
        int i = offset;
        int end = offset + n;
        // "Even" and "odd" are the frames' parities in the file; swap the roles when this call starts on an odd one.
        boolean odd = (frames & 1) != 0;
        double le = odd ? stepLeftOdd : stepLeftEven;
        double lo = odd ? stepLeftEven : stepLeftOdd;
        double re = odd ? stepRightOdd : stepRightEven;
        double ro = odd ? stepRightEven : stepRightOdd;
        double ce = odd ? stepCrossOdd : stepCrossEven;
        double co = odd ? stepCrossEven : stepCrossOdd;
        for (; i + 1 < end; i += 2) {
            double l0 = left[i];
            double r0 = right[i];
            double l1 = left[i + 1];
            double r1 = right[i + 1];
            le += l0 * l0;
            re += r0 * r0;
            ce += l0 * r0;
            lo += l1 * l1;
            ro += r1 * r1;
            co += l1 * r1;
        }
        if (i < end) {
            double l0 = left[i];
            double r0 = right[i];
            le += l0 * l0;
            re += r0 * r0;
            ce += l0 * r0;
        }
        stepLeftEven = odd ? lo : le;
        stepLeftOdd = odd ? le : lo;
        stepRightEven = odd ? ro : re;
        stepRightOdd = odd ? re : ro;
        stepCrossEven = odd ? co : ce;
        stepCrossOdd = odd ? ce : co;
    }

    private void mono(float[] x, int offset, int n) {
        int i = offset;
        int end = offset + n;
        boolean odd = (frames & 1) != 0;
        double e = odd ? stepLeftOdd : stepLeftEven;
        double o = odd ? stepLeftEven : stepLeftOdd;
        for (; i + 1 < end; i += 2) {
            double v0 = x[i];
            double v1 = x[i + 1];
            e += v0 * v0;
            o += v1 * v1;
        }
        if (i < end) {
            double v0 = x[i];
            e += v0 * v0;
        }
        // A mono file is its own left and right: fully correlated.
        stepLeftEven = odd ? o : e;
        stepLeftOdd = odd ? e : o;
        stepRightEven = stepLeftEven;
        stepRightOdd = stepLeftOdd;
        stepCrossEven = stepLeftEven;
        stepCrossOdd = stepLeftOdd;
    }

    @Override
    public Map<String, Measurement> finish() {
        if (finished) {
            throw new IllegalStateException("finish called twice");
        }
        finished = true;
        if (frames > stepEnd(stepIndex - 1)) {
            closeStep();
        }
        Map<String, Measurement> out = new LinkedHashMap<>();
        int steps = stepCorrelation.size();
        float[] series = new float[steps];
        if (channels > 2) {
            for (String id : new String[]{MeasurementIds.BALANCE, MeasurementIds.WIDTH, MeasurementIds.MONO_SUM_LOSS}) {
                out.put(id, Scalar.absent(Units.DB, MeasurementReasons.NOT_STEREO));
            }
            out.put(MeasurementIds.PAN, Scalar.absent(Units.PERCENT, MeasurementReasons.NOT_STEREO));
            out.put(MeasurementIds.CORRELATION, Scalar.absent(Units.RATIO, MeasurementReasons.NOT_STEREO));
            java.util.Arrays.fill(series, Float.NaN);
            out.put(MeasurementIds.CORRELATION_SERIES, new Series(0.1, series, Units.RATIO));
            return out;
        }
        boolean stereo = channels == 2;
        double total = energyLeft + energyRight;
        String reason = null;
        if (!Double.isFinite(total) || !Double.isFinite(cross)) {
            reason = MeasurementReasons.NON_FINITE;
        } else if (total == 0) {
            reason = MeasurementReasons.SILENT;
        }
        for (int i = 0; i < steps; i++) {
            series[i] = reason == null ? (float) stepCorrelation.get(i) : Float.NaN;
        }
        out.put(MeasurementIds.CORRELATION_SERIES, new Series(0.1, series, Units.RATIO));
        if (reason != null) {
            for (String id : new String[]{MeasurementIds.BALANCE, MeasurementIds.WIDTH, MeasurementIds.MONO_SUM_LOSS}) {
                out.put(id, Scalar.absent(Units.DB, reason));
            }
            out.put(MeasurementIds.PAN, Scalar.absent(Units.PERCENT, reason));
            out.put(MeasurementIds.CORRELATION, Scalar.absent(Units.RATIO, reason));
        } else if (stereo) {
            out.put(MeasurementIds.BALANCE, Scalar.of(StereoEnergies.ratioDb(energyLeft, energyRight), Units.DB));
            out.put(MeasurementIds.PAN, Scalar.of(StereoEnergies.panPercent(energyLeft, energyRight), Units.PERCENT));
            out.put(MeasurementIds.CORRELATION, correlationScalar(energyLeft, energyRight, cross));
            out.put(MeasurementIds.WIDTH, Scalar.of(StereoEnergies.widthDb(energyLeft, energyRight, cross), Units.DB));
            out.put(MeasurementIds.MONO_SUM_LOSS,
                    Scalar.of(StereoEnergies.monoSumLossDb(energyLeft, energyRight, cross), Units.DB));
        } else {
            out.put(MeasurementIds.BALANCE, Scalar.of(0, Units.DB));
            out.put(MeasurementIds.PAN, Scalar.of(0, Units.PERCENT));
            out.put(MeasurementIds.CORRELATION, Scalar.of(1, Units.RATIO));
            out.put(MeasurementIds.WIDTH, Scalar.absent(Units.DB, MeasurementReasons.MONO));
            out.put(MeasurementIds.MONO_SUM_LOSS, Scalar.of(0, Units.DB));
        }
        return out;
    }

    private static Scalar correlationScalar(double left, double right, double cross) {
        double r = StereoEnergies.correlation(left, right, cross);
        return Double.isNaN(r)
                ? Scalar.absent(Units.RATIO, MeasurementReasons.ONE_SIDE_SILENT)
                : Scalar.of(r, Units.RATIO);
    }
}
