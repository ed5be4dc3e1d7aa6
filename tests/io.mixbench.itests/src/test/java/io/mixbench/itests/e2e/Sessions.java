package io.mixbench.itests.e2e;

import static io.mixbench.itests.e2e.StemSynth.RATE_HZ;
import static io.mixbench.itests.e2e.StemSynth.at;
import static io.mixbench.itests.e2e.StemSynth.panned;

import io.mixbench.itests.e2e.Multitrack.Track;

/** The balanced base sessions the end-to-end cases plant their problems in. */
final class Sessions {

    static final double SECONDS = 6.0;
    static final double SECTIONS_SECONDS = 16.0;
    static final String REFERENCE = "Ref Master";

    private Sessions() {
    }

    /**
     * Stereo 24-bit stems at the default rule set's targets, a mix that is their exact sum and a reference master
     * (a level-shifted copy of that mix, so the tonal balance matches it by construction).
     */
    static Multitrack stems() {
        int frames = (int) (SECONDS * RATE_HZ);
        Multitrack m = new Multitrack(RATE_HZ, "stems");
        float[] vocal = StemSynth.leadVocal(frames);
        m.parts.put("Kick", new Track("kick", null, panned(StemSynth.kick(frames), 0, -11.0)));
        m.parts.put("Snare", new Track("snare", null, panned(StemSynth.snare(frames), 0, -13.0)));
        m.parts.put("Bass", new Track("bass", null, panned(StemSynth.bass(frames), 0, -21.6)));
        m.parts.put("Lead Vox", new Track("lead-vocal", null, panned(vocal.clone(), 0, -10.7)));
        m.parts.put("Backing Vox", new Track("backing-vocals", null, at(StemSynth.backingVocals(frames), -26)));
        m.parts.put("Pad", new Track("pad", null, at(StemSynth.pad(frames), -24.0)));
        m.parts.put("Gtr L", new Track("guitar", null, panned(StemSynth.guitar(frames, 3), -100, -27)));
        m.parts.put("Gtr R", new Track("guitar", null, panned(StemSynth.guitar(frames, 4), 100, -27)));
        m.parts.put("Keys", new Track("keys", null, panned(StemSynth.keys(frames), 0, -27)));
        m.parts.put("Vox Verb", new Track("fx-return", null, at(StemSynth.reverbReturn(vocal), -28)));
        float[][] reference = m.renderMix();
        Dsp.gain(reference, -2);
        m.references.put(REFERENCE, new Track("reference", null, reference));
        return m;
    }

    /** Raw tracks (pre-fader, unpanned mono recordings around -18 dBFS AES17 RMS) with a two-mic kick, no mix. */
    static Multitrack rawTracks() {
        int frames = (int) (SECONDS * RATE_HZ);
        Multitrack m = new Multitrack(RATE_HZ, "raw-tracks");
        m.hasMix = false;
        float[] kickIn = StemSynth.kick(frames);
        m.parts.put("Kick In", new Track("kick", "Kick", mono(kickIn.clone(), -8.0)));
        m.parts.put("Kick Out", new Track("kick", "Kick", mono(StemSynth.kickOut(kickIn), -8.0)));
        m.parts.put("Snare", new Track("snare", null, mono(StemSynth.snare(frames), -6.0)));
        m.parts.put("Bass DI", new Track("bass", null, mono(StemSynth.bass(frames), -16.0)));
        m.parts.put("Vox", new Track("lead-vocal", null, mono(StemSynth.leadVocal(frames), -9.0)));
        return m;
    }

    /**
     * A 16 s song in two sections: a verse of the rhythm section alone (0-8 s) and a chorus (8-16 s) where the lead
     * vocal, pad, keys and backing vocals come in and the mix gets louder by several LU; the rhythm section plays at one level throughout.
     */
    static Multitrack sections() {
        int frames = (int) (SECTIONS_SECONDS * RATE_HZ);
        Multitrack m = new Multitrack(RATE_HZ, "stems");
        float[] vocal = StemSynth.leadVocal(frames);
        m.parts.put("Kick", new Track("kick", null, panned(StemSynth.kick(frames), 0, -11.0)));
        m.parts.put("Snare", new Track("snare", null, panned(StemSynth.snare(frames), 0, -13.0)));
        m.parts.put("Bass", new Track("bass", null, panned(StemSynth.bass(frames), 0, -21.6)));
        m.parts.put("Lead Vox", new Track("lead-vocal", null, panned(vocal.clone(), 0, -10.7)));
        m.parts.put("Pad", new Track("pad", null, at(StemSynth.pad(frames), -24.0)));
        Track keys = new Track("keys", null, panned(StemSynth.keys(frames), 0, -21));
        Track backing = new Track("backing-vocals", null, at(StemSynth.backingVocals(frames), -27));
        // The verse is the rhythm section alone; the lead vocal, pad, keys and backing vocals come in with the chorus.
        for (String chorusOnly : new String[]{"Lead Vox", "Pad"}) {
            Dsp.gain(m.part(chorusOnly).audio, -200, 0, SECTIONS_SECONDS / 2, RATE_HZ);
        }
        for (Track chorusOnly : new Track[]{keys, backing}) {
            Dsp.gain(chorusOnly.audio, -200, 0, SECTIONS_SECONDS / 2, RATE_HZ);
        }
        m.parts.put("Keys", keys);
        m.parts.put("Backing Vox", backing);
        return m;
    }

    private static float[][] mono(float[] x, double peakDbfs) {
        double g = Dsp.dbToGain(peakDbfs);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (x[i] * g);
        }
        return new float[][]{x};
    }
}
