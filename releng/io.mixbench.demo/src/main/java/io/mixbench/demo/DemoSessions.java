package io.mixbench.demo;

import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the two demo sessions, deterministically (same bytes on every run): {@code clean/}, a balanced 4-bar
 * groove that passes the default rule set, and {@code flawed/}, the same groove with exactly three planted
 * problems: the kick 6 dB too hot, the bass panned hard left, the lead vocal 10 dB buried. Each session holds
 * stereo 24-bit stems (Kick, Snare, Bass, Lead Vox, Pad) and a Mix that is their exact sample sum.
 */
public final class DemoSessions {

    static final int RATE_HZ = 44_100;
    static final double SECONDS = 8.0;
    static final double BEAT_SECONDS = 0.5;
    static final int FRAMES = (int) (RATE_HZ * SECONDS);
    /** Per-channel gain of a centre-panned mono source under the -3 dB pan law. */
    static final double CENTRE = Math.sqrt(0.5);
    /** One 24-bit step: stems are quantised to it so the mix can be their exact sum. */
    static final double LSB = 1.0 / 8_388_608;

    /** Per-channel sample peaks of the clean stems, dBFS (the targets of the default rule set). */
    static final double KICK_PEAK_DBFS = -11.0;
    static final double SNARE_PEAK_DBFS = -13.0;
    static final double BASS_PEAK_DBFS = -21.6;
    static final double VOCAL_PEAK_DBFS = -10.7;
    static final double PAD_PEAK_DBFS = -24.0;
    /** The guitar of generated sessions: a supporting element, well under the lead parts. */
    static final double GUITAR_PEAK_DBFS = -22.0;

