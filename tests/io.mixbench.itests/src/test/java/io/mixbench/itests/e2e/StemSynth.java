package io.mixbench.itests.e2e;

/**
 * Deterministic instrument sketches for the end-to-end sessions (after the demo sessions' generator): a 120 bpm
 * groove, two beats a second. Every generator returns mono samples normalised to a peak of 1, or a stereo pair whose
 * louder channel peaks at 1.
 */
final class StemSynth {

    static final int RATE_HZ = 44_100;
    static final double BEAT_SECONDS = 0.5;
    static final double BAR_SECONDS = 4 * BEAT_SECONDS;
    /** Kick positions within a bar, in beats. */
    static final double[] KICK_BEATS = {0, 2, 2.5};
    static final double[] SNARE_BEATS = {1, 3};

    private StemSynth() {
    }

    static float[] kick(int frames) {
        float[] hit = new float[(int) (0.35 * RATE_HZ)];
        double phase = 0;
        for (int i = 0; i < hit.length; i++) {
            double t = (double) i / RATE_HZ;
            double f = 48 + (150 - 48) * Math.exp(-t / 0.03);
            phase += 2 * Math.PI * f / RATE_HZ;
            hit[i] = (float) (Math.sin(phase) * Math.exp(-t / 0.12) * Math.min(1, t / 0.001));
        }
        return normalise(place(hit, KICK_BEATS, frames));
    }

    static float[] snare(int frames) {
        float[] hit = new float[(int) (0.3 * RATE_HZ)];
        Noise noise = new Noise(0x5EED);
        for (int i = 0; i < hit.length; i++) {
            double t = (double) i / RATE_HZ;
            double body = Math.sin(2 * Math.PI * 185 * t) * Math.exp(-t / 0.06);
            double rattle = noise.next() * 0.7 * Math.exp(-t / 0.09);
            hit[i] = (float) ((body + rattle) * Math.min(1, t / 0.001));
        }
        return normalise(place(hit, SNARE_BEATS, frames));
    }

    /** Eighth notes of a root line, ducked under each kick. */
    static float[] bass(int frames) {
        double[] roots = {55.0, 55.0, 43.65, 49.0};
        float[] out = new float[frames];
        double phase = 0;
        double note = BEAT_SECONDS / 2;
        for (int i = 0; i < frames; i++) {
            double t = (double) i / RATE_HZ;
            double f = roots[(int) (t / BAR_SECONDS) % roots.length];
            phase += 2 * Math.PI * f / RATE_HZ;
            double inNote = t % note;
            double envelope = Math.min(1, inNote / 0.005) * Math.min(1, (note - inNote) / 0.02);
            double duck = 1 - 0.75 * Math.exp(-secondsSinceKick(t) / 0.09);
            out[i] = (float) ((Math.sin(phase) + 0.35 * Math.sin(2 * phase) + 0.12 * Math.sin(3 * phase)) * envelope
                    * duck);
        }
        return normalise(out);
    }

    /** One sung phrase per bar (from 0.25 s into it, 1.4 s long): harmonics through three formants. */
    static float[] vocal(int frames, double[] pitchesHz, double[] formantsHz, long seed) {
        double[] widthsHz = {130, 150, 250};
        double phraseSeconds = 1.4;
        float[] out = new float[frames];
        int bars = (int) Math.ceil(frames / (BAR_SECONDS * RATE_HZ));
        Noise noise = new Noise(seed);
        for (int bar = 0; bar < bars; bar++) {
            double f0Phrase = pitchesHz[bar % pitchesHz.length];
            int start = (int) ((bar * BAR_SECONDS + 0.25) * RATE_HZ);
            double vibratoPhase = noise.next() * Math.PI;
            double phase = 0;
            for (int i = 0; i < phraseSeconds * RATE_HZ && start + i < frames; i++) {
                double t = (double) i / RATE_HZ;
                double f0 = f0Phrase * (1 + 0.012 * Math.sin(2 * Math.PI * 5.2 * t + vibratoPhase));
                phase += 2 * Math.PI * f0 / RATE_HZ;
                double sample = 0;
                for (int k = 1; k <= 24 && k * f0 <= 8000; k++) {
                    double gain = 0;
                    for (int m = 0; m < formantsHz.length; m++) {
                        double d = (k * f0 - formantsHz[m]) / widthsHz[m];
                        gain += Math.exp(-0.5 * d * d) / (m + 1);
                    }
                    sample += (gain + 0.05 / k) * Math.sin(k * phase);
                }
                double syllables = 0.75 + 0.25 * Math.sin(2 * Math.PI * 4 * t);
                double envelope = Math.min(1, t / 0.05) * Math.min(1, (phraseSeconds - t) / 0.1);
                out[start + i] = (float) (sample * syllables * envelope);
            }
        }
        return normalise(out);
    }

