package io.mixbench.meter.standard.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.PerChannel;
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

    /** Sum of sines: frequencies (Hz), peak amplitudes and phases (rad) given in triples. */
    static float[] sines(int sampleRateHz, int frames, double... frequencyAmplitudePhase) {
        float[] x = new float[frames];
        for (int n = 0; n < frames; n++) {
            double v = 0;
            for (int k = 0; k < frequencyAmplitudePhase.length; k += 3) {
                v += frequencyAmplitudePhase[k + 1]
                        * Math.sin(2 * Math.PI * frequencyAmplitudePhase[k] * n / sampleRateHz
                                + frequencyAmplitudePhase[k + 2]);
            }
            x[n] = (float) v;
        }
        return x;
    }

    /** Deterministic Gaussian white noise with the given RMS. */
    static float[] gaussian(long seed, double rms, int frames) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[] x = new float[frames];
        for (int n = 0; n < frames; n++) {
            x[n] = (float) (rms * random.nextGaussian());
        }
        return x;
    }

    /**
     * Music-like stereo material at 120 bpm: kick, snare, hats, bass, a pad and a vibrato lead, mastered through a
     * soft clipper to peaks near -1 dBFS. Centred kick, snare, bass and lead; hats right of centre; the pad wide.
     */
    static float[][] music(int sampleRateHz, double seconds, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int frames = (int) Math.round(seconds * sampleRateHz);
        float[][] out = new float[2][frames];
        double[] bassNotes = {41.2, 55.0, 61.7, 49.0};
        double[][] chords = {{220, 277.2, 329.6}, {196, 246.9, 293.7}, {174.6, 220, 261.6}, {164.8, 207.7, 246.9}};
        double dt = 1.0 / sampleRateHz;
        double kickPhase = 0;
        double leadPhase = 0;
        double hat = 0;
        double previousNoise = 0;
        double drive = 1.6;
        double norm = 0.89 / Math.tanh(drive);
        for (int n = 0; n < frames; n++) {
            double t = n * dt;
            double beat = t / 0.5;
            int beatIndex = (int) beat;
            double sinceBeat = (beat - beatIndex) * 0.5;
            double sinceEighth = (beat * 2 - Math.floor(beat * 2)) * 0.25;
            kickPhase += 2 * Math.PI * (48 + 110 * Math.exp(-sinceBeat / 0.025)) * dt;
            double kick = 0.8 * Math.exp(-sinceBeat / 0.22) * Math.sin(kickPhase);
            double noise = 2 * random.nextDouble() - 1;
            double snare = beatIndex % 2 == 1
                    ? Math.exp(-sinceBeat / 0.1) * (0.25 * noise + 0.25 * Math.sin(2 * Math.PI * 185 * sinceBeat))
                    : 0;
            hat = (noise - previousNoise) * 0.08 * Math.exp(-sinceEighth / 0.025);
            previousNoise = noise;
            double bassF = bassNotes[(beatIndex / 2) % bassNotes.length];
            double bass = 0;
            for (int k = 1; k <= 4; k++) {
                bass += 0.22 / k * Math.sin(2 * Math.PI * bassF * k * t);
            }
            double[] chord = chords[(beatIndex / 8) % chords.length];
            double padL = 0;
            double padR = 0;
            for (int i = 0; i < chord.length; i++) {
                padL += 0.035 * Math.sin(2 * Math.PI * chord[i] * t);
                padR += 0.035 * Math.sin(2 * Math.PI * chord[i] * 1.003 * t + i);
            }
            boolean singing = (beatIndex % 8) < 6;
            leadPhase += 2 * Math.PI * (392 + 6 * Math.sin(2 * Math.PI * 5 * t)) * dt;
            double lead = singing
                    ? 0.12 * (Math.sin(leadPhase) + 0.4 * Math.sin(2 * leadPhase) + 0.2 * Math.sin(3 * leadPhase))
                    : 0;
            double centre = kick + snare + bass + lead;
            double left = centre + padL + 0.6 * hat;
            double right = centre + padR + 1.0 * hat;
            out[0][n] = (float) (norm * Math.tanh(drive * left));
            out[1][n] = (float) (norm * Math.tanh(drive * right));
        }
        return out;
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

    /** The same ids with the same values, to the bit. */
    static void assertSameMeasurements(Map<String, Measurement> expected, Map<String, Measurement> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String id : expected.keySet()) {
            Measurement e = expected.get(id);
            Measurement a = actual.get(id);
            if (e instanceof Series s) {
                assertArrayEquals(s.values(), ((Series) a).values(), id);
            } else if (e instanceof PerChannel p) {
                assertArrayEquals(p.values(), ((PerChannel) a).values(), id);
            } else {
                assertEquals(e, a, id);
            }
        }
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
