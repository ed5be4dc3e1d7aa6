package io.mixbench.analysis.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.standard.internal.LevelsMeterFactory;
import io.mixbench.rule.JudgedDeliverable;
import io.mixbench.rule.JudgedDeliverable.Source;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSet;
import io.mixbench.session.Deliverable;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the mix is judged as: the guess from generated bounces, measured by the standard meters, and precedence. */
class DeliverablesTest {

    static final int RATE_HZ = 48_000;
    static final double SECONDS = 20;

    /** A loud generated mix through a peak limiter to about -0.8 dBFS, at about -13 LUFS, is guessed a master. */
    @Test
    void aLimitedLoudBounceIsGuessedAMaster() {
        MeasuredTrack master = measure("Master", Role.MIX, limited(music(), 8, -0.8));
        double integrated = master.scalar(MeasurementIds.INTEGRATED_LOUDNESS).orElseThrow();
        assertTrue(integrated > -15 && integrated < -11,
                "a loud master: " + Deliverables.guess(List.of(master)).reason());
        JudgedDeliverable guess = Deliverables.guess(List.of(master));
        assertEquals(Deliverable.MASTER, guess.deliverable(), guess.reason());
        assertEquals(Source.GUESSED, guess.source());
        assertTrue(guess.reason().contains("LUFS") && guess.reason().contains("PLR")
                && guess.reason().contains("dBTP"), guess.reason());
        assertTrue(guess.describe().startsWith("Judged as a master: guessed from the audio ("), guess.describe());
        assertTrue(guess.describe().endsWith("; pass --deliverable to choose."),
                guess.describe());
    }

    /** The same music with mastering's headroom (peak -6 dBFS, no limiter) stays a pre-master. */
    @Test
    void aPreMasterWithHeadroomIsNotAMaster() {
        MeasuredTrack preMaster = measure("Mix", Role.MIX, peakAt(music(), -6));
        JudgedDeliverable guess = Deliverables.guess(List.of(preMaster));
        assertEquals(Deliverable.PRE_MASTER, guess.deliverable(), guess.reason());
        assertTrue(guess.reason().contains("not limited to a ceiling"), guess.reason());
    }

    /** A quiet mix is no master either. */
    @Test
    void aQuietMixIsNotAMaster() {
        MeasuredTrack quiet = measure("Mix", Role.MIX, peakAt(music(), -18));
        assertEquals(Deliverable.PRE_MASTER, Deliverables.guess(List.of(quiet)).deliverable());
    }

    /** A hot mix peaking near full scale but not limited (a wide PLR) stays a pre-master: its headroom is judged. */
    @Test
    void aHotUnlimitedMixIsNotAMaster() {
        MeasuredTrack hot = measure("Mix", Role.MIX, peakAt(music(), -0.5));
        assertEquals(Deliverable.PRE_MASTER, Deliverables.guess(List.of(hot)).deliverable(),
                Deliverables.guess(List.of(hot)).reason());
    }

    /** A mix that sounds like a master beside its stems is a mix bounced from a session: only a lone bounce is guessed. */
    @Test
    void aSessionWithPartsIsNotGuessedAMaster() {
        float[][] music = music();
        MeasuredTrack master = measure("Mix", Role.MIX, limited(music, 8, -0.8));
        MeasuredTrack bass = measure("Bass", Role.BASS, peakAt(music, -10));
        JudgedDeliverable guess = Deliverables.guess(List.of(bass, master));
        assertEquals(Deliverable.PRE_MASTER, guess.deliverable());
        assertTrue(guess.reason().contains("parts"), guess.reason());
    }

    /** The CLI's choice beats the session file's, which beats the rule set's, which beats the guess. */
    @Test
    void anExplicitChoiceBeatsTheRuleSetWhichBeatsTheGuess() {
        List<MeasuredTrack> master = List.of(measure("Master", Role.MIX, limited(music(), 8, -0.8)));
        Session plain = session(null);
        RuleSet states = new RuleSet("pre-master", "Pre-master", "", "default", Map.of(), "test",
                Deliverable.PRE_MASTER);
        RuleSet silent = new RuleSet("rock", "Rock", "", "default", Map.of(), "test");

        assertEquals(new JudgedDeliverable(Deliverable.MASTER, Source.GUESSED, Deliverables.guess(master).reason()),
                Deliverables.resolve(new AnalysisRequest(plain, silent), master), "nothing states one: the guess");
        assertEquals(new JudgedDeliverable(Deliverable.PRE_MASTER, Source.RULE_SET, "pre-master"),
                Deliverables.resolve(new AnalysisRequest(plain, states), master), "the rule set beats the guess");
        assertEquals(new JudgedDeliverable(Deliverable.MIX, Source.SESSION, ""),
                Deliverables.resolve(new AnalysisRequest(session(Deliverable.MIX), states), master),
                "the session file beats the rule set");
        assertEquals(new JudgedDeliverable(Deliverable.PRE_MASTER, Source.OPTION, ""),
                Deliverables.resolve(new AnalysisRequest(session(Deliverable.MIX), states, null, true,
                        Deliverable.PRE_MASTER), master),
                "--deliverable beats the session file");
        assertEquals("Judged as a pre-master: rule set pre-master judges pre-masters; pass --deliverable"
                + " to choose.",
                Deliverables.resolve(new AnalysisRequest(plain, states), master).describe());
    }

