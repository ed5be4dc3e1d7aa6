package io.mixbench.meter.standard.internal;

/**
 * Slow, obviously correct true-peak references for the tests, in double precision, with silence outside the
 * signal: a 32x oversampled ideal interpolator, and the meter's own cascade evaluated point by point from its
 * composite kernels.
 */
final class ReferenceTruePeak {

    /** 32x with a 256-tap Kaiser-windowed sinc per phase: under-reads a 0.45 fs sine by at most 0.009 dB. */
    static final int FACTOR = 32;
    private static final int HALF = 128;
    private static final double BETA = 12;

    private ReferenceTruePeak() {
    }

    /** max over the 32x grid and the samples of |x|, linear. */
    static double oversampled32(float[] x) {
        double[][] kernels = new double[FACTOR][2 * HALF];
        for (int p = 1; p < FACTOR; p++) {
            for (int k = 0; k < 2 * HALF; k++) {
                // Weight of x[m - HALF + 1 + k] for the point m + p / 32.
                double t = (double) p / FACTOR + HALF - 1 - k;
                kernels[p][k] = sinc(t) * TruePeakOversamplerAccess.kaiser(t / HALF, BETA);
            }
        }
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        for (int m = -HALF; m < x.length + HALF; m++) {
            for (int p = 1; p < FACTOR; p++) {
                double y = 0;
                double[] h = kernels[p];
                for (int k = 0; k < 2 * HALF; k++) {
                    int i = m - HALF + 1 + k;
                    if (i >= 0 && i < x.length) {
                        y += h[k] * x[i];
                    }
                }
                peak = Math.max(peak, Math.abs(y));
            }
        }
        return peak;
    }

    /** Runs of consecutive 32x points above full scale. */
    static int oversampled32Overs(float[] x) {
        double[][] kernels = new double[FACTOR][2 * HALF];
        for (int p = 0; p < FACTOR; p++) {
            for (int k = 0; k < 2 * HALF; k++) {
                double t = (double) p / FACTOR + HALF - 1 - k;
                kernels[p][k] = sinc(t) * TruePeakOversamplerAccess.kaiser(t / HALF, BETA);
            }
        }
        int runs = 0;
        boolean over = false;
        for (int m = -HALF; m < x.length + HALF; m++) {
            for (int p = 0; p < FACTOR; p++) {
                double y;
                if (p == 0) {
                    y = m >= 0 && m < x.length ? x[m] : 0;
                } else {
                    y = 0;
                    for (int k = 0; k < 2 * HALF; k++) {
                        int i = m - HALF + 1 + k;
                        if (i >= 0 && i < x.length) {
                            y += kernels[p][k] * x[i];
                        }
                    }
                }
                if (Math.abs(y) > 1) {
                    runs += over ? 0 : 1;
                    over = true;
                } else {
                    over = false;
                }
            }
        }
        return runs;
    }

    /**
     * The meter's cascade, point by point: every point m + p / n as the composite kernel's weighted sum, plus the
     * samples themselves. Returns the largest magnitude.
     */
    static double cascade(float[] x, int sampleRateHz) {
        TruePeakOversampler o = TruePeakOversampler.forSampleRate(sampleRateHz);
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        for (int p = 1; p < o.factor(); p++) {
            double[] c = o.compositeKernel(p);
            for (int m = -TruePeakOversampler.REACH_AFTER - 1; m < x.length + TruePeakOversampler.REACH_BEFORE; m++) {
                peak = Math.max(peak, Math.abs(point(x, c, m)));
            }
        }
        return peak;
    }

    /** One point of the cascade: sum of c[i] x[m - REACH_BEFORE + i]. */
    static double point(float[] x, double[] c, int m) {
        double y = 0;
        for (int i = 0; i < c.length; i++) {
            int j = m - TruePeakOversampler.REACH_BEFORE + i;
            if (j >= 0 && j < x.length) {
                y += c[i] * x[j];
            }
        }
        return y;
    }

    private static double sinc(double t) {
        if (t == 0) {
            return 1;
        }
        double v = Math.PI * t;
        return Math.sin(v) / v;
    }

    /** Window function without reaching into the production class's private helpers. */
    static final class TruePeakOversamplerAccess {
        private TruePeakOversamplerAccess() {
        }

        static double kaiser(double u, double beta) {
            double r = 1 - u * u;
            return r <= 0 ? 0 : TruePeakOversampler.besselI0(beta * Math.sqrt(r)) / TruePeakOversampler.besselI0(beta);
        }
    }
}
