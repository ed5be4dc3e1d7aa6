package io.mixbench.benchmarks;

import java.util.SplittableRandom;

/**
 * A deterministic, music-like stereo signal for benchmarks: kick, snare and hi-hat, a bass line and pad chords
 * over Am-F-C-G at 124 bpm, and a lead melody, in 8-bar sections (an intro, then verses, choruses and a break)
 * whose levels differ by several dB, soft-limited to peak below full scale. Unlike noise it has the level changes,
 * silences between hits, stereo image and spectrum of a mix, so meters take their realistic code paths (gating,
 * true-peak skip tests, activity). The same sample rate and seed always give the same samples, whatever block
 * sizes the caller reads.
 */
final class MusicSignal {

    private static final double BPM = 124;
    private static final int STEPS_PER_BAR = 16;
    private static final int BARS_PER_SECTION = 8;
    private static final int TABLE_SIZE = 2048;
    /** Chord roots per bar (MIDI notes A2 F2 C3 G2) and whether the chord is minor. */
    private static final int[] ROOTS = {45, 41, 48, 43};
    private static final boolean[] MINOR = {true, false, false, false};
    /** Pad voicings: semitones above the chord root. */
    private static final int[] MINOR_TRIAD = {12, 15, 19};
    private static final int[] MAJOR_TRIAD = {12, 16, 19};
    /** A minor pentatonic, MIDI notes from A4 up. */
    private static final int[] LEAD_SCALE = {69, 72, 74, 76, 79, 81, 84, 86};

    private enum Section {
        // gain dB, kick, snare, hat, bass, pad, lead
        INTRO(-4, false, false, true, true, true, false), VERSE(-3, true, false, true, true, true, false), CHORUS(0,
                true, true, true, true, true, true), BREAK(-3, false, false, true, false, true, true);

        final double gain;
        final boolean kick, snare, hat, bass, pad, lead;

        Section(double gainDb, boolean kick, boolean snare, boolean hat, boolean bass, boolean pad, boolean lead) {
            this.gain = Math.pow(10, gainDb / 20);
            this.kick = kick;
            this.snare = snare;
            this.hat = hat;
            this.bass = bass;
            this.pad = pad;
            this.lead = lead;
        }
    }

    /** After one intro, the song repeats this form for as long as it is asked to play. */
    private static final Section[] FORM = {Section.VERSE, Section.CHORUS, Section.VERSE, Section.CHORUS,
            Section.BREAK, Section.CHORUS};

    private static final float[] SINE = table(1, 0);
    /** Six harmonics at 1/k: a soft saw for the bass. */
    private static final float[] SAW = table(6, 1);
    /** Four harmonics at 1/k^2: a mellow pad. */
    private static final float[] SOFT = table(4, 2);

    private final double rate;
    private final double stepSamples;
    private final SplittableRandom random;
    private final double kickDecay, kickPitchDecay, snareDecay, snareToneDecay, hatDecay, leadDecay, bassAttack,
            gainSmoothing, bassLowpass, noiseLowpass;
    private long n;
    private long nextStep;
    private long stepIndex;
    private Section section = Section.INTRO;
    private double gain;
    // voices
    private double kickPhase, kickEnv, kickPitchEnv, kickVelocity;
    private double snareEnv, snareToneEnv, snarePhase, snareVelocity, snareNoise;
    private double hatEnv, hatVelocity, hatNoise, hatPrev;
    private double bassPhase, bassFreq, bassEnv, bassTarget, bassLow;
    private final double[] padPhaseL = new double[3];
    private final double[] padPhaseR = new double[3];
    private final double[] padFreq = new double[3];
    private double leadPhase, leadFreq, leadEnv, vibratoPhase;
    private int leadDegree = 2;
    private double padLfoPhase;

