package io.mixbench.meter.standard.internal;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.Meter;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import java.util.Arrays;
import java.util.Map;

/** Synthesised test signals and a block-wise runner. */
final class TestSignals {

    private TestSignals() {
    }

    /** x[n] = amplitude * sin(2 pi f n / fs + phase). */
    static float[] sine(int sampleRateHz, double frequencyHz, double amplitude, double phaseRad, int frames) {
        float[] x = new float[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = (float) (amplitude * Math.sin(2 * Math.PI * frequencyHz * n / sampleRateHz + phaseRad));
        }
        return x;
    }

    /**
     * A phase-continuous sine in segments, given as pairs (duration s, peak level dBFS); a level of NaN is silence.
     * Segment edges fall on the nearest sample of their accumulated start time.
     */
    static float[] tone(int sampleRateHz, double frequencyHz, double... secondsAndDbfs) {
        double total = 0;
        for (int i = 0; i < secondsAndDbfs.length; i += 2) {
            total += secondsAndDbfs[i];
        }
        float[] x = new float[(int) Math.round(total * sampleRateHz)];
        double start = 0;
        for (int i = 0; i < secondsAndDbfs.length; i += 2) {
            int from = (int) Math.round(start * sampleRateHz);
            start += secondsAndDbfs[i];
            int to = (int) Math.round(start * sampleRateHz);
            double level = secondsAndDbfs[i + 1];
            if (Double.isNaN(level)) {
                continue;
            }
            double amplitude = Math.pow(10, level / 20);
            for (int n = from; n < to; n++) {
                x[n] = (float) (amplitude * Math.sin(2 * Math.PI * frequencyHz * n / sampleRateHz));
            }
        }
        return x;
    }

    /** Deterministic white noise, uniform in [-amplitude, amplitude). */
    static float[] noise(long seed, double amplitude, int frames) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[] x = new float[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = (float) (amplitude * (2 * random.nextDouble() - 1));
        }
        return x;
    }

    /** Linear fades in and out over {@code frames} samples, in place; returns x. */
    static float[] fade(float[] x, int frames) {
        for (int n = 0; n < frames; n++) {
            double g = (double) n / frames;
            x[n] *= (float) g;
            x[x.length - 1 - n] *= (float) g;
        }
        return x;
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

    /**
     * Feeds the signal in blocks of {@code blockSize} frames through one reused block array, which is overwritten
     * with NaN after every call: a meter that kept the array would read garbage.
     */
    static Map<String, Measurement> run(Meter meter, float[][] channels, int blockSize) {
        int frames = channels[0].length;
        float[][] block = new float[channels.length][blockSize];
        for (int offset = 0; offset < frames; offset += blockSize) {
            int n = Math.min(blockSize, frames - offset);
            for (int c = 0; c < channels.length; c++) {
                System.arraycopy(channels[c], offset, block[c], 0, n);
            }
            meter.process(block, n);
            for (float[] b : block) {
                Arrays.fill(b, Float.NaN);
            }
        }
        return meter.finish();
    }

    static Map<String, Measurement> run(Meter meter, float[]... channels) {
        return run(meter, channels, 4096);
    }

    static double value(Map<String, Measurement> m, String id) {
        return ((Scalar) m.get(id)).value();
    }

    static Scalar scalar(Map<String, Measurement> m, String id) {
        return (Scalar) m.get(id);
    }

    static Series series(Map<String, Measurement> m, String id) {
        return (Series) m.get(id);
    }
}
