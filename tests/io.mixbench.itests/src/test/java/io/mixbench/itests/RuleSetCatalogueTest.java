package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped rule-set catalogue (bundles io.mixbench.ruleset.default and io.mixbench.ruleset.genres) through
 * bin/mixbench: every set is installed without problems, shows resolved, analyses the clean demo into a valid
 * report under its own id, and a genre set changes a verdict the default set gives.
 */
class RuleSetCatalogueTest {

    static final List<String> SHIPPED = List.of("default", "rock", "pop", "hip-hop", "edm", "metal", "jazz-acoustic",
            "orchestral-cinematic", "pre-master", "streaming");

    @TempDir
    Path config;

    /** An empty user folder, so only the shipped sets are listed. */
    private Map<String, String> env() {
        return Map.of("XDG_CONFIG_HOME", config.toString());
    }

    @Test
    void everyShippedSetIsListedWithoutProblems() throws Exception {
        Product.Run list = Product.process(env(), 60, "rulesets");
        assertEquals(0, list.exitCode(), list.err());
        assertFalse(list.err().contains("mixbench:"), "a shipped set has a problem: " + list.err());
        for (String id : SHIPPED) {
            assertTrue(list.out().lines().anyMatch(l -> l.startsWith(id + " ")), id + " is not listed: " + list.out());
        }
    }

    @Test
    void everySetShowsWithItsExtendsResolved() throws Exception {
        for (String id : SHIPPED) {
            Product.Run show = Product.process(env(), 60, "rulesets", "show", id);
            assertEquals(0, show.exitCode(), id + ": " + show.err());
            assertTrue(show.out().startsWith(id + ": "), show.out());
            // resolved: rules the set does not mention are shown with the default's values
            assertTrue(show.out().contains("session.consistency  enabled  maxLengthDifference=0.05"), show.out());
        }
        Product.Run orchestral = Product.process(env(), 60, "rulesets", "show", "orchestral-cinematic");
        assertTrue(orchestral.out().lines().anyMatch(l -> l.trim().startsWith("kick.level") && l.contains("disabled")),
                orchestral.out());
        Product.Run hipHop = Product.process(env(), 60, "rulesets", "show", "hip-hop");
        assertTrue(hipHop.out().contains("minDb=-2, problemMarginDb=5"), hipHop.out());
    }

    @Test
    void everySetAnalysesTheCleanDemo() throws Exception {
        for (String id : SHIPPED) {
            Product.Run run = Product.process(env(), 120, "analyze", Product.demo("clean").toString(), "--rules", id,
                    "--format", "json");
            assertTrue(run.exitCode() == 0 || run.exitCode() == 1, id + " exited " + run.exitCode() + ": " + run.err());
            JsonNode report = run.json();
            ReportSchema.assertValid(report);
            assertEquals(id, report.get("ruleSet").get("id").asText());
            assertFalse(Findings.all(report).isEmpty(), id);
            for (JsonNode f : Findings.all(report)) {
                assertFalse(f.get("severity").asText().equals("rule-error"), id + ": " + f);
            }
        }
    }

    @Test
    void setsSwitchOffTheRulesThatDoNotApply() throws Exception {
        JsonNode orchestral = analyze(Product.demo("clean"), "orchestral-cinematic");
        for (String rule : List.of("kick.level", "snare.level", "bass.underKick", "pan.notLevel",
                "width.notLoudness")) {
            assertTrue(Findings.ofRule(orchestral, rule).isEmpty(), rule + " ran under orchestral-cinematic");
        }
        assertFalse(Findings.ofRule(orchestral, "vocal.lead").isEmpty());
        JsonNode preMaster = analyze(Product.demo("clean"), "pre-master");
        assertTrue(Findings.ofRule(preMaster, "streaming.preview").isEmpty(), "no streaming preview for a pre-master");
        assertFalse(Findings.ofRule(analyze(Product.demo("clean"), "default"), "streaming.preview").isEmpty());
    }

    @Test
    void hipHopAndEdmAcceptABassAsLoudAsTheKick(@TempDir Path session) throws Exception {
        // The clean demo's stems with the bass 3 dB hotter: it sits level with the kick instead of 3 dB under it.
        for (String stem : List.of("Kick.wav", "Snare.wav", "Lead Vox.wav", "Pad.wav")) {
            Files.copy(Product.demo("clean").resolve(stem), session.resolve(stem));
        }
        NullTestTest.Wav bass = NullTestTest.read(Product.demo("clean").resolve("Bass.wav"));
        float gain = (float) Math.pow(10, 3 / 20.0);
        float[][] hotter = new float[bass.channels().length][];
        for (int c = 0; c < hotter.length; c++) {
            hotter[c] = bass.channels()[c].clone();
            for (int i = 0; i < hotter[c].length; i++) {
                hotter[c][i] *= gain;
            }
        }
        WavWriter.write(session.resolve("Bass.wav"), bass.rateHz(), WavEncoding.PCM_24, hotter);

        JsonNode byDefault = bassUnderKick(analyze(session, "default"));
        assertEquals(0.0, byDefault.get("measured").get("value").asDouble(), 0.3, byDefault.toString());
        assertEquals("warn", byDefault.get("severity").asText(), "default wants the bass 2-4 dB under the kick");
        assertEquals("Bass", byDefault.get("fix").get("track").asText(), byDefault.toString());

        for (String genre : List.of("hip-hop", "edm")) {
            JsonNode finding = bassUnderKick(analyze(session, genre));
            assertEquals(byDefault.get("measured").get("value").asDouble(),
                    finding.get("measured").get("value").asDouble(), 1e-6, "the same measure, another target");
            assertEquals("ok", finding.get("severity").asText(), genre + " accepts it: " + finding);
        }
        // and the other way round: a bass 3 dB under the kick is too far down for hip-hop's 808
        JsonNode clean = bassUnderKick(analyze(Product.demo("clean"), "hip-hop"));
        assertEquals("warn", clean.get("severity").asText(), clean.toString());
        assertTrue(clean.get("fix").get("gainDb").asDouble() > 0, "raise the bass: " + clean);
    }

    private JsonNode analyze(Path session, String ruleSet) throws Exception {
        Product.Run run = Product.process(env(), 120, "analyze", session.toString(), "--rules", ruleSet, "--format",
                "json");
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, ruleSet + ": " + run.err());
        JsonNode report = run.json();
        ReportSchema.assertValid(report);
        assertEquals(ruleSet, report.get("ruleSet").get("id").asText());
        return report;
    }

    private static JsonNode bassUnderKick(JsonNode report) {
        List<JsonNode> findings = Findings.ofRule(report, "bass.underKick");
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }
}
