package io.mixbench.meter.standard.internal;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Meter;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Units;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stereo picture: L/R balance, energy pan position, phase correlation (overall and per 100 ms), width (side to
 * mid energy), mono-sum loss, and below a low-end crossover (4th-order Butterworth low-pass, default 200 Hz) the
 * balance, pan, side energy and correlation. Channel 0 is left, channel 1 right.
 *
 * <p>
 * Correlation is {@code sum(L R) / sqrt(sum(L^2) sum(R^2))} without removing the mean, as phase meters do. Mono-sum
 * loss folds {@code M = (L + R) / 2} onto both channels and compares the energy:
 * {@code 10 log10(sum((L + R)^2) / (2 (sum(L^2) + sum(R^2))))}, so a centred part reads 0 dB, a hard-panned or
 * decorrelated one -3 dB, and only negative correlation reads lower (down to the -100 dB limit). A mono file is
 * centred: balance, pans and loss 0, correlation 1, no width or side. Other channel counts get no values.
 */
public final class StereoMeter implements Meter {

    /** Default crossover of the low-end measurements, Hz. */
    public static final double DEFAULT_CROSSOVER_HZ = 200;
    /** Below this AES17 RMS level (dBFS) of the low-passed signal there is no low end to judge. */
    public static final double LOW_END_FLOOR_DBFS = -90;
    /** Limit of all dB ratios here (one side silent reads the limit), dB. */
    public static final double LIMIT_DB = 100;

    private static final int CHUNK = 1024;
    private static final double DENORMAL_FLOOR = 1e-25;
    private static final int STEPS_PER_SECOND = 10;

    private final int sampleRateHz;
    private final int channels;
    private final double s1b0;
    private final double s1b1;
    private final double s1b2;
    private final double s1a1;
    private final double s1a2;
    private final double s2b0;
    private final double s2b1;
    private final double s2b2;
    private final double s2a1;
    private final double s2a2;
    /** Low-pass states, [channel][stage 1 z1, z2, stage 2 z1, z2]. */
    private final double[][] state;

    private long frames;
    private long stepIndex;
    private long nextStepEnd;
    /** Sums of the current step: L^2, R^2, L R. */
    private double stepLeft;
    private double stepRight;
    private double stepCross;
    private final GrowableArray stepCorrelation;

    private double energyLeft;
    private double energyRight;
    private double cross;
    /** Sums of (L + R)^2 and (L - R)^2, i.e. 4 x mid and side energy. */
    private double sumEnergy;
    private double differenceEnergy;
    private double lowLeft;
    private double lowRight;
    private double lowCross;
    private double lowMid;
    private double lowSide;
    private boolean finished;

    /**
     * @param sampleRateHz the file's sample rate, Hz; the crossover is designed for it
     * @param channels the channel count
     */
    public StereoMeter(int sampleRateHz, int channels) {
        this(sampleRateHz, channels, DEFAULT_CROSSOVER_HZ, -1);
    }

