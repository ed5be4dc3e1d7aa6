package io.mixbench.meter.spectrum.internal;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.Meter;
import java.util.Map;
import java.util.SplittableRandom;

/** Synthesised test signals; {@link TestSignalsTest} checks them without the meter's code. */
final class TestSignals {

    /**
     * Paul Kellet's refined pink-noise filter: six one-pole sections in parallel plus a direct and a one-sample
     * delayed path. Poles, then the gains of white noise into each section.
     */
    static final double[] PINK_POLES = {0.99886, 0.99332, 0.96900, 0.86650, 0.55000, -0.7616};
    static final double[] PINK_GAINS = {0.0555179, 0.0750759, 0.1538520, 0.3104856, 0.5329522, -0.0168980};
    static final double PINK_DIRECT = 0.5362;
    static final double PINK_DELAYED = 0.115926;

    private TestSignals() {
    }

    /** The pink filter with its state, for generating long streams block by block. */
    static final class PinkFilter {
        private final double[] state = new double[PINK_POLES.length];
        private double delayed;

        double next(double white) {
            double out = delayed + PINK_DIRECT * white;
            for (int i = 0; i < state.length; i++) {
                state[i] = PINK_POLES[i] * state[i] + PINK_GAINS[i] * white;
                out += state[i];
            }
            delayed = PINK_DELAYED * white;
            return out;
        }
    }

    /** |H(e^jw)|^2 of the pink filter at frequency f, from its transfer function. */
    static double pinkPowerGain(double frequencyHz, double sampleRateHz) {
        double w = 2 * Math.PI * frequencyHz / sampleRateHz;
        double re = PINK_DIRECT + PINK_DELAYED * Math.cos(w);
        double im = -PINK_DELAYED * Math.sin(w);
        for (int i = 0; i < PINK_POLES.length; i++) {
            // g / (1 - p e^-jw)
            double dr = 1 - PINK_POLES[i] * Math.cos(w);
            double di = PINK_POLES[i] * Math.sin(w);
            double d = dr * dr + di * di;
            re += PINK_GAINS[i] * dr / d;
            im -= PINK_GAINS[i] * di / d;
        }
        return re * re + im * im;
    }

    /** Gaussian white noise with standard deviation sigma. */
    static float[] white(SplittableRandom random, int frames, double sigma) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (sigma * random.nextGaussian());
        }
        return x;
    }

    /** Pink noise: Gaussian white noise of standard deviation sigma through {@link PinkFilter}. */
    static float[] pink(SplittableRandom random, int frames, double sigma) {
        PinkFilter filter = new PinkFilter();
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) filter.next(sigma * random.nextGaussian());
        }
        return x;
    }

    /** amplitude * sin(2 pi f n / fs + phase). */
    static float[] sine(int sampleRateHz, double frequencyHz, int frames, double amplitude, double phase) {
        float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequencyHz * i / sampleRateHz + phase));
        }
        return x;
    }

    /** A sine of the given peak level, dBFS. */
    static float[] tone(int fs, double hz, double seconds, double dbfs) {
        return TestSignals.sine(fs, hz, (int) Math.round(seconds * fs), Math.pow(10, dbfs / 20), 0);
    }

    static float[] scaled(float[] x, double gain) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] * gain);
        }
        return y;
    }

    static float[] sum(float[] a, float[] b) {
        float[] y = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] + b[i];
        }
        return y;
    }

    /** Linear fades over the first and last frames, so an abrupt edge puts no energy into the low end. */
    static float[] faded(float[] x, int frames) {
        float[] y = x.clone();
        for (int i = 0; i < frames; i++) {
            float g = (float) i / frames;
            y[i] *= g;
            y[y.length - 1 - i] *= g;
        }
        return y;
    }

    static float[] negate(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = -x[i];
        }
        return y;
    }

    /** Feeds the channels to the meter in blocks of the given size and finishes it. */
    static Map<String, Measurement> run(Meter meter, float[][] channels, int blockSize) {
        int frames = channels[0].length;
        float[][] block = new float[channels.length][blockSize];
        for (int offset = 0; offset < frames; offset += blockSize) {
            int n = Math.min(blockSize, frames - offset);
            for (int c = 0; c < channels.length; c++) {
                System.arraycopy(channels[c], offset, block[c], 0, n);
            }
            meter.process(block, n);
        }
        return meter.finish();
    }
}