    private DemoSessions() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "demo");
        write(out.resolve("clean"), false);
        write(out.resolve("flawed"), true);
    }

    /** Writes one session folder: the clean groove, or the flawed one. */
    static void write(Path dir, boolean flawed) throws IOException {
        write(dir, flawed ? Variant.FLAWED : Variant.CLEAN);
    }

    /**
     * A session of the demo's groove with levels moved, for tests that need many sessions (the planner's): each part's
     * offset from its clean level, the bass hard left or centred, the lead vocal moved over a stretch, an optional
     * guitar (a sixth part, a supporting element), all parts moved together. Offsets of parts not named are 0.
     *
     * @param offsetsDb each part's offset from its clean level, dB, by track name ("Kick", "Snare", "Bass",
     *        "Lead Vox", "Pad", "Gtr")
     * @param bassHardLeft whether the bass is panned hard left (else centred)
     * @param vocalStretchDb the lead vocal's further offset, dB, over {@code vocalStretchSeconds}
     * @param vocalStretchSeconds the stretch [from, to) in seconds where {@code vocalStretchDb} applies
     * @param guitar whether the session has a guitar part
     * @param overallDb every part (and so the mix) moved by this, dB
     */
    public record Variant(Map<String, Double> offsetsDb, boolean bassHardLeft, double vocalStretchDb,
            double[] vocalStretchSeconds, boolean guitar, double overallDb) {

        /** The clean groove. */
        public static final Variant CLEAN = new Variant(Map.of(), false, 0, new double[]{0, 0}, false, 0);
        /** The flawed groove: the kick 6 dB too hot, the bass hard left, the lead vocal 10 dB buried. */
        public static final Variant FLAWED = new Variant(Map.of("Kick", 20 * Math.log10(2), "Lead Vox", -10.0), true,
                0, new double[]{0, 0}, false, 0);

        public Variant {
            offsetsDb = Map.copyOf(offsetsDb);
            vocalStretchSeconds = vocalStretchSeconds.clone();
        }

        double offset(String part) {
            return offsetsDb.getOrDefault(part, 0.0) + overallDb;
        }
    }

    /** Writes a session folder of the groove in a variant: the stems and their exact sum, Mix.wav. */
    public static void write(Path dir, Variant variant) throws IOException {
        Files.createDirectories(dir);
        Map<String, float[][]> stems = new LinkedHashMap<>();
        stems.put("Kick", centre(scale(kick(), dbToGain(KICK_PEAK_DBFS + variant.offset("Kick")) / CENTRE)));
        stems.put("Snare", centre(scale(snare(), dbToGain(SNARE_PEAK_DBFS + variant.offset("Snare")) / CENTRE)));
        float[] bass = scale(bass(), dbToGain(BASS_PEAK_DBFS + variant.offset("Bass")) / CENTRE);
        stems.put("Bass", variant.bassHardLeft() ? hardLeft(bass) : centre(bass));
        float[] vocal = scale(vocal(), dbToGain(VOCAL_PEAK_DBFS + variant.offset("Lead Vox")) / CENTRE);
        double[] stretch = variant.vocalStretchSeconds();
        for (int i = (int) (stretch[0] * RATE_HZ); i < Math.min(FRAMES, (int) (stretch[1] * RATE_HZ)); i++) {
            vocal[i] = (float) (vocal[i] * dbToGain(variant.vocalStretchDb()));
        }
        stems.put("Lead Vox", centre(vocal));
        float[][] pad = pad();
        scale(pad[0], dbToGain(variant.offset("Pad")));
        scale(pad[1], dbToGain(variant.offset("Pad")));
        stems.put("Pad", pad);
        if (variant.guitar()) {
            stems.put("Gtr", centre(scale(guitar(), dbToGain(GUITAR_PEAK_DBFS + variant.offset("Gtr")) / CENTRE)));
        }
        float[][] mix = new float[2][FRAMES];
        for (float[][] stem : stems.values()) {
            quantise(stem);
            for (int ch = 0; ch < 2; ch++) {
                for (int i = 0; i < FRAMES; i++) {
                    mix[ch][i] += stem[ch][i];
                }
            }
        }
        for (var e : stems.entrySet()) {
            WavWriter.write(dir.resolve(e.getKey() + ".wav"), RATE_HZ, WavEncoding.PCM_24, e.getValue());
        }
        // Sums of 24-bit values stay on the 24-bit grid (well below full scale), so the mix is exact.
        WavWriter.write(dir.resolve("Mix.wav"), RATE_HZ, WavEncoding.PCM_24, mix);
    }

    /** Guitar: a strummed chord on the off-beats, each a bright decaying pluck. */
    static float[] guitar() {
        double[] chordHz = {196.0, 246.9, 293.7, 392.0};
        int length = (int) (0.45 * RATE_HZ);
        float[] pluck = new float[length];
        for (int i = 0; i < length; i++) {
            double t = (double) i / RATE_HZ;
            double sample = 0;
            for (int n = 0; n < chordHz.length; n++) {
                double strum = t - n * 0.008;
                if (strum >= 0) {
                    for (int k = 1; k <= 4; k++) {
                        sample += Math.sin(2 * Math.PI * chordHz[n] * k * strum) * Math.exp(-strum * (6 + 3 * k)) / k;
                    }
                }
            }
            pluck[i] = (float) (sample * Math.min(1, (length - i) / (0.02 * RATE_HZ)));
        }
        return normalise(place(pluck, new double[]{0.5, 1.5, 2.5, 3.5}));
    }

    /** Kick positions within a 4-beat bar, in beats: a rock beat, "one, three, three-and". */
    static final double[] KICK_BEATS = {0, 2, 2.5};
    /** Snare positions within a bar, in beats: the backbeat. */
    static final double[] SNARE_BEATS = {1, 3};

    /** Kick: a pitch drop from 150 to 48 Hz with a fast decay. Peak normalised to 1. */
    static float[] kick() {
        float[] hit = new float[(int) (0.35 * RATE_HZ)];
        double phase = 0;
        for (int i = 0; i < hit.length; i++) {
            double t = (double) i / RATE_HZ;
            double f = 48 + (150 - 48) * Math.exp(-t / 0.03);
            phase += 2 * Math.PI * f / RATE_HZ;
            hit[i] = (float) (Math.sin(phase) * Math.exp(-t / 0.12) * Math.min(1, t / 0.001));
        }
        return normalise(place(hit, KICK_BEATS));
    }

    /** Snare: a 185 Hz body and a noise burst. Peak normalised to 1. */
    static float[] snare() {
        float[] hit = new float[(int) (0.3 * RATE_HZ)];
        Noise noise = new Noise(0x5EED);
        for (int i = 0; i < hit.length; i++) {
            double t = (double) i / RATE_HZ;
            double body = Math.sin(2 * Math.PI * 185 * t) * Math.exp(-t / 0.06);
            double rattle = noise.next() * 0.7 * Math.exp(-t / 0.09);
            hit[i] = (float) ((body + rattle) * Math.min(1, t / 0.001));
        }
        return normalise(place(hit, SNARE_BEATS));
    }

    /** Bass: eighth notes of a root line, ducked under each kick like a side-chained bass. */
    static float[] bass() {
        double[] roots = {55.0, 55.0, 43.65, 49.0};
        float[] out = new float[FRAMES];
        double phase = 0;
        double note = BEAT_SECONDS / 2;
        for (int i = 0; i < FRAMES; i++) {
            double t = (double) i / RATE_HZ;
            int bar = (int) (t / (4 * BEAT_SECONDS)) % roots.length;
            double f = roots[bar];
            phase += 2 * Math.PI * f / RATE_HZ;
            double inNote = t % note;
            double envelope = Math.min(1, inNote / 0.005) * Math.min(1, (note - inNote) / 0.02);
            double duck = 1 - 0.75 * Math.exp(-secondsSinceKick(t) / 0.09);
            out[i] = (float) ((Math.sin(phase) + 0.35 * Math.sin(2 * phase) + 0.12 * Math.sin(3 * phase)) * envelope
                    * duck);
        }
        return normalise(out);
    }

    /** Lead vocal: four sung phrases, a harmonic voice with formants, vibrato and syllables. */
    static float[] vocal() {
        double[][] phrases = {{0.25, 220.0}, {2.25, 246.9}, {4.25, 261.6}, {6.25, 196.0}};
        double phraseSeconds = 1.4;
        double[] formantsHz = {700, 1150, 2600};
        double[] formantWidthsHz = {130, 150, 250};
        float[] out = new float[FRAMES];
        for (double[] phrase : phrases) {
            int start = (int) (phrase[0] * RATE_HZ);
            int length = (int) (phraseSeconds * RATE_HZ);
            double phase = 0;
            for (int i = 0; i < length && start + i < FRAMES; i++) {
                double t = (double) i / RATE_HZ;
                double f0 = phrase[1] * (1 + 0.012 * Math.sin(2 * Math.PI * 5.2 * t));
                phase += 2 * Math.PI * f0 / RATE_HZ;
                double sample = 0;
                for (int k = 1; k <= 24; k++) {
                    double fk = k * f0;
                    if (fk > 8000) {
                        break;
                    }
                    double gain = 0;
                    for (int m = 0; m < formantsHz.length; m++) {
                        double d = (fk - formantsHz[m]) / formantWidthsHz[m];
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

    /** Pad: a sustained C major chord, slightly wider than mono, fading in. */
    static float[][] pad() {
        double[] chordHz = {261.6, 329.6, 392.0, 523.3};
        float[][] out = new float[2][FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            double t = (double) i / RATE_HZ;
            double sample = 0;
            for (int n = 0; n < chordHz.length; n++) {
                sample += Math.sin(2 * Math.PI * chordHz[n] * t + n) / chordHz.length;
            }
            double envelope = Math.min(1, t / 1.0) * Math.min(1, (SECONDS - t) / 0.3);
            out[0][i] = (float) (sample * envelope);
            out[1][i] = (float) (sample * envelope * 0.9);
        }
        double peak = Math.max(peak(out[0]), peak(out[1]));
        double gain = dbToGain(PAD_PEAK_DBFS) / peak;
        scale(out[0], gain);
        scale(out[1], gain);
        return out;
    }

    /** Places a hit at each of the bar positions (in beats) in every bar. */
    static float[] place(float[] hit, double[] beatsInBar) {
        float[] out = new float[FRAMES];
        int bars = (int) Math.round(SECONDS / (4 * BEAT_SECONDS));
        for (int bar = 0; bar < bars; bar++) {
            for (double beat : beatsInBar) {
                int start = (int) Math.round((bar * 4 + beat) * BEAT_SECONDS * RATE_HZ);
                for (int i = 0; i < hit.length && start + i < FRAMES; i++) {
                    out[start + i] += hit[i];
                }
            }
        }
        return out;
    }

    /** Time since the latest kick at or before {@code t}, in seconds (large before the first). */
    static double secondsSinceKick(double t) {
        double barSeconds = 4 * BEAT_SECONDS;
        double inBar = t % barSeconds;
        double since = Double.MAX_VALUE;
        for (double beat : KICK_BEATS) {
            double kick = beat * BEAT_SECONDS;
            if (kick <= inBar) {
                since = Math.min(since, inBar - kick);
            }
        }
        // Before the bar's first kick, the last kick of the previous bar.
        return since == Double.MAX_VALUE
                ? inBar + barSeconds - KICK_BEATS[KICK_BEATS.length - 1] * BEAT_SECONDS
                : since;
    }

    static float[] normalise(float[] x) {
        return scale(x, 1 / peak(x));
    }

    static float[] scale(float[] x, double gain) {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] * gain);
        }
        return x;
    }

    static double peak(float[] x) {
        double p = 0;
        for (float v : x) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }

    static float[][] centre(float[] mono) {
        float[][] out = new float[2][mono.length];
        for (int i = 0; i < mono.length; i++) {
            out[0][i] = (float) (mono[i] * CENTRE);
            out[1][i] = out[0][i];
        }
        return out;
    }

    /** Hard left under the -3 dB pan law: all of the source's power in the left channel. */
    static float[][] hardLeft(float[] mono) {
        float[][] out = new float[2][mono.length];
        System.arraycopy(mono, 0, out[0], 0, mono.length);
        return out;
    }

    static void quantise(float[][] stem) {
        for (float[] channel : stem) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (Math.round(channel[i] / LSB) * LSB);
            }
        }
    }

    static double dbToGain(double db) {
        return Math.pow(10, db / 20);
    }

    /** A small deterministic noise source (xorshift), so every build writes the same files. */
    static final class Noise {
        private long state;

        Noise(long seed) {
            state = seed;
        }

        double next() {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (state >>> 11) * 0x1.0p-53 * 2 - 1;
        }
    }
}
