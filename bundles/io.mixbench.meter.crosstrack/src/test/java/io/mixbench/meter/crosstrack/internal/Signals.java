package io.mixbench.meter.crosstrack.internal;

import io.mixbench.meter.CrossTrackMeter;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.Scalar;
import java.util.Arrays;
import java.util.Map;

/** Synthetic test audio and a feeder that hands it to a cross-track meter the way the engine does. */
final class Signals {

    static final int RATE = 48_000;
    /** One 24-bit step: signals on this grid sum exactly in float. */
    static final double LSB = 1.0 / 8_388_608;

    private Signals() {
    }

    /** Feeds the tracks in blocks of {@code blockFrames}, zero-padding tracks that ended, then finishes. */
    static Map<String, Measurement> run(CrossTrackMeter meter, float[][][] tracks, int blockFrames) {
        int longest = 0;
        for (float[][] t : tracks) {
            longest = Math.max(longest, t[0].length);
        }
        float[][][] blocks = new float[tracks.length][][];
        for (int t = 0; t < tracks.length; t++) {
            blocks[t] = new float[tracks[t].length][blockFrames];
        }
        for (int start = 0; start < longest; start += blockFrames) {
            int frames = Math.min(blockFrames, longest - start);
            for (int t = 0; t < tracks.length; t++) {
                for (int c = 0; c < tracks[t].length; c++) {
                    float[] src = tracks[t][c];
                    float[] dst = blocks[t][c];
                    Arrays.fill(dst, 0f);
                    int got = Math.max(0, Math.min(frames, src.length - start));
                    if (got > 0) {
                        System.arraycopy(src, start, dst, 0, got);
                    }
                }
            }
            meter.process(blocks, frames);
        }
        return meter.finish();
    }

    static double value(Map<String, Measurement> m, String id) {
        Scalar s = (Scalar) m.get(id);
        if (s == null) {
            throw new AssertionError("no " + id + " in " + m);
        }
        if (!s.present()) {
            throw new AssertionError(id + " is absent: " + s.reason());
        }
        return s.value();
    }

    static String reason(Map<String, Measurement> m, String id) {
        return ((Scalar) m.get(id)).reason();
    }

    /** A small deterministic noise source (xorshift), uniform in -1..1. */
    static final class Noise {
        private long state;

        Noise(long seed) {
            state = seed == 0 ? 1 : seed;
        }

        double next() {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (state >>> 11) * 0x1.0p-53 * 2 - 1;
        }
    }

    /** Drum-like hits: decaying noise bursts every {@code spacingSeconds}, with a low thump; peak about 1. */
    static float[] hits(int frames, double spacingSeconds, long seed) {
        float[] out = new float[frames];
        Noise noise = new Noise(seed);
        int spacing = (int) (spacingSeconds * RATE);
        for (int i = 0; i < frames; i++) {
            int inHit = i % spacing;
            double t = (double) inHit / RATE;
            double envelope = Math.exp(-t / 0.05);
            out[i] = (float) (envelope * (0.6 * noise.next() + 0.4 * Math.sin(2 * Math.PI * 60 * t)));
        }
        return out;
    }

    /** A sustained tone of a few partials. */
    static float[] tone(int frames, double hz, double amplitude) {
        float[] out = new float[frames];
        for (int i = 0; i < frames; i++) {
            double p = 2 * Math.PI * hz * i / RATE;
            out[i] = (float) (amplitude * (0.7 * Math.sin(p) + 0.2 * Math.sin(2 * p + 1) + 0.1 * Math.sin(3 * p)));
        }
        return out;
    }

    /** Low-passed noise (one pole at about 2 kHz), amplitude about {@code amplitude}. */
    static float[] noise(int frames, double amplitude, long seed) {
        Noise noise = new Noise(seed);
        float[] out = new float[frames];
        double a = Math.exp(-2 * Math.PI * 2000.0 / RATE);
        double y = 0;
        for (int i = 0; i < frames; i++) {
            y = a * y + (1 - a) * noise.next();
            out[i] = (float) (amplitude * 4 * y);
        }
        return out;
    }

    static float[] scale(float[] x, double gain) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] * gain);
        }
        return out;
    }

    static float[] add(float[] a, float[] b) {
        float[] out = new float[Math.max(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
        }
        return out;
    }

    /** Rounds every sample to the 24-bit grid. */
    static float[][] quantise(float[]... channels) {
        float[][] out = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            out[c] = new float[channels[c].length];
            for (int i = 0; i < channels[c].length; i++) {
                out[c][i] = (float) (Math.round(channels[c][i] / LSB) * LSB);
            }
        }
        return out;
    }

    /** The channel-by-channel float sum of stereo stems. */
    static float[][] sum(float[][]... stems) {
        int frames = 0;
        for (float[][] s : stems) {
            frames = Math.max(frames, s[0].length);
        }
        float[][] out = new float[2][frames];
        for (float[][] s : stems) {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < s[c].length; i++) {
                    out[c][i] += s[c][i];
                }
            }
        }
        return out;
    }

    /**
     * A simple stereo-linked peak limiter with no look-ahead: instant attack (the gain drops at once to what keeps
     * the louder channel at the ceiling), exponential release.
     */
    static float[][] limit(float[][] in, double ceiling, double releaseSeconds) {
        float[][] out = new float[in.length][in[0].length];
        double recover = 1 - Math.exp(-1 / (releaseSeconds * RATE));
        double gain = 1;
        for (int i = 0; i < in[0].length; i++) {
            double level = 0;
            for (float[] ch : in) {
                level = Math.max(level, Math.abs(ch[i]));
            }
            gain += (1 - gain) * recover;
            if (level * gain > ceiling) {
                gain = ceiling / level;
            }
            for (int c = 0; c < in.length; c++) {
                out[c][i] = (float) (in[c][i] * gain);
            }
        }
        return out;
    }

    /** x delayed by {@code delaySamples} (fractional allowed), by a Hann-windowed sinc of 2 * 64 + 1 taps. */
    static float[] delay(float[] x, double delaySamples) {
        int half = 64;
        float[] out = new float[x.length];
        int whole = (int) Math.floor(delaySamples);
        double frac = delaySamples - whole;
        double[] taps = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            double t = k - frac;
            double sinc = t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
            double win = 0.5 + 0.5 * Math.cos(Math.PI * t / (half + 1));
            taps[k + half] = sinc * win;
        }
        for (int i = 0; i < x.length; i++) {
            double acc = 0;
            for (int k = -half; k <= half; k++) {
                int j = i - whole - k;
                if (j >= 0 && j < x.length) {
                    acc += x[j] * taps[k + half];
                }
            }
            out[i] = (float) acc;
        }
        return out;
    }
}