    /** A set that states no deliverable judges what the set it extends judges. */
    @Test
    void aRuleSetInheritsTheDeliverableOfTheSetItExtends() {
        RuleSet streaming = new RuleSet("streaming", "S", "", null, Map.of(), "test", Deliverable.MASTER);
        RuleSet studio = new RuleSet("studio", "Studio", "", "streaming", Map.of(), "test");
        assertEquals(Deliverable.MASTER, RuleSetRegistryImpl.merge(streaming, studio).deliverable());
        RuleSet own = new RuleSet("own", "Own", "", "streaming", Map.of(), "test", Deliverable.MIX);
        assertEquals(Deliverable.MIX, RuleSetRegistryImpl.merge(streaming, own).deliverable());
    }

    private static Session session(Deliverable deliverable) {
        return new Session(Path.of("/s"), List.of(new Track("Master", Path.of("/s/Master.wav"), Role.MIX, null)),
                ExportKind.STEMS, PanLaw.MINUS_3_DB, null, Map.of(), deliverable);
    }

    /**
     * A dense generated mix: a kick every 0.5 s over a low-passed noise bed (guitars, pads), its peak at 0 dBFS.
     * Seeded, so every run measures the same.
     */
    static float[][] music() {
        int frames = (int) (SECONDS * RATE_HZ);
        Random random = new Random(8);
        float[][] out = new float[2][frames];
        double[] lp = new double[2];
        for (int i = 0; i < frames; i++) {
            double t = (i % (RATE_HZ / 2)) / (double) RATE_HZ;
            double kick = Math.sin(2 * Math.PI * 55 * t) * Math.exp(-t / 0.08);
            for (int c = 0; c < 2; c++) {
                lp[c] += 0.2 * (random.nextGaussian() - lp[c]);
                out[c][i] = (float) (kick + 0.12 * lp[c]);
            }
        }
        return peakAt(out, 0);
    }

    static float[][] peakAt(float[][] audio, double peakDbfs) {
        double peak = 0;
        for (float[] ch : audio) {
            for (float v : ch) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        return scaled(audio, Math.pow(10, peakDbfs / 20) / peak);
    }

    /** Raised by {@code driveDb}, then a stereo-linked peak limiter (instant attack, 50 ms release) to the ceiling. */
    static float[][] limited(float[][] audio, double driveDb, double ceilingDbfs) {
        float[][] out = scaled(audio, Math.pow(10, driveDb / 20));
        double ceiling = Math.pow(10, ceilingDbfs / 20);
        double recover = 1 - Math.exp(-1 / (0.05 * RATE_HZ));
        double g = 1;
        for (int i = 0; i < out[0].length; i++) {
            double level = Math.max(Math.abs(out[0][i]), Math.abs(out[1][i]));
            g += (1 - g) * recover;
            if (level * g > ceiling) {
                g = ceiling / level;
            }
            out[0][i] = (float) (out[0][i] * g);
            out[1][i] = (float) (out[1][i] * g);
        }
        return out;
    }

    private static float[][] scaled(float[][] audio, double gain) {
        float[][] out = new float[audio.length][];
        for (int c = 0; c < audio.length; c++) {
            out[c] = new float[audio[c].length];
            for (int i = 0; i < audio[c].length; i++) {
                out[c][i] = (float) (audio[c][i] * gain);
            }
        }
        return out;
    }

    /** Measures the audio with the standard levels meter, as the analysis would. */
    static MeasuredTrack measure(String name, Role role, float[][] audio) {
        AudioFormat format = new AudioFormat(RATE_HZ, ChannelLayout.STEREO, 24, SampleEncoding.PCM_INTEGER,
                audio[0].length, "test");
        Meter meter = new LevelsMeterFactory().create(format);
        int block = 8192;
        float[][] buffer = new float[2][block];
        for (int start = 0; start < audio[0].length; start += block) {
            int n = Math.min(block, audio[0].length - start);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(audio[c], start, buffer[c], 0, n);
            }
            meter.process(buffer, n);
        }
        return new MeasuredTrack(new Track(name, Path.of("/s/" + name + ".wav"), role, null), format, SECONDS,
                meter.finish(), null);
    }
}
