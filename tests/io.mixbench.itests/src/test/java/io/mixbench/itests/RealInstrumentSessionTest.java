package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sound.midi.Sequence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real multitrack session: a General MIDI song rendered one instrument at a time with fluidsynth and the TimGM6mb
 * soundfont (real instrument samples, not sine tones), measured once by bin/mixbench, balanced to the default rule
 * set's targets the way an engineer would (kick and snare peaks, bass under the kick, the lead over the band) and
 * bounced as the exact sum of the balanced stems. The default rule set finds no PROBLEM in it; nor in the render of
 * the plan Mixbench makes for the unbalanced stems itself.
 */
class RealInstrumentSessionTest {

    static final int RATE_HZ = 44_100;
    /** fluidsynth's master gain: loud enough to use the 24-bit range, low enough that no part clips. */
    static final double SYNTH_GAIN = 0.5;
    /** Full scale of a 24-bit sample, as WavWriter rounds to it. */
    static final double FULL_SCALE_24 = 8_388_608.0;

    // The engineer's placement of the parts no default rule places: the hats well under the snare, the keys and
    // the strings under the bass so that the rhythm section and the lead keep the front.
    static final double HATS_PEAK_DBFS = -22;
    static final double KEYS_UNDER_BASS_LU = 3;
    static final double STRINGS_UNDER_BASS_LU = 6;

    static final Map<String, String> ROLES = Map.of("Kick", "kick", "Snare", "snare", "Hats", "hats-cymbals", "Bass",
            "bass", "Keys", "keys", "Lead Vox", "lead-vocal", "Strings", "strings");

    @TempDir
    Path work;

