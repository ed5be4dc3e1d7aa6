package io.mixbench.plan.internal.render;

/** Test signals and levels. */
final class Signals {

    static final double RATE_HZ = 48_000;

    private Signals() {
    }

    static double[] sine(double hz, double amplitude, int frames) {
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / RATE_HZ);
        }
        return x;
    }

    static float[] floats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    /** Energy (sum of squares) of {@code x[from..)}. */
    static double energy(double[] x, int from) {
        double e = 0;
        for (int i = from; i < x.length; i++) {
            e += x[i] * x[i];
        }
        return e;
    }

    /** The amplitude of the {@code hz} component of {@code x[from..)}, which holds whole periods of it. */
    static double amplitude(double[] x, double hz, int from) {
        double sin = 0;
        double cos = 0;
        for (int i = from; i < x.length; i++) {
            double phase = 2 * Math.PI * hz * i / RATE_HZ;
            sin += x[i] * Math.sin(phase);
            cos += x[i] * Math.cos(phase);
        }
        return 2 * Math.hypot(sin, cos) / (x.length - from);
    }

    static double db(double energyRatio) {
        return 10 * Math.log10(energyRatio);
    }
}
