package io.mixbench.meter.standard.internal;

/**
 * The interpolator of the true-peak meter (BS.1770-5 Annex 2), designed for one sample rate: an oversampling factor
 * {@code n = 2r} realised as two stages. Stage 1 doubles the rate with the half-sample phase of a 48-tap Kaiser
 * windowed sinc (flat to 0.01 dB up to 0.4535 fs, i.e. 20 kHz at 44.1 kHz); stage 2 interpolates that 2x signal by
 * {@code r} with a 12-tap windowed sinc, which is enough because the 2x signal's content sits below a quarter of its
 * rate. Two stages cost about a third of one 48-tap polyphase stage at {@code n = 10}.
 *
 * <p>
 * The factor follows BS.1770-5 Attachment 1: a sine at {@code f} read on a grid {@code n fs} under-reads by at most
 * {@code 20 log10(cos(pi f / (n fs)))}. With {@code f} up to min(0.45 fs, 20 kHz) (the audio band, Tech 3343
 * section 11.2.3) the smallest even {@code n} that keeps this under 0.09 dB (0.01 dB left for the filters' ripple)
 * is 10 up to 48 kHz, 6 at 88.2/96 kHz, 4 at 176.4/192 kHz and 2 at 352.8/384 kHz.
 *
 * <p>
 * For the meter's skip test every output point is written as an exact linear function of the input samples (the
 * "composite kernel" of the cascade), split as {@code a x[m] + b x[m+1] + sum F[j] d[m-25+j]} with
 * {@code d[i] = x[i-1] - 2 x[i] + x[i+1]}; so no output point between {@code x[m]} and {@code x[m+1]} exceeds
 * {@link #anchorGain()} times {@code max(|x[m]|, |x[m+1]|)} plus {@link #curvatureGain()} times the largest
 * {@code |d|} in reach. Music is mostly low-frequency near its peaks, where {@code d} is small: the bound is tight
 * and most of the signal need not be interpolated at all.
 */
public final class TruePeakOversampler {

    /** Stage 1: input samples on each side of a half-sample point. */
    public static final int HALF_TAPS = 24;
    /** Stage 2: 2x samples on each side of an interpolated point. */
    public static final int STAGE2_HALF_TAPS = 6;
    /** Input samples before {@code x[m]} that a point between {@code x[m]} and {@code x[m+1]} depends on. */
    public static final int REACH_BEFORE = HALF_TAPS - 1 + STAGE2_HALF_TAPS / 2;
    /** Input samples after {@code x[m]} that a point between {@code x[m]} and {@code x[m+1]} depends on. */
    public static final int REACH_AFTER = HALF_TAPS + (STAGE2_HALF_TAPS + 1) / 2;
    /** The largest under-read of a sine in the audio band that the factor allows, dB. */
    public static final double MAX_GRID_UNDER_READ_DB = 0.09;
    /** The top of the band the factor is chosen for, Hz (below 44.4 kHz: 0.45 fs). */
    public static final double AUDIO_BAND_HZ = 20_000;

    private static final double STAGE1_BETA = 7.0;
    private static final double STAGE2_BETA = 6.0;

    private final int factor;
    private final int ratio;
    /** Stage 1 half-sample phase, first half: h[q] = h[47 - q]. */
    private final float[] half;
    /** Stage 2 fractions k / r, k = 1 .. r - 1, 12 taps each. */
    private final float[][] stage2;
    private final double anchorGain;
    private final double curvatureGain;
    private final double absoluteGain;
    private final double stage2AnchorGain;
    private final double stage2CurvatureGain;

    private TruePeakOversampler(int factor) {
        this.factor = factor;
        this.ratio = factor / 2;
        this.half = new float[HALF_TAPS];
        for (int q = 0; q < HALF_TAPS; q++) {
            double t = 0.5 + HALF_TAPS - 1 - q;
            half[q] = (float) (sinc(t) * kaiser(t / HALF_TAPS, STAGE1_BETA));
        }
        this.stage2 = new float[ratio - 1][2 * STAGE2_HALF_TAPS];
        for (int k = 1; k < ratio; k++) {
            for (int j = 0; j < 2 * STAGE2_HALF_TAPS; j++) {
                double t = (double) k / ratio + STAGE2_HALF_TAPS - 1 - j;
                stage2[k - 1][j] = (float) (sinc(t) * kaiser(t / STAGE2_HALF_TAPS, STAGE2_BETA));
            }
        }
        double a = 0;
        double f = 0;
        double g = 0;
        for (int p = 1; p < factor; p++) {
            double[] bound = bound(compositeKernel(p), REACH_BEFORE);
            a = Math.max(a, bound[0]);
            f = Math.max(f, bound[1]);
            g = Math.max(g, bound[2]);
        }
        double a2 = 1;
        double f2 = 0;
        for (float[] kernel : stage2) {
            double[] c = new double[kernel.length];
            for (int j = 0; j < c.length; j++) {
                c[j] = kernel[j];
            }
            double[] bound = bound(c, STAGE2_HALF_TAPS - 1);
            a2 = Math.max(a2, bound[0]);
            f2 = Math.max(f2, bound[1]);
        }
        this.stage2AnchorGain = a2;
        this.stage2CurvatureGain = f2;
        this.anchorGain = a;
        this.curvatureGain = f;
        this.absoluteGain = g;
    }