    /**
     * @param sampleRateHz the file's sample rate, Hz; the crossover is designed for it
     * @param channels the channel count
     * @param crossoverHz the low-end crossover, Hz
     * @param declaredFrames the header's frame count, or -1; only sizes buffers
     */
    public StereoMeter(int sampleRateHz, int channels, double crossoverHz, long declaredFrames) {
        this.sampleRateHz = sampleRateHz;
        this.channels = channels;
        Biquad[] lowPass = Butterworth.lowPass4(crossoverHz, sampleRateHz);
        s1b0 = lowPass[0].b0();
        s1b1 = lowPass[0].b1();
        s1b2 = lowPass[0].b2();
        s1a1 = lowPass[0].a1();
        s1a2 = lowPass[0].a2();
        s2b0 = lowPass[1].b0();
        s2b1 = lowPass[1].b1();
        s2b2 = lowPass[1].b2();
        s2a1 = lowPass[1].a1();
        s2a2 = lowPass[1].a2();
        state = new double[Math.min(channels, 2)][4];
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
            int n = (int) Math.min(Math.min(CHUNK, frameCount - offset), nextStepEnd - frames);
            if (channels == 2) {
                stereo(block[0], block[1], offset, n);
            } else if (channels == 1) {
                mono(block[0], offset, n);
            }
            // Chunks of at most 1024 frames: tails are flushed long before they decay into subnormals.
            for (double[] z : state) {
                for (int j = 0; j < z.length; j++) {
                    if (Math.abs(z[j]) < DENORMAL_FLOOR) {
                        z[j] = 0;
                    }
                }
            }
            frames += n;
            offset += n;
            if (frames == nextStepEnd) {
                closeStep();
            }
        }
    }

    private void closeStep() {
        stepCorrelation.add(correlation(stepLeft, stepRight, stepCross));
        energyLeft += stepLeft;
        energyRight += stepRight;
        cross += stepCross;
        stepLeft = 0;
        stepRight = 0;
        stepCross = 0;
        stepIndex++;
        nextStepEnd = stepEnd(stepIndex);
    }

    private void stereo(float[] left, float[] right, int offset, int n) {
        final double b10 = s1b0;
        final double b11 = s1b1;
        final double b12 = s1b2;
        final double a11 = s1a1;
        final double a12 = s1a2;
        final double b20 = s2b0;
        final double b21 = s2b1;
        final double b22 = s2b2;
        final double a21 = s2a1;
        final double a22 = s2a2;
        double[] zl = state[0];
        double[] zr = state[1];
        double l11 = zl[0];
        double l12 = zl[1];
        double l21 = zl[2];
        double l22 = zl[3];
        double r11 = zr[0];
        double r12 = zr[1];
        double r21 = zr[2];
        double r22 = zr[3];
        double el = stepLeft;
        double er = stepRight;
        double elr = stepCross;
        double sum = sumEnergy;
        double difference = differenceEnergy;
        double ll = lowLeft;
        double lr = lowRight;
        double llr = lowCross;
        double mid = lowMid;
        double side = lowSide;
        for (int i = offset, end = offset + n; i < end; i++) {
            double xl = left[i];
            double xr = right[i];
            el += xl * xl;
            er += xr * xr;
            elr += xl * xr;
            double s = xl + xr;
            double d = xl - xr;
            sum += s * s;
            difference += d * d;
            double yl = b10 * xl + l11;
            l11 = (b11 * xl + l12) - a11 * yl;
            l12 = b12 * xl - a12 * yl;
            double ul = b20 * yl + l21;
            l21 = (b21 * yl + l22) - a21 * ul;
            l22 = b22 * yl - a22 * ul;
            double yr = b10 * xr + r11;
            r11 = (b11 * xr + r12) - a11 * yr;
            r12 = b12 * xr - a12 * yr;
            double ur = b20 * yr + r21;
            r21 = (b21 * yr + r22) - a21 * ur;
            r22 = b22 * yr - a22 * ur;
            ll += ul * ul;
            lr += ur * ur;
            llr += ul * ur;
            double m = ul + ur;
            double sd = ul - ur;
            mid += m * m;
            side += sd * sd;
        }
        zl[0] = l11;
        zl[1] = l12;
        zl[2] = l21;
        zl[3] = l22;
        zr[0] = r11;
        zr[1] = r12;
        zr[2] = r21;
        zr[3] = r22;
        stepLeft = el;
        stepRight = er;
        stepCross = elr;
        sumEnergy = sum;
        differenceEnergy = difference;
        lowLeft = ll;
        lowRight = lr;
        lowCross = llr;
        lowMid = mid;
        lowSide = side;
    }

    private void mono(float[] x, int offset, int n) {
        double[] z = state[0];
        double z11 = z[0];
        double z12 = z[1];
        double z21 = z[2];
        double z22 = z[3];
        double e = stepLeft;
        double low = lowLeft;
        for (int i = offset, end = offset + n; i < end; i++) {
            double v = x[i];
            e += v * v;
            double y = s1b0 * v + z11;
            z11 = (s1b1 * v + z12) - s1a1 * y;
            z12 = s1b2 * v - s1a2 * y;
            double u = s2b0 * y + z21;
            z21 = (s2b1 * y + z22) - s2a1 * u;
            z22 = s2b2 * y - s2a2 * u;
            low += u * u;
        }
        z[0] = z11;
        z[1] = z12;
        z[2] = z21;
        z[3] = z22;
        // A mono file is its own left and right: fully correlated.
        stepLeft = e;
        stepRight = e;
        stepCross = e;
        lowLeft = low;
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
            for (String id : new String[]{MeasurementIds.BALANCE, StandardIds.WIDTH, MeasurementIds.LOW_END_SIDE,
                    StandardIds.MONO_SUM_LOSS, StandardIds.LOW_END_BALANCE}) {
                out.put(id, Scalar.absent(Units.DB, Reasons.NOT_STEREO));
            }
            out.put(MeasurementIds.PAN, Scalar.absent(Units.PERCENT, Reasons.NOT_STEREO));
            out.put(MeasurementIds.LOW_END_PAN, Scalar.absent(Units.PERCENT, Reasons.NOT_STEREO));
            out.put(StandardIds.CORRELATION, Scalar.absent(Units.RATIO, Reasons.NOT_STEREO));
            out.put(StandardIds.LOW_END_CORRELATION, Scalar.absent(Units.RATIO, Reasons.NOT_STEREO));
            java.util.Arrays.fill(series, Float.NaN);
            out.put(StandardIds.CORRELATION_SERIES, new Series(0.1, series, Units.RATIO));
            return out;
        }
        boolean stereo = channels == 2;
        double total = energyLeft + energyRight;
        double low = lowLeft + lowRight;
        String reason = null;
        if (!Double.isFinite(total) || !Double.isFinite(low) || !Double.isFinite(lowMid + lowSide + cross)) {
            reason = Reasons.NON_FINITE;
        } else if (total == 0) {
            reason = Reasons.SILENT;
        }
        String lowReason = reason;
        if (lowReason == null && (frames == 0 || Db.aes17(low / ((double) frames * channels)) < LOW_END_FLOOR_DBFS
                || low == 0)) {
            lowReason = Reasons.NO_LOW_END;
        }
        for (int i = 0; i < steps; i++) {
            series[i] = reason == null ? (float) stepCorrelation.get(i) : Float.NaN;
        }
        out.put(StandardIds.CORRELATION_SERIES, new Series(0.1, series, Units.RATIO));
        if (reason != null) {
            for (String id : new String[]{MeasurementIds.BALANCE, StandardIds.WIDTH, StandardIds.MONO_SUM_LOSS}) {
                out.put(id, Scalar.absent(Units.DB, reason));
            }
            out.put(MeasurementIds.PAN, Scalar.absent(Units.PERCENT, reason));
            out.put(StandardIds.CORRELATION, Scalar.absent(Units.RATIO, reason));
        } else if (stereo) {
            out.put(MeasurementIds.BALANCE, Scalar.of(ratioDb(energyLeft, energyRight), Units.DB));
            out.put(MeasurementIds.PAN, Scalar.of(pan(energyLeft, energyRight), Units.PERCENT));
            out.put(StandardIds.CORRELATION, correlationScalar(energyLeft, energyRight, cross, reason));
            out.put(StandardIds.WIDTH, Scalar.of(ratioDb(differenceEnergy, sumEnergy), Units.DB));
            out.put(StandardIds.MONO_SUM_LOSS, Scalar.of(ratioDb(sumEnergy, 2 * total), Units.DB));
        } else {
            out.put(MeasurementIds.BALANCE, Scalar.of(0, Units.DB));
            out.put(MeasurementIds.PAN, Scalar.of(0, Units.PERCENT));
            out.put(StandardIds.CORRELATION, Scalar.of(1, Units.RATIO));
            out.put(StandardIds.WIDTH, Scalar.absent(Units.DB, Reasons.MONO));
            out.put(StandardIds.MONO_SUM_LOSS, Scalar.of(0, Units.DB));
        }
        if (lowReason != null) {
            out.put(MeasurementIds.LOW_END_PAN, Scalar.absent(Units.PERCENT, lowReason));
            out.put(StandardIds.LOW_END_BALANCE, Scalar.absent(Units.DB, lowReason));
            out.put(StandardIds.LOW_END_CORRELATION, Scalar.absent(Units.RATIO, lowReason));
            out.put(MeasurementIds.LOW_END_SIDE, Scalar.absent(Units.DB, stereo ? lowReason : Reasons.MONO));
        } else if (stereo) {
            out.put(MeasurementIds.LOW_END_PAN, Scalar.of(pan(lowLeft, lowRight), Units.PERCENT));
            out.put(StandardIds.LOW_END_BALANCE, Scalar.of(ratioDb(lowLeft, lowRight), Units.DB));
            out.put(StandardIds.LOW_END_CORRELATION, correlationScalar(lowLeft, lowRight, lowCross, null));
            out.put(MeasurementIds.LOW_END_SIDE, Scalar.of(ratioDb(lowSide, lowMid), Units.DB));
        } else {
            out.put(MeasurementIds.LOW_END_PAN, Scalar.of(0, Units.PERCENT));
            out.put(StandardIds.LOW_END_BALANCE, Scalar.of(0, Units.DB));
            out.put(StandardIds.LOW_END_CORRELATION, Scalar.of(1, Units.RATIO));
            out.put(MeasurementIds.LOW_END_SIDE, Scalar.absent(Units.DB, Reasons.MONO));
        }
        return out;
    }

    private static Scalar correlationScalar(double left, double right, double cross, String reason) {
        double r = correlation(left, right, cross);
        return Double.isNaN(r) ? Scalar.absent(Units.RATIO, Reasons.ONE_SIDE_SILENT) : Scalar.of(r, Units.RATIO);
    }

    /** Phase correlation, -1..1; NaN when a side carries no energy. */
    static double correlation(double left, double right, double cross) {
        if (!(left > 0 && right > 0)) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, cross / Math.sqrt(left * right)));
    }

    /** Energy pan position, -100 (hard left) .. +100 (hard right), %. */
    static double pan(double energyLeft, double energyRight) {
        double theta = Math.atan2(Math.sqrt(energyRight), Math.sqrt(energyLeft));
        return (theta / (Math.PI / 4) - 1) * 100;
    }

    /** 10 log10(numerator / denominator), dB, limited to +-100 (a zero side reads the limit). */
    static double ratioDb(double numerator, double denominator) {
        if (numerator == 0) {
            return -LIMIT_DB;
        }
        if (denominator == 0) {
            return LIMIT_DB;
        }
        return Math.max(-LIMIT_DB, Math.min(LIMIT_DB, 10 * Math.log10(numerator / denominator)));
    }
}
