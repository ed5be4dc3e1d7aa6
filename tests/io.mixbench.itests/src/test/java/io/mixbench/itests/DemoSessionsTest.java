package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixbench.launch.internal.EmbeddedProduct;
import java.nio.file.Path;
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