    static float[] leadVocal(int frames) {
        return vocal(frames, new double[]{220.0, 246.9, 261.6, 196.0}, new double[]{700, 1150, 2600}, 11);
    }

    /** Two backing voices a third above the lead, slightly apart in pitch: a stereo pair, fairly correlated. */
    static float[][] backingVocals(int frames) {
        float[] a = vocal(frames, new double[]{277.2, 311.1, 329.6, 246.9}, new double[]{400, 800, 2400}, 21);
        float[] b = vocal(frames, new double[]{277.9, 311.8, 330.4, 247.5}, new double[]{400, 800, 2400}, 22);
        float[][] out = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            out[0][i] = 0.8f * a[i] + 0.2f * b[i];
            out[1][i] = 0.2f * a[i] + 0.8f * b[i];
        }
        return normalise(out);
    }

    /** A sustained C major chord, the right channel a little quieter than the left. */
    static float[][] pad(int frames) {
        double[] chordHz = {261.6, 329.6, 392.0, 523.3};
        float[][] out = new float[2][frames];
        double seconds = (double) frames / RATE_HZ;
        for (int i = 0; i < frames; i++) {
            double t = (double) i / RATE_HZ;
            double sample = 0;
            for (int n = 0; n < chordHz.length; n++) {
                sample += Math.sin(2 * Math.PI * chordHz[n] * t + n) / chordHz.length;
            }
            double envelope = Math.min(1, t / 1.0) * Math.min(1, (seconds - t) / 0.3);
            out[0][i] = (float) (sample * envelope);
            out[1][i] = (float) (sample * envelope * 0.9);
        }
        return normalise(out);
    }

    /** A reverb return of the lead vocal: feedback combs of different lengths per channel, so decorrelated. */
    static float[][] reverbReturn(float[] dry) {
        int[][] combs = {{1557, 1617, 1491, 1422}, {1277, 1356, 1188, 1733}};
        float[][] out = new float[2][dry.length];
        for (int c = 0; c < 2; c++) {
            for (int length : combs[c]) {
                float[] line = new float[length];
                int at = 0;
                for (int i = 0; i < dry.length; i++) {
                    float y = line[at];
                    line[at] = dry[i] + 0.84f * y;
                    at = (at + 1) % length;
                    out[c][i] += y;
                }
            }
        }
        return normalise(out);
    }

    /** Strummed eighth-note chords with a plucked decay; {@code seed} varies the voicing and the timing. */
    static float[] guitar(int frames, long seed) {
        double[][] chords = {{164.8, 246.9, 329.6, 415.3}, {146.8, 220.0, 293.7, 370.0}};
        Noise noise = new Noise(seed);
        float[] out = new float[frames];
        double note = BEAT_SECONDS / 2;
        int notes = (int) Math.ceil(frames / (note * RATE_HZ));
        for (int n = 0; n < notes; n++) {
            double[] chord = chords[(int) (n * note / BAR_SECONDS) % chords.length];
            int start = (int) ((n * note + 0.004 * (noise.next() + 1)) * RATE_HZ);
            double[] phases = new double[chord.length];
            for (int k = 0; k < chord.length; k++) {
                phases[k] = noise.next() * Math.PI;
            }
            for (int i = 0; i < note * RATE_HZ && start + i < frames; i++) {
                double t = (double) i / RATE_HZ;
                double sample = 0;
                for (int k = 0; k < chord.length; k++) {
                    double w = 2 * Math.PI * chord[k] * (1 + 0.002 * seed % 3);
                    sample += Math.sin(w * t + phases[k]) + 0.4 * Math.sin(2 * w * t) + 0.2 * Math.sin(3 * w * t);
                }
                out[start + i] += (float) (sample * Math.exp(-t / 0.6) * Math.min(1, t / 0.002)
                        * Math.min(1, (note - t) / 0.005));
            }
        }
        return normalise(out);
    }

    /** A held organ chord, re-struck every bar. */
    static float[] keys(int frames) {
        double[] chordHz = {196.0, 246.9, 293.7, 392.0};
        float[] out = new float[frames];
        double bar = BAR_SECONDS * RATE_HZ;
        for (int i = 0; i < frames; i++) {
            double t = (double) i / RATE_HZ;
            double inBar = (i % bar) / RATE_HZ;
            double sample = 0;
            for (double f : chordHz) {
                sample += Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t);
            }
            double envelope = Math.min(1, inBar / 0.01) * Math.min(1, (BAR_SECONDS - inBar) / 0.02)
                    * (0.7 + 0.3 * Math.exp(-inBar / 0.3));
            out[i] = (float) (sample * envelope);
        }
        return normalise(out);
    }

    /** A darker second mic on the same kick: a one-pole low-pass of it at about 1 kHz. */
    static float[] kickOut(float[] kickIn) {
        float[] out = new float[kickIn.length];
        double a = Math.exp(-2 * Math.PI * 1000.0 / RATE_HZ);
        double y = 0;
        for (int i = 0; i < kickIn.length; i++) {
            y = (1 - a) * kickIn[i] + a * y;
            out[i] = (float) y;
        }
        return normalise(out);
    }

    static float[] place(float[] hit, double[] beatsInBar, int frames) {
        float[] out = new float[frames];
        int bars = (int) Math.ceil(frames / (BAR_SECONDS * RATE_HZ));
        for (int bar = 0; bar < bars; bar++) {
            for (double beat : beatsInBar) {
                int start = (int) Math.round((bar * 4 + beat) * BEAT_SECONDS * RATE_HZ);
                for (int i = 0; i < hit.length && start + i < frames; i++) {
                    out[start + i] += hit[i];
                }
            }
        }
        return out;
    }

    static double secondsSinceKick(double t) {
        double inBar = t % BAR_SECONDS;
        double since = Double.MAX_VALUE;
        for (double beat : KICK_BEATS) {
            double kick = beat * BEAT_SECONDS;
            if (kick <= inBar) {
                since = Math.min(since, inBar - kick);
            }
        }
        return since == Double.MAX_VALUE
                ? inBar + BAR_SECONDS - KICK_BEATS[KICK_BEATS.length - 1] * BEAT_SECONDS
                : since;
    }

    static float[] normalise(float[] x) {
        double p = Dsp.peak(x);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] / p);
        }
        return x;
    }

    static float[][] normalise(float[][] x) {
        double p = Dsp.peak(x);
        for (float[] channel : x) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (channel[i] / p);
            }
        }
        return x;
    }

    /** A mono source panned to {@code percent} (constant power, -3 dB at the centre) with its peak at {@code db}. */
    static float[][] panned(float[] mono, double percent, double peakDbfs) {
        double theta = Dsp.panAngle(percent);
        double g = Dsp.dbToGain(peakDbfs) / Math.max(Math.cos(theta), Math.sin(theta));
        float[][] out = new float[2][mono.length];
        for (int i = 0; i < mono.length; i++) {
            out[0][i] = (float) (mono[i] * g * Math.cos(theta));
            out[1][i] = (float) (mono[i] * g * Math.sin(theta));
        }
        return out;
    }

    /** A stereo pair scaled so its louder channel peaks at {@code peakDbfs}. */
    static float[][] at(float[][] stereo, double peakDbfs) {
        double g = Dsp.dbToGain(peakDbfs) / Dsp.peak(stereo);
        for (float[] channel : stereo) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (channel[i] * g);
            }
        }
        return stereo;
    }

    /** A small deterministic noise source (xorshift). */
    static final class Noise {
        private long state;

        Noise(long seed) {
            state = seed * 0x9E3779B97F4A7C15L + 1;
        }

        double next() {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (state >>> 11) * 0x1.0p-53 * 2 - 1;
        }
    }
}
