package io.mixbench.plan.internal.render;

/** One filter section of up to second order, transposed direct form II, in double. Not thread-safe. */
final class Biquad {

    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
    private double z1;
    private double z2;

    private Biquad(double b0, double b1, double b2, double a1, double a2) {
        this.b0 = b0;
        this.b1 = b1;
        this.b2 = b2;
        this.a1 = a1;
        this.a2 = a2;
    }

    /**
     * A second-order high-pass at {@code cornerHz} with quality {@code q} (the bilinear transform prewarped at the
     * corner, as in the RBJ cookbook): its gain at the corner is exactly {@code q}.
     */
    static Biquad highPass(double cornerHz, double q, double sampleRateHz) {
        double w0 = 2 * Math.PI * cornerHz / sampleRateHz;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        return new Biquad((1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    /** A first-order high-pass at {@code cornerHz} (bilinear, prewarped): -3.01 dB at the corner. */
    static Biquad firstOrderHighPass(double cornerHz, double sampleRateHz) {
        double k = Math.tan(Math.PI * cornerHz / sampleRateHz);
        return new Biquad(1 / (1 + k), -1 / (1 + k), 0, (k - 1) / (k + 1), 0);
    }

    /** Filters {@code x[0..frames)} in place, carrying the state over from the previous call. */
    void process(double[] x, int frames) {
        double s1 = z1;
        double s2 = z2;
        for (int i = 0; i < frames; i++) {
            double in = x[i];
            double out = b0 * in + s1;
            s1 = b1 * in - a1 * out + s2;
            s2 = b2 * in - a2 * out;
            x[i] = out;
        }
        z1 = s1;
        z2 = s2;
    }
}
