package io.mixbench.meter.standard.internal;

/**
 * BS.1770-5 K-weighting designed for any sample rate from the analog prototype (the parameters libebur128 and
 * FFmpeg fit to the 48 kHz table), bilinear transform with {@code K = tan(pi f0 / fs)}. At 48 kHz it reproduces
 * Tables 1 and 2 of BS.1770-5 to about 14 digits.
 */
public final class KWeighting {

    private static final double SHELF_F0_HZ = 1681.974450955533;
    private static final double SHELF_GAIN_DB = 3.999843853973347;
    private static final double SHELF_Q = 0.7071752369554196;
    private static final double SHELF_VB_EXPONENT = 0.4996667741545416;
    private static final double HIGH_PASS_F0_HZ = 38.13547087602444;
    private static final double HIGH_PASS_Q = 0.5003270373238773;

    private KWeighting() {
    }

    /** Stage 1, the high-shelf "head" pre-filter. */
    public static Biquad shelf(double sampleRateHz) {
        double k = Math.tan(Math.PI * SHELF_F0_HZ / sampleRateHz);
        double vh = Math.pow(10, SHELF_GAIN_DB / 20);
        double vb = Math.pow(vh, SHELF_VB_EXPONENT);
        double kq = k / SHELF_Q;
        double k2 = k * k;
        double a0 = 1 + kq + k2;
        return new Biquad((vh + vb * kq + k2) / a0, 2 * (k2 - vh) / a0, (vh - vb * kq + k2) / a0, 2 * (k2 - 1) / a0,
                (1 - kq + k2) / a0);
    }

    /** Stage 2, the RLB high-pass; its numerator is exactly [1, -2, 1] as in BS.1770 Table 2. */
    public static Biquad highPass(double sampleRateHz) {
        double k = Math.tan(Math.PI * HIGH_PASS_F0_HZ / sampleRateHz);
        double kq = k / HIGH_PASS_Q;
        double k2 = k * k;
        double a0 = 1 + kq + k2;
        return new Biquad(1, -2, 1, 2 * (k2 - 1) / a0, (1 - kq + k2) / a0);
    }
}
