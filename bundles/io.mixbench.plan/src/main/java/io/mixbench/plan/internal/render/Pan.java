package io.mixbench.plan.internal.render;

/** Pan laws: the gains of a mono source in the left and right channels at a pan position. */
public final class Pan {

    private Pan() {
    }

    /**
     * The sin/cos law at unit power: cos and sin of (position + 100) / 200 x 90 degrees, so L^2 + R^2 = 1 at every
     * position (sqrt(0.5), -3.01 dB, each at the centre).
     *
     * @param panPercent -100 (left) .. +100 (right), %; beyond is held at the end
     */
    public static double[] constantPower(double panPercent) {
        double p = Math.max(-100, Math.min(100, panPercent));
        double angle = (p + 100) / 200 * Math.PI / 2;
        return new double[]{Math.cos(angle), Math.sin(angle)};
    }

    /**
     * The sin/cos law scaled to a session's pan law: {@code centreGainDb} in each channel at the centre, the same power
     * at every position (at -3 dB within 0.01 dB of {@link #constantPower}).
     *
     * @param centreGainDb the gain of a centred source in each channel, dB ({@code PanLaw.centreGainDb()})
     */
    public static double[] withLaw(double panPercent, double centreGainDb) {
        double[] gains = constantPower(panPercent);
        double scale = Math.pow(10, centreGainDb / 20) / Math.sqrt(0.5);
        return new double[]{gains[0] * scale, gains[1] * scale};
    }
}
