package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixbench.launch.internal.EmbeddedProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's bundles in a real Felix framework analyse both demo sessions through the services (the CLI
 * application, the analysis service, the standard rules and the default rule set) with exactly the planted
 * findings.
 */
class DemoSessionsTest {

    @TempDir
    static Path plugins;
    static EmbeddedProduct product;

    @BeforeAll
    static void start() throws Exception {
        product = Product.startCli(plugins);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void flawedDemoHasExactlyThePlantedProblems() throws Exception {
        Product.Run run = Product.run(product, "analyze", Product.demo("flawed").toString(), "--format", "json");
        JsonNode report = run.json();
        ReportSchema.assertValid(report);
        // Three planted problems, five findings: the hot kick is out of its own range and out of its relation to the
        // bass; the hard-panned bass pulls the low end and the mix's balance off centre (both name the bass).
        assertEquals(Set.of("kick.level@Kick", "bass.underKick@Kick", "lowEnd.centred@Bass", "mix.balance@Mix",
                "vocal.lead@Lead Vox"), Findings.keys(report, "warn", "problem", "rule-error"), run.out());
        JsonNode balance = Findings.ofRule(report, "mix.balance").get(0);
        assertTrue(balance.get("tracks").toString().contains("Bass"), "the balance finding names its cause");
        assertEquals(1, run.exitCode(), "PROBLEM findings exit with 1");
        JsonNode kick = Findings.ofRule(report, "kick.level").get(0);
        assertEquals("problem", kick.get("severity").asText());
        double kickFix = kick.get("fix").get("gainDb").asDouble();
        assertTrue(kickFix < -5 && kickFix > -7, "the kick is 6 dB too hot: fix " + kickFix);
        JsonNode vocal = Findings.ofRule(report, "vocal.lead").get(0);
        assertTrue(vocal.get("fix").get("gainDb").asDouble() > 8, "the vocal is 10 dB buried: " + vocal);
        JsonNode bass = Findings.ofRule(report, "lowEnd.centred").get(0);
        assertEquals(0.0, bass.get("fix").get("panPercent").asDouble(), "pan the bass back to the centre");
    }

    @Test
    void flawedDemoTextReportFitsOnAScreenAndStartsWithItsPlanThenItsMoves() throws Exception {
        Product.Run run = Product.run(product, "analyze", Product.demo("flawed").toString());
        List<String> lines = run.out().lines().toList();
        // 40 lines of findings and moves, and 6 of the plan (a blank line, its title, its three moves, the counts):
        // a screen and a little more, for the one answer that makes the rest a reference.
        assertTrue(lines.size() <= 46, lines.size() + " lines, more than the plan and one screen:\n" + run.out());
        for (String line : lines) {
            assertTrue(line.length() <= 100, "wider than 100 columns: " + line);
        }
        // A one-line header and what the mix is judged as, then the plan: the three moves at once, predicted.
        assertTrue(lines.get(0).startsWith("Mixbench "), run.out());
        assertTrue(lines.get(1).startsWith("Judged as a pre-master: "), run.out());
        assertEquals("", lines.get(2), run.out());
        assertEquals("Plan: all moves at once", lines.get(3), run.out());
        assertTrue(lines.get(4).matches(" 1\\. Lower Kick by [56]\\.\\d dB +\\[.*kick\\.level.*\\]"), run.out());
        assertTrue(lines.get(5).matches(" 2\\. Raise Lead Vox by (9\\.\\d|10\\.\\d|11\\.0) dB +\\[vocal\\.lead\\]"),
                run.out());
        assertTrue(lines.get(6).matches(" 3\\. Pan Bass to the centre +\\[lowEnd\\.centred\\]"), run.out());
        assertEquals("Predicted: 4 PROBLEM, 1 WARN -> 0 PROBLEM, 0 WARN (run `mixbench plan` to render and verify it)",
                lines.get(7), run.out());
        assertFalse(run.out().contains("erified:"), "a plan not rendered is never said to be verified");
        // Then the moves each finding asks for on its own.
        assertEquals("", lines.get(8), run.out());
        assertEquals("Moves, most urgent first", lines.get(9), run.out());
        assertTrue(lines.get(10).startsWith("PROBLEM "), run.out());
        // The kick's move is asked for by two rules: said once among the moves, naming both.
        List<String> kick = lines.subList(9, lines.size()).stream().filter(l -> l.contains("Lower Kick by")).toList();
        assertEquals(1, kick.size(), run.out());
        assertTrue(kick.get(0).contains("kick.level") && kick.get(0).contains("bass.underKick"), kick.get(0));
        // The streaming preview is one table; the tonal hints of a session with stems are left out and counted.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Streaming ") && l.contains("Spotify")
                && l.contains("Deezer")), run.out());
        assertFalse(run.out().contains("genre tilt"), run.out());
        assertTrue(run.out().contains("(4 tonal hints: --verbose)"), run.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("Verdict: PROBLEM"), run.out());
        // --verbose lists them.
        String verbose = Product.run(product, "analyze", Product.demo("flawed").toString(), "--verbose").out();
        assertTrue(verbose.contains("genre tilt"), verbose);
        // --no-plan leaves the plan out: the report as it was, within one screen.
        List<String> noPlan = Product.run(product, "analyze", Product.demo("flawed").toString(), "--no-plan").out()
                .lines().toList();
        assertEquals(lines.subList(8, lines.size()), noPlan.subList(2, noPlan.size()), "only the plan is left out");
        assertTrue(noPlan.size() <= 40, noPlan.size() + " lines");
    }

    @Test
    void flawedDemoJsonCarriesThePlanPredictedAndTheCleanDemoAnEmptyOne() throws Exception {
        JsonNode plan = validJson("flawed").get("plan");
        assertFalse(plan.get("rendered").asBoolean());
        assertTrue(plan.get("after").isNull(), plan.toString());
        assertEquals(4, plan.at("/before/problem").asInt());
        assertEquals(1, plan.at("/before/warn").asInt());
        assertEquals(0, plan.at("/predicted/problem").asInt() + plan.at("/predicted/warn").asInt(), plan.toString());
        List<String> ids = new ArrayList<>();
        plan.get("moves").forEach(m -> ids.add(m.get("id").asText()));
        assertEquals(List.of("level:Kick", "level:Lead Vox", "pan:Bass"), ids, plan.toString());
        double kick = plan.at("/moves/0/fixes/0/gainDb").asDouble();
        assertTrue(kick > -6.5 && kick < -5.5, "the kick is 6 dB too hot: " + kick);
        double vocal = plan.at("/moves/1/fixes/0/gainDb").asDouble();
        assertTrue(vocal > 9 && vocal < 11, "the vocal is 10 dB buried: " + vocal);
        // With --no-plan the JSON has no plan at all.
        assertFalse(validJson("flawed", "--no-plan").has("plan"), "--no-plan");
        // The clean demo needs no move: its plan is empty, and its text report has no plan section.
        JsonNode clean = validJson("clean");
        assertEquals(0, clean.at("/plan/moves").size(), clean.get("plan").toString());
        String cleanText = Product.run(product, "analyze", Product.demo("clean").toString()).out();
        assertFalse(cleanText.contains("Plan: "), cleanText);
    }

    @Test
    void flawedDemoJsonKeepsEveryFindingAndAddsTheMoves() throws Exception {
        Product.Run run = Product.run(product, "analyze", Product.demo("flawed").toString(), "--format", "json");
        JsonNode report = run.json();
        ReportSchema.assertValid(report);
        JsonNode moves = report.get("moves");
        List<JsonNode> kick = new ArrayList<>();
        for (JsonNode move : moves) {
            for (JsonNode index : move.get("findings")) {
                assertTrue(index.asInt() < report.get("findings").size(), move.toString());
            }
            if (move.get("track").asText().equals("Kick") && move.get("kind").asText().equals("level")) {
                kick.add(move);
            }
        }
        assertEquals(1, kick.size(), moves.toString());
        assertEquals(Set.of("kick.level", "bass.underKick"), names(kick.get(0).get("rules")), kick.toString());
        assertEquals(Findings.ofRule(report, "kick.level").get(0).get("fix").get("gainDb").asDouble(),
                kick.get(0).at("/actions/gainDb").asDouble(), 1e-9);
        // Every finding stays: the two findings the kick's move groups are both still listed.
        assertEquals(1, Findings.ofRule(report, "bass.underKick").size());
        assertEquals("problem", moves.get(0).get("severity").asText());
    }

    /** The JSON report of a demo session, checked against the schema. */
    private static JsonNode validJson(String demo, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("analyze", Product.demo(demo).toString(), "--format", "json"));
        args.addAll(List.of(more));
        JsonNode report = Product.run(product, args.toArray(String[]::new)).json();
        ReportSchema.assertValid(report);
        return report;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    @Test
    void readmeQuotesTheFlawedDemoReportAsTheProductPrintsIt() throws Exception {
        List<String> readme = Files.readAllLines(Path.of(System.getProperty("mixbench.readme", "../../README.md")));
        int start = -1;
        for (int i = 0; i < readme.size() && start < 0; i++) {
            if (readme.get(i).startsWith("    Mixbench ") && readme.get(i).contains(": flawed, ")) {
                start = i;
            }
        }
        assertTrue(start >= 0, "README quotes the flawed demo's report as an indented block");
        List<String> quoted = new ArrayList<>();
        for (int i = start; i < readme.size() && (readme.get(i).isEmpty() || readme.get(i).startsWith("    ")); i++) {
            quoted.add(readme.get(i).isEmpty() ? "" : readme.get(i).substring(4));
        }
        while (quoted.get(quoted.size() - 1).isEmpty()) {
            quoted.remove(quoted.size() - 1);
        }
        // bin/mixbench, as releng/demo.sh runs it (in this JVM the bundles' version reads 0.1.0.SNAPSHOT)
        Product.Run run = Product.process(Map.of(), 90, "analyze", Product.demo("flawed").toString());
        assertEquals(run.out().stripTrailing(), String.join("\n", quoted),
                "README's demo output is what the product prints");
    }

    @Test
    void cleanDemoHasNoWarningOrProblem() throws Exception {
        Product.Run run = Product.run(product, "analyze", Product.demo("clean").toString(), "--format", "json",
                "--fail-on", "warn");
        JsonNode report = run.json();
        ReportSchema.assertValid(report);
        assertEquals(Set.of(), Findings.keys(report, "warn", "problem", "rule-error"), run.out());
        assertEquals(0, run.exitCode());
        assertEquals("Mix", report.get("mix").get("name").asText(), "Mix.wav is the mix");
        assertEquals(5, report.get("tracks").size(), "five stems");
        assertTrue(Findings.keys(report, "ok").contains("kick.level@Kick"), "the kick level was checked");
    }
}
