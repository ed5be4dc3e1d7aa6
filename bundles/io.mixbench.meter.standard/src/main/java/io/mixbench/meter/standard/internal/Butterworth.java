package io.mixbench.meter.standard.internal;

/** Butterworth low-pass filters as cascades of biquads (bilinear transform, pre-warped at the cut-off). */
public final class Butterworth {

    private Butterworth() {
    }

    /**
     * A 4th-order low-pass (-3.01 dB at {@code cutoffHz}, 24 dB/octave) as two biquads.
     *
     * @param cutoffHz cut-off frequency, Hz; limited to 0.45 of the sample rate
     * @param sampleRateHz sample rate, Hz
     */
    public static Biquad[] lowPass4(double cutoffHz, double sampleRateHz) {
        double f0 = Math.min(cutoffHz, 0.45 * sampleRateHz);
        // Pole pairs of the 4th-order Butterworth prototype: Q = 1 / (2 cos(theta)), theta = pi/8, 3pi/8.
        return new Biquad[]{lowPass2(f0, sampleRateHz, 1 / (2 * Math.cos(Math.PI / 8))),
                lowPass2(f0, sampleRateHz, 1 / (2 * Math.cos(3 * Math.PI / 8)))};
    }

    /** A second-order low-pass (RBJ cookbook form). */
    static Biquad lowPass2(double f0, double sampleRateHz, double q) {
        double w0 = 2 * Math.PI * f0 / sampleRateHz;
        double cos = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        double b = (1 - cos) / 2 / a0;
        return new Biquad(b, 2 * b, b, -2 * cos / a0, (1 - alpha) / a0);
    }
}