    /**
     * @param sampleRateHz the sample rate the signal is made for, Hz
     * @param seed the noise and melody seed
     */
    MusicSignal(int sampleRateHz, long seed) {
        this.rate = sampleRateHz;
        this.stepSamples = sampleRateHz * 60.0 / BPM / 4;
        this.random = new SplittableRandom(seed);
        this.kickDecay = decay(0.18);
        this.kickPitchDecay = decay(0.03);
        this.snareDecay = decay(0.07);
        this.snareToneDecay = decay(0.04);
        this.hatDecay = decay(0.018);
        this.leadDecay = decay(0.35);
        this.bassAttack = 1 - decay(0.004);
        this.gainSmoothing = 1 - decay(0.4);
        this.bassLowpass = 1 - Math.exp(-2 * Math.PI * 500 / sampleRateHz);
        this.noiseLowpass = 1 - Math.exp(-2 * Math.PI * 9000 / sampleRateHz);
        this.gain = section.gain;
    }

    /** Fills both channels of {@code block} with the next {@code frames} frames. */
    void fill(float[][] block, int frames) {
        float[] left = block[0];
        float[] right = block[1];
        for (int i = 0; i < frames; i++, n++) {
            if (n == nextStep) {
                step();
            }
            gain += (section.gain - gain) * gainSmoothing;
            double l = 0;
            double r = 0;
            if (kickEnv > 1e-5) {
                double f = 45 + 110 * kickPitchEnv;
                kickPhase = wrap(kickPhase + f / rate);
                double k = kickVelocity * kickEnv * lookup(SINE, kickPhase);
                kickEnv *= kickDecay;
                kickPitchEnv *= kickPitchDecay;
                l += k;
                r += k;
            }
            if (snareEnv > 1e-5) {
                // Noise low-passed at 9 kHz: full-band white noise would make true peaks far above sample peaks,
                // unlike real records.
                double noise = random.nextDouble() * 2 - 1;
                snareNoise += (noise - snareNoise) * noiseLowpass;
                snarePhase = wrap(snarePhase + 185 / rate);
                double s = snareVelocity * (snareEnv * snareNoise * 0.9 + snareToneEnv * lookup(SINE, snarePhase));
                snareEnv *= snareDecay;
                snareToneEnv *= snareToneDecay;
                l += s;
                r += 0.9 * s;
            }
            if (hatEnv > 1e-5) {
                double noise = random.nextDouble() * 2 - 1;
                // Low-passed like the snare, then a gentle one-zero high-pass: bright but band-limited.
                hatNoise += (noise - hatNoise) * noiseLowpass;
                double h = hatVelocity * hatEnv * (hatNoise - 0.7 * hatPrev);
                hatPrev = hatNoise;
                hatEnv *= hatDecay;
                l += 0.08 * h;
                r += 0.1 * h;
            }
            bassEnv += (bassTarget - bassEnv) * bassAttack;
            if (bassEnv > 1e-5) {
                bassPhase = wrap(bassPhase + bassFreq / rate);
                bassLow += (bassEnv * lookup(SAW, bassPhase) - bassLow) * bassLowpass;
                l += 0.45 * bassLow;
                r += 0.45 * bassLow;
            }
            if (section.pad) {
                padLfoPhase = wrap(padLfoPhase + 0.25 / rate);
                double swell = 0.09 * (0.75 + 0.25 * lookup(SINE, padLfoPhase));
                double pl = 0;
                double pr = 0;
                for (int v = 0; v < 3; v++) {
                    padPhaseL[v] = wrap(padPhaseL[v] + padFreq[v] * 0.9985 / rate);
                    padPhaseR[v] = wrap(padPhaseR[v] + padFreq[v] * 1.0015 / rate);
                    pl += lookup(SOFT, padPhaseL[v]);
                    pr += lookup(SOFT, padPhaseR[v]);
                }
                l += swell * pl;
                r += swell * pr;
            }
            if (leadEnv > 1e-5) {
                vibratoPhase = wrap(vibratoPhase + 5.5 / rate);
                leadPhase = wrap(leadPhase + leadFreq * (1 + 0.004 * lookup(SINE, vibratoPhase)) / rate);
                double x = leadEnv * (0.8 * lookup(SINE, leadPhase) + 0.2 * lookup(SAW, leadPhase));
                leadEnv *= leadDecay;
                l += 0.22 * x;
                r += 0.13 * x;
            }
            left[i] = (float) limit(gain * l);
            right[i] = (float) limit(gain * r);
        }
    }

