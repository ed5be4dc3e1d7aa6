package io.mixbench.itests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import io.mixbench.itests.ReportSchema;
import io.mixbench.launch.LaunchContext;
import io.mixbench.launch.internal.EmbeddedProduct;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished master on the product: the balanced generated session's mix, raised and through a true-peak limiter to
 * about -0.8 dBTP at about -13 LUFS, bounced alone. It is judged as a master (guessed from its audio, said in the
 * report) and gets no pre-master WARN or PROBLEM; {@code --deliverable pre-master} brings that judgement back.
 */
class DeliverableEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The rules whose judgement is a pre-master's: headroom, loudness for mastering, no bus limiting. */
    static final List<String> PRE_MASTER_RULES = List.of("mix.headroom", "premaster.loudness", "bus.limiting");
    static final Set<String> SERIOUS = Set.of("warn", "problem", "rule-error");

    @TempDir
    static Path plugins;
    @TempDir
    static Path work;
    static EmbeddedProduct product;
    static Path master;

    @BeforeAll
    static void start() throws Exception {
        LaunchContext context = new LaunchContext(RuleFixEndToEndTest.home(), plugins, Path.of("").toAbsolutePath(),
                "test");
        product = EmbeddedProduct.start(context, List.of("core", "rules", "cli"), true, Map.of(), System.err);
        Multitrack song = Sessions.stems();
        song.masterDb = 5;
        song.truePeakLimitDbtp = -0.6; // the limiter aims 0.2 dB under its ceiling: about -0.8 dBTP
        Path folder = Files.createDirectories(work.resolve("master"));
        master = folder.resolve("Song Master.wav");
        WavWriter.write(master, song.rateHz, WavEncoding.PCM_24, song.renderMix());
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void aLimitedMasterIsJudgedAsAMaster() throws Exception {
        JsonNode report = analyze(master.toString());
        ReportSchema.assertValid(report);
        double integrated = report.at("/mix/measurements/integratedLoudness/value").asDouble();
        double truePeak = report.at("/mix/measurements/truePeak/value").asDouble();
        assertTrue(integrated > -14.5 && integrated < -11.5, "about -13 LUFS: " + integrated);
        assertTrue(truePeak > -1.5 && truePeak <= -0.5, "limited to about -0.8 dBTP: " + truePeak);

        assertEquals("master", report.at("/deliverable/id").asText(), report.get("deliverable").toString());
        assertEquals("guessed", report.at("/deliverable/source").asText());
        assertTrue(report.at("/deliverable/text").asText().startsWith("Judged as a master: guessed from the audio ("),
                report.get("deliverable").toString());
        for (String rule : PRE_MASTER_RULES) {
            assertEquals(List.of(), serious(report, rule), rule + " judged the master as a pre-master");
            assertFalse(ofRule(report, rule).isEmpty(), rule + " says what it did");
        }
        assertTrue(ofRule(report, "mix.headroom").get(0).get("message").asText()
                .startsWith("Mix bus headroom not judged: a master."), ofRule(report, "mix.headroom").toString());
    }

    @Test
    void deliverablePreMasterBringsThePreMasterJudgementBack() throws Exception {
        JsonNode report = analyze(master.toString(), "--deliverable", "pre-master");
        ReportSchema.assertValid(report);
        assertEquals("pre-master", report.at("/deliverable/id").asText());
        assertEquals("option", report.at("/deliverable/source").asText());
        assertFalse(serious(report, "mix.headroom").isEmpty(), "no headroom left for mastering");
        assertFalse(serious(report, "premaster.loudness").isEmpty(), "too loud for a pre-master");
        // judged as a pre-master again (whether it detects this light limiting is bus.limiting's own matter)
        for (JsonNode f : ofRule(report, "bus.limiting")) {
            assertFalse(f.get("message").asText().startsWith("Expected on a master"), f.toString());
        }
    }

    @Test
    void theTextReportSaysWhatWasJudged() throws Exception {
        String text = run(master.toString());
        assertTrue(text.contains("\nJudged as a master: guessed from the audio ("), text);
    }

    static JsonNode analyze(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        return JSON.readTree(run(all.toArray(String[]::new)));
    }

    static String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = product.run("analyze", List.of(args), o, e, 10_000);
        }
        assertTrue(code == 0 || code == 1, "exit code " + code + ": " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<JsonNode> ofRule(JsonNode report, String rule) {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if (f.get("rule").asText().equals(rule)) {
                list.add(f);
            }
        }
        return list;
    }

    static List<JsonNode> serious(JsonNode report, String rule) {
        return ofRule(report, rule).stream().filter(f -> SERIOUS.contains(f.get("severity").asText())).toList();
    }
}
