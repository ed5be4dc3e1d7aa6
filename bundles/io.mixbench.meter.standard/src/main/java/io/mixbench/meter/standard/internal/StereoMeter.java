package io.mixbench.meter.standard.internal;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Meter;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * L/R balance, energy pan position, and the same below a low-end crossover (4th-order Butterworth low-pass,
 * 200 Hz) together with the low end's side-to-mid energy ratio. Channel 0 is left, channel 1 right. A mono file
 * is centred (balance and pans 0, no side); other channel counts get no values.
 */
public final class StereoMeter implements Meter {

    /** Crossover of the low-end measurements, Hz. */
    public static final double CROSSOVER_HZ = 200;
    /** Below this AES17 RMS level (dBFS) of the low-passed signal there is no low end to judge. */
    public static final double LOW_END_FLOOR_DBFS = -90;
    /** Limit of |balance| and |lowEndSide|, dB. */
    public static final double LIMIT_DB = 100;

    private static final int CHUNK = 1024;
    private static final double DENORMAL_FLOOR = 1e-25;

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
    private double energyLeft;
    private double energyRight;
    private double lowLeft;
    private double lowRight;
    /** Sums of (l + r)^2 and (l - r)^2 of the low-passed channels, i.e. 4 x mid and side energy. */
    private double lowMid;
    private double lowSide;
    private boolean finished;

    /**
     * @param sampleRateHz the file's sample rate, Hz; the crossover is designed for it
     * @param channels the channel count
     */
    public StereoMeter(int sampleRateHz, int channels) {
        this.channels = channels;
        Biquad[] lowPass = Butterworth.lowPass4(CROSSOVER_HZ, sampleRateHz);
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
    }

    @Override
    public void process(float[][] block, int frameCount) {
        if (finished) {
            throw new IllegalStateException("process after finish");
        }
        if (channels > 2) {
            return;
        }
        for (int offset = 0; offset < frameCount; offset += CHUNK) {
            int n = Math.min(CHUNK, frameCount - offset);
            if (channels == 2) {
                stereo(block[0], block[1], offset, n);
            } else {
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
        }
        frames += frameCount;
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
        double el = 0;
        double er = 0;
        double ll = 0;
        double lr = 0;
        double mid = 0;
        double side = 0;
        for (int i = offset, end = offset + n; i < end; i++) {
            double xl = left[i];
            double xr = right[i];
            el += xl * xl;
            er += xr * xr;
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
            double m = ul + ur;
            double s = ul - ur;
            mid += m * m;
            side += s * s;
        }
        zl[0] = l11;
        zl[1] = l12;
        zl[2] = l21;
        zl[3] = l22;
        zr[0] = r11;
        zr[1] = r12;
        zr[2] = r21;
        zr[3] = r22;
        energyLeft += el;
        energyRight += er;
        lowLeft += ll;
        lowRight += lr;
        lowMid += mid;
        lowSide += side;
    }

    private void mono(float[] x, int offset, int n) {
        double[] z = state[0];
        double z11 = z[0];
        double z12 = z[1];
        double z21 = z[2];
        double z22 = z[3];
        double e = 0;
        double low = 0;
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
        energyLeft += e;
        lowLeft += low;
    }

    @Override
    public Map<String, Measurement> finish() {
        if (finished) {
            throw new IllegalStateException("finish called twice");
        }
        finished = true;
        Map<String, Measurement> out = new LinkedHashMap<>();
        if (channels > 2) {
            out.put(MeasurementIds.BALANCE, Scalar.absent(Units.DB, Reasons.NOT_STEREO));
            out.put(MeasurementIds.PAN, Scalar.absent(Units.PERCENT, Reasons.NOT_STEREO));
            out.put(MeasurementIds.LOW_END_PAN, Scalar.absent(Units.PERCENT, Reasons.NOT_STEREO));
            out.put(MeasurementIds.LOW_END_SIDE, Scalar.absent(Units.DB, Reasons.NOT_STEREO));
            return out;
        }
        boolean stereo = channels == 2;
        double total = energyLeft + energyRight;
        double low = lowLeft + lowRight;
        String reason = null;
        if (!Double.isFinite(total) || !Double.isFinite(low) || !Double.isFinite(lowMid + lowSide)) {
            reason = Reasons.NON_FINITE;
        } else if (total == 0) {
            reason = Reasons.SILENT;
        }
        String lowReason = reason;
        if (lowReason == null && (frames == 0 || Db.aes17(low / ((double) frames * channels)) < LOW_END_FLOOR_DBFS
                || low == 0)) {
            lowReason = Reasons.NO_LOW_END;
        }
        if (reason != null) {
            out.put(MeasurementIds.BALANCE, Scalar.absent(Units.DB, reason));
            out.put(MeasurementIds.PAN, Scalar.absent(Units.PERCENT, reason));
        } else {
            out.put(MeasurementIds.BALANCE, Scalar.of(stereo ? balance(energyLeft, energyRight) : 0, Units.DB));
            out.put(MeasurementIds.PAN, Scalar.of(stereo ? pan(energyLeft, energyRight) : 0, Units.PERCENT));
        }
        if (lowReason != null) {
            out.put(MeasurementIds.LOW_END_PAN, Scalar.absent(Units.PERCENT, lowReason));
        } else {
            out.put(MeasurementIds.LOW_END_PAN, Scalar.of(stereo ? pan(lowLeft, lowRight) : 0, Units.PERCENT));
        }
        if (!stereo) {
            out.put(MeasurementIds.LOW_END_SIDE, Scalar.absent(Units.DB, Reasons.MONO));
        } else if (lowReason != null) {
            out.put(MeasurementIds.LOW_END_SIDE, Scalar.absent(Units.DB, lowReason));
        } else {
            out.put(MeasurementIds.LOW_END_SIDE, Scalar.of(ratioDb(lowSide, lowMid), Units.DB));
        }
        return out;
    }

    /** 10 log10(EL / ER), dB, limited to +-100 (one silent channel reads +-100). */
    static double balance(double energyLeft, double energyRight) {
        return ratioDb(energyLeft, energyRight);
    }

    /** Energy pan position, -100 (hard left) .. +100 (hard right), %. */
    static double pan(double energyLeft, double energyRight) {
        double theta = Math.atan2(Math.sqrt(energyRight), Math.sqrt(energyLeft));
        return (theta / (Math.PI / 4) - 1) * 100;
    }

    private static double ratioDb(double numerator, double denominator) {
        if (numerator == 0) {
            return -LIMIT_DB;
        }
        if (denominator == 0) {
            return LIMIT_DB;
        }
        return Math.max(-LIMIT_DB, Math.min(LIMIT_DB, 10 * Math.log10(numerator / denominator)));
    }
}