    /**
     * The skip bound of a kernel c whose point lies between the inputs at {@code anchor} and {@code anchor + 1}:
     * {anchor gain |a| + |b|, curvature gain sum |F|, sum |c|}.
     */
    private static double[] bound(double[] c, int anchor) {
        double s0 = 0;
        double s1 = 0;
        double abs = 0;
        for (int i = 0; i < c.length; i++) {
            s0 += c[i];
            s1 += i * c[i];
            abs += Math.abs(c[i]);
        }
        // Anchor weights matching the kernel's sum and first moment, so the rest has a double zero at DC and
        // divides exactly by the second difference.
        double b = s1 - anchor * s0;
        double a = s0 - b;
        double[] e = c.clone();
        e[anchor] -= a;
        e[anchor + 1] -= b;
        double run = 0;
        double run2 = 0;
        double sum = 0;
        for (double v : e) {
            run += v;
            run2 += run;
            sum += Math.abs(run2);
        }
        return new double[]{Math.abs(a) + Math.abs(b), sum, abs};
    }

    private static final TruePeakOversampler[] CACHE = new TruePeakOversampler[11];

    /** The interpolator for a sample rate. */
    public static synchronized TruePeakOversampler forSampleRate(int sampleRateHz) {
        int n = factorFor(sampleRateHz);
        if (CACHE[n] == null) {
            CACHE[n] = new TruePeakOversampler(n);
        }
        return CACHE[n];
    }

    /** The oversampling factor for a sample rate: even, at least 2, at most 10. */
    public static int factorFor(int sampleRateHz) {
        double band = Math.min(0.45 * sampleRateHz, AUDIO_BAND_HZ) / sampleRateHz;
        double limit = Math.acos(Math.pow(10, -MAX_GRID_UNDER_READ_DB / 20));
        int n = (int) Math.ceil(Math.PI * band / limit);
        n += n % 2;
        return Math.max(2, Math.min(10, n));
    }

    /** The worst-case under-read of the grid (BS.1770-5 Attachment 1) for a sine at {@code frequencyHz}, dB. */
    public static double gridUnderReadDb(double frequencyHz, int sampleRateHz, int factor) {
        return 20 * Math.log10(Math.cos(Math.PI * frequencyHz / ((double) factor * sampleRateHz)));
    }

    /** The oversampling factor n. */
    public int factor() {
        return factor;
    }

    /** The stage 2 factor r = n / 2. */
    public int ratio() {
        return ratio;
    }

    float[] half() {
        return half;
    }

    float[][] stage2() {
        return stage2;
    }

    /** Bound on |a| + |b| of the anchor weights over all phases. */
    public double anchorGain() {
        return anchorGain;
    }

    /** Bound on the sum of |F| over all phases. */
    public double curvatureGain() {
        return curvatureGain;
    }

    /** Stage 2's anchor gain: the bound of {@link #anchorGain()} for points computed from the 2x signal. */
    public double stage2AnchorGain() {
        return stage2AnchorGain;
    }

    /** Stage 2's curvature gain, applied to second differences of the 2x signal. */
    public double stage2CurvatureGain() {
        return stage2CurvatureGain;
    }

    /** The largest sum of absolute composite coefficients of a phase: no output exceeds it times max |x|. */
    public double absoluteGain() {
        return absoluteGain;
    }

    /**
     * The exact weights with which the cascade computes the point at {@code m + p / n} from
     * {@code x[m - REACH_BEFORE] .. x[m + REACH_AFTER]}, in double precision from the float coefficients used.
     *
     * @param p the phase, 1 .. n - 1
     */
    public double[] compositeKernel(int p) {
        double[] c = new double[REACH_BEFORE + REACH_AFTER + 1];
        // Point at 2x position 2m + p / r.
        int whole = p / ratio;
        int k = p % ratio;
        if (k == 0) {
            // Exactly the half-sample point between x[m] and x[m+1] (whole == 1).
            addHalf(c, 0, 1.0);
            return c;
        }
        // Between 2x samples t = 2m + whole and t + 1; stage 2 uses t - 5 .. t + 6.
        float[] g = stage2[k - 1];
        for (int j = 0; j < g.length; j++) {
            int t = whole + j - (STAGE2_HALF_TAPS - 1);
            int m = Math.floorDiv(t, 2);
            if (t % 2 == 0) {
                c[REACH_BEFORE + m] += g[j];
            } else {
                addHalf(c, m, g[j]);
            }
        }
        return c;
    }

    /** Adds weight times the half-sample point between x[m] and x[m+1] (relative m) to c. */
    private void addHalf(double[] c, int m, double weight) {
        for (int q = 0; q < 2 * HALF_TAPS; q++) {
            float h = half[q < HALF_TAPS ? q : 2 * HALF_TAPS - 1 - q];
            c[REACH_BEFORE + m - (HALF_TAPS - 1) + q] += weight * h;
        }
    }

    private static double sinc(double t) {
        if (t == 0) {
            return 1;
        }
        double x = Math.PI * t;
        return Math.sin(x) / x;
    }

    private static double kaiser(double u, double beta) {
        double r = 1 - u * u;
        return r <= 0 ? 0 : besselI0(beta * Math.sqrt(r)) / besselI0(beta);
    }

    /** Modified Bessel function of the first kind, order 0 (power series; converges fast for x below 30). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double halfX = x / 2;
        for (int k = 1; k < 200; k++) {
            term *= halfX / k;
            double t2 = term * term;
            sum += t2;
            if (t2 < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