    @Test
    void balancedSessionRenderedFromRealInstrumentSamplesHasNoProblem() throws Exception {
        FluidSynth synth = FluidSynth.installed();
        if (synth == null) {
            String message = "fluidsynth or " + FluidSynth.SOUNDFONT + " is missing (releng/setup.sh --test "
                    + "installs Debian's fluidsynth and timgm6mb-soundfont)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message + ": skipped");
        }

        Map<String, float[][]> rendered = render(synth);
        Path raw = Files.createDirectories(work.resolve("rendered"));
        for (Map.Entry<String, float[][]> stem : rendered.entrySet()) {
            WavWriter.write(raw.resolve(stem.getKey() + ".wav"), RATE_HZ, WavEncoding.PCM_24, stem.getValue());
        }

        // One measurement of the unbalanced stems, as an engineer would look at the meters once.
        JsonNode before = analyze(raw).json();
        for (Map.Entry<String, String> role : ROLES.entrySet()) {
            assertEquals(role.getValue(), track(before, role.getKey()).get("role").asText(),
                    "the role guessed from " + role.getKey() + ".wav");
        }
        print("Rendered stems against the default targets", before, "warn", "problem");

        // The planner on the same unbalanced stems: its rendered plan has no PROBLEM (checked by analysing the render).
        Product.Run planned = Product.process(Map.of(), 300, "plan", raw.toString(), "--render",
                work.resolve("planned").toString(), "--format", "json", "-q");
        assertTrue(planned.exitCode() == 0 || planned.exitCode() == 1, "plan ran: " + planned.err());
        JsonNode plan = planned.json();
        System.err.println("Plan of the rendered stems:");
        plan.get("moves").forEach(m -> System.err.println("  " + m.get("text").asText()));
        plan.get("verified").get("after").get("explanations").forEach(e -> System.err.println("  left: " + e.asText()));
        assertEquals(0, plan.get("verified").get("after").get("counts").get("problem").asInt(),
                "the rendered plan of real instruments has no PROBLEM: " + planned.out());
        Map<String, Double> gains = balance(before);
        gains.forEach((name, gain) -> System.err.printf(Locale.ROOT, "  gain %-9s %+6.1f dB%n", name, gain));

        // The engineer also takes the low-end fixes the measurement offered: stereo samples (piano, strings) carry
        // wide lows, and the fix high-passes their side signal, leaving their sound in the centre.
        Map<String, JsonNode> sideHighPass = new java.util.HashMap<>();
        for (JsonNode finding : before.get("findings")) {
            JsonNode fix = finding.get("fix");
            if (finding.get("rule").asText().equals("lowEnd.centred") && fix != null && fix.has("sideHighPassHz")) {
                sideHighPass.put(fix.get("track").asText(), fix);
            }
        }
        sideHighPass.forEach((name, fix) -> System.err.printf(Locale.ROOT, "  side high-pass %-9s %s%n", name, fix));

        Path session = Files.createDirectories(work.resolve("session"));
        float[][] mix = new float[2][rendered.get("Kick")[0].length];
        for (Map.Entry<String, float[][]> stem : rendered.entrySet()) {
            if (sideHighPass.containsKey(stem.getKey())) {
                // Before the gain, which rounds to the 24-bit grid: the mix stays the exact sum of the files.
                JsonNode fix = sideHighPass.get(stem.getKey());
                io.mixbench.itests.e2e.Dsp.sideHighPass(stem.getValue(), fix.get("sideHighPassHz").asDouble(),
                        fix.get("filterType").asText(), fix.get("filterSlopeDbPerOctave").asDouble(), RATE_HZ);
            }
            float[][] balanced = gain(stem.getValue(), gains.get(stem.getKey()));
            WavWriter.write(session.resolve(stem.getKey() + ".wav"), RATE_HZ, WavEncoding.PCM_24, balanced);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < mix[c].length; i++) {
                    mix[c][i] += balanced[c][i];
                }
            }
        }
        WavWriter.write(session.resolve("Mix.wav"), RATE_HZ, WavEncoding.PCM_24, mix);

        Product.Run run = analyze(session);
        JsonNode after = run.json();
        ReportSchema.assertValid(after);
        print("Balanced session", after, "warn", "problem", "rule-error");
        assertEquals("Mix", after.get("mix").get("name").asText(), "Mix.wav is the mix");
        assertEquals(ROLES.size(), after.get("tracks").size(), "seven stems");
        JsonNode mixMeasurements = after.get("mix").get("measurements");
        System.err.printf(Locale.ROOT, "Mix: sample peak %.1f dBFS, true peak %.1f dBTP, integrated %.1f LUFS%n",
                mixMeasurements.get("samplePeak").get("value").asDouble(),
                mixMeasurements.get("truePeak").get("value").asDouble(),
                mixMeasurements.get("integratedLoudness").get("value").asDouble());
        assertEquals(List.of(), messages(after, "problem", "rule-error"), "no PROBLEM and no RULE ERROR");
        assertEquals(0, run.exitCode(), run.err());
        // The balance landed where it was aimed, so the rules above judged a balanced session.
        for (String rule : List.of("kick.level", "snare.level", "bass.underKick", "vocal.lead", "bus.limiting")) {
            for (JsonNode f : Findings.ofRule(after, rule)) {
                assertEquals("ok", f.get("severity").asText(), f.toString());
            }
            assertTrue(!Findings.ofRule(after, rule).isEmpty(), rule + " judged the session");
        }
        String nullTest = Findings.ofRule(after, "bus.limiting").get(0).get("message").asText();
        assertTrue(nullTest.startsWith("The mix is the exact sum of the stems"), nullTest);
    }

    /** Each part rendered on its own, all cut to the song's length, stereo. */
    private Map<String, float[][]> render(FluidSynth synth) throws Exception {
        Path midi = Files.createDirectories(work.resolve("midi"));
        int frames = (int) Math.round(GmSong.lengthSeconds() * RATE_HZ);
        Map<String, float[][]> stems = new LinkedHashMap<>();
        for (Map.Entry<String, Sequence> part : GmSong.stems().entrySet()) {
            String name = part.getKey();
            Path wav = midi.resolve(name + ".render.wav");
            synth.render(part.getValue(), SYNTH_GAIN, RATE_HZ, midi.resolve(name + ".mid"), wav);
            float[][] audio = FluidSynth.read(wav, RATE_HZ);
            assertEquals(2, audio.length, name + " renders in stereo");
            float[][] fitted = new float[2][frames];
            for (int c = 0; c < 2; c++) {
                System.arraycopy(audio[c], 0, fitted[c], 0, Math.min(frames, audio[c].length));
            }
            double peakDb = 20 * Math.log10(peak(fitted));
            assertTrue(peakDb < -0.2, name + " clips in the render (" + peakDb + " dBFS): lower SYNTH_GAIN");
            assertTrue(peakDb > -40, name + " is nearly silent in the render (" + peakDb + " dBFS)");
            stems.put(name, fitted);
        }
        return stems;
    }

    /**
     * The gain of each stem, dB: kick and snare to the centre of their peak ranges, the bass to the centre of its
     * range under the (moved) kick, hats, keys and strings placed under them, and the lead to the centre of its lead
     * over the loudest other part as that part will be after its own gain.
     */
    private static Map<String, Double> balance(JsonNode report) {
        Map<String, Double> gains = new LinkedHashMap<>();
        JsonNode kick = finding(report, "kick.level", "Kick");
        gains.put("Kick", centre(kick) - measured(kick));
        JsonNode snare = finding(report, "snare.level", "Snare");
        gains.put("Snare", centre(snare) - measured(snare));
        gains.put("Hats", HATS_PEAK_DBFS - scalar(report, "Hats", "samplePeak"));
        // Measured as kick minus bass: the bass follows the kick's gain and closes the distance to the target.
        JsonNode bassUnderKick = finding(report, "bass.underKick", "Bass", "Kick");
        double bassGain = gains.get("Kick") + measured(bassUnderKick) - centre(bassUnderKick);
        gains.put("Bass", bassGain);
        double bassLufs = scalar(report, "Bass", "integratedLoudness") + bassGain;
        gains.put("Keys", bassLufs - KEYS_UNDER_BASS_LU - scalar(report, "Keys", "integratedLoudness"));
        gains.put("Strings", bassLufs - STRINGS_UNDER_BASS_LU - scalar(report, "Strings", "integratedLoudness"));
        gains.put("Lead Vox", centre(finding(report, "vocal.lead", "Lead Vox")) - medianLead(report, gains));
        return gains;
    }

    /**
     * The lead vocal's median lead over the loudest other part with the other parts' gains applied, dB: the measure
     * of the vocal.lead rule, momentary loudness at each step where the vocal plays.
     */
    private static double medianLead(JsonNode report, Map<String, Double> gains) {
        double[] vocal = series(report, "Lead Vox", "momentaryLoudnessSeries");
        double[] active = series(report, "Lead Vox", "activity");
        List<double[]> others = new ArrayList<>();
        for (Map.Entry<String, Double> other : gains.entrySet()) {
            double[] loudness = series(report, other.getKey(), "momentaryLoudnessSeries");
            for (int i = 0; i < loudness.length; i++) {
                loudness[i] += other.getValue();
            }
            others.add(loudness);
        }
        double[] leads = new double[vocal.length];
        int count = 0;
        for (int i = 0; i < Math.min(vocal.length, active.length); i++) {
            if (active[i] < 0.5 || !Double.isFinite(vocal[i])) {
                continue;
            }
            double loudest = Double.NEGATIVE_INFINITY;
            for (double[] other : others) {
                if (i < other.length && Double.isFinite(other[i])) {
                    loudest = Math.max(loudest, other[i]);
                }
            }
            if (loudest > Double.NEGATIVE_INFINITY) {
                leads[count++] = vocal[i] - loudest;
            }
        }
        assertTrue(count > 0, "the lead plays over the band");
        double[] sorted = Arrays.copyOf(leads, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }

    /** The stem with {@code gainDb} applied, rounded to the 24-bit grid so the mix is the exact sum of the files. */
    private static float[][] gain(float[][] stem, double gainDb) {
        double factor = Math.pow(10, gainDb / 20);
        float[][] out = new float[stem.length][stem[0].length];
        for (int c = 0; c < stem.length; c++) {
            for (int i = 0; i < stem[c].length; i++) {
                out[c][i] = (float) (Math.floor(stem[c][i] * factor * FULL_SCALE_24 + 0.5) / FULL_SCALE_24);
            }
        }
        return out;
    }

    private static double peak(float[][] audio) {
        double peak = 0;
        for (float[] channel : audio) {
            for (float v : channel) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        return peak;
    }

    private static Product.Run analyze(Path session) throws Exception {
        Product.Run run = Product.process(Map.of(), 120, "analyze", session.toString(), "--format", "json");
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, "analyze ran: " + run.err());
        return run;
    }

    /** The finding of {@code rule} with a measured value on exactly {@code tracks}, in any order. */
    private static JsonNode finding(JsonNode report, String rule, String... tracks) {
        for (JsonNode f : Findings.ofRule(report, rule)) {
            Set<String> names = new HashSet<>();
            f.get("tracks").forEach(t -> names.add(t.asText()));
            if (names.equals(Set.of(tracks)) && f.get("measured").isObject()) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " finding on " + List.of(tracks) + ": " + Findings.ofRule(report,
                rule));
    }

    private static double measured(JsonNode finding) {
        return number(finding.get("measured").get("value"), finding.toString());
    }

    private static double centre(JsonNode finding) {
        JsonNode target = finding.get("target");
        return (number(target.get("min"), finding.toString()) + number(target.get("max"), finding.toString())) / 2;
    }

    private static JsonNode track(JsonNode report, String name) {
        for (JsonNode t : report.get("tracks")) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no track " + name + " in the report");
    }

    private static double scalar(JsonNode report, String track, String measurement) {
        JsonNode m = track(report, track).get("measurements").get(measurement);
        return number(m == null ? null : m.get("value"), track + " " + measurement);
    }

    /** A time series; steps without a finite value (silence) are NaN. */
    private static double[] series(JsonNode report, String track, String measurement) {
        JsonNode m = track(report, track).get("measurements").get(measurement);
        assertTrue(m != null && m.get("values").isArray(), track + " has no " + measurement + " series");
        double[] values = new double[m.get("values").size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = m.get("values").get(i);
            values[i] = v.isNumber() ? v.asDouble() : Double.NaN;
        }
        return values;
    }

    private static double number(JsonNode node, String what) {
        assertTrue(node != null && node.isNumber(), "a number in " + what);
        return node.asDouble();
    }

    /** "severity rule [tracks]: message" of every finding of these severities. */
    private static List<String> messages(JsonNode report, String... severities) {
        List<String> wanted = List.of(severities);
        List<String> lines = new ArrayList<>();
        for (JsonNode f : Findings.all(report)) {
            if (wanted.contains(f.get("severity").asText())) {
                lines.add(f.get("severity").asText().toUpperCase(Locale.ROOT) + " " + f.get("rule").asText() + " "
                        + f.get("tracks") + ": " + f.get("message").asText());
            }
        }
        return lines;
    }

    private static void print(String title, JsonNode report, String... severities) {
        List<String> lines = messages(report, severities);
        System.err.println(title + ": " + lines.size() + " finding(s) at " + String.join("/", severities));
        lines.forEach(line -> System.err.println("  " + line));
    }
}