    /** Starts the events of the next 16th-note step. */
    private void step() {
        long bar = stepIndex / STEPS_PER_BAR;
        int s = (int) (stepIndex % STEPS_PER_BAR);
        long sectionIndex = bar / BARS_PER_SECTION;
        section = sectionIndex == 0 ? Section.INTRO : FORM[(int) ((sectionIndex - 1) % FORM.length)];
        int chord = (int) (bar % ROOTS.length);
        if (s == 0) {
            int root = ROOTS[chord];
            int[] intervals = MINOR[chord] ? MINOR_TRIAD : MAJOR_TRIAD;
            for (int v = 0; v < 3; v++) {
                padFreq[v] = hz(root + intervals[v]);
            }
        }
        if (section.kick && s % 4 == 0) {
            kickEnv = 1;
            kickPitchEnv = 1;
            kickVelocity = 0.85 + 0.1 * random.nextDouble();
        }
        if (section.snare && (s == 4 || s == 12)) {
            snareEnv = 1;
            snareToneEnv = 1;
            snareVelocity = 0.45 + 0.15 * random.nextDouble();
        }
        if (section.hat && s % 2 == 0) {
            hatEnv = 1;
            hatVelocity = (s % 4 == 0 ? 0.9 : 0.55) + 0.1 * random.nextDouble();
        }
        if (section.bass && s % 2 == 0) {
            bassFreq = hz(ROOTS[chord] - 12 + (s == 14 ? 7 : 0));
            bassTarget = 1;
        } else if (s % 2 == 1) {
            bassTarget = 0; // release halfway through each eighth note
        }
        if (section.lead && s % 4 == 0 && random.nextDouble() < 0.8) {
            leadDegree = Math.max(0, Math.min(LEAD_SCALE.length - 1, leadDegree + random.nextInt(5) - 2));
            leadFreq = hz(LEAD_SCALE[leadDegree]);
            leadEnv = 0.7 + 0.3 * random.nextDouble();
        }
        stepIndex++;
        nextStep = Math.round(stepIndex * stepSamples);
    }

    /** Soft limiting above 0.7 that never reaches full scale. */
    private static double limit(double x) {
        double a = Math.abs(x);
        return a <= 0.7 ? x : Math.copySign(0.7 + 0.25 * Math.tanh((a - 0.7) / 0.25), x);
    }

    private double decay(double tauSeconds) {
        return Math.exp(-1 / (tauSeconds * rate));
    }

    private static double hz(int midiNote) {
        return 440 * Math.pow(2, (midiNote - 69) / 12.0);
    }

    private static double wrap(double phase) {
        return phase >= 1 ? phase - 1 : phase;
    }

    private static double lookup(float[] table, double phase) {
        double x = phase * TABLE_SIZE;
        int i = (int) x;
        double frac = x - i;
        return table[i] + (table[i + 1] - table[i]) * frac;
    }

    /** One period of {@code harmonics} harmonics at 1/k^power, normalised to peak 1, plus a guard sample. */
    private static float[] table(int harmonics, int power) {
        double[] t = new double[TABLE_SIZE + 1];
        double peak = 0;
        for (int i = 0; i <= TABLE_SIZE; i++) {
            double sum = 0;
            for (int k = 1; k <= harmonics; k++) {
                sum += Math.sin(2 * Math.PI * k * i / TABLE_SIZE) / Math.pow(k, power);
            }
            t[i] = sum;
            peak = Math.max(peak, Math.abs(sum));
        }
        float[] table = new float[TABLE_SIZE + 1];
        for (int i = 0; i <= TABLE_SIZE; i++) {
            table[i] = (float) (t[i] / peak);
        }
        return table;
    }
}
