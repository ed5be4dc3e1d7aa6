package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixbench.launch.internal.EmbeddedProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules that throw, hang or return nonsense become RULE ERROR findings; every other finding stands. */
class RuleIsolationTest {

    @Test
    void badRulesAreReportedAndTheRestStands(@TempDir Path plugins) throws Exception {
        Files.copy(Product.testBundle("io.mixbench.testbundle.badrules"), plugins.resolve("badrules.jar"));
        try (EmbeddedProduct product = Product.startCli(plugins)) {
            Product.Run run = Product.run(product, "analyze", Product.demo("flawed").toString(), "--format", "json",
                    "--rule-time-limit", "1.5");
            JsonNode report = run.json();
            ReportSchema.assertValid(report);
            assertEquals(Set.of("bad.exits@", "bad.halts@", "bad.hangs@", "bad.returnsNull@", "bad.throws@",
                    "bad.unknownTrack@", "io.mixbench.testbundle.badrules.BadRules$DescriptorNull@",
                    "io.mixbench.testbundle.badrules.BadRules$DescriptorThrows@"), Findings.keys(report, "rule-error"));
            for (JsonNode error : Findings.all(report)) {
                if (error.get("severity").asText().equals("rule-error")) {
                    assertTrue(error.get("message").asText().contains("io.mixbench.testbundle.badrules"),
                            "names the bundle: " + error);
                }
            }
            assertTrue(Findings.ofRule(report, "bad.hangs").get(0).get("message").asText().contains("time limit"));
            // The exit calls were woven into exceptions: this JVM (the test's) is still here to check.
            assertTrue(Findings.ofRule(report, "bad.exits").get(0).get("message").asText().contains("System.exit(42)"));
            assertTrue(
                    Findings.ofRule(report, "bad.halts").get(0).get("message").asText().contains("Runtime.halt(43)"));
            assertTrue(Findings.keys(report, "problem").contains("kick.level@Kick"), "the other rules' findings stand");
            assertEquals(1, run.exitCode(), "rule errors count as failures");
        }
    }

    @Test
    void processExitsCleanlyWithARuleStillHungOrTryingToExit(@TempDir Path plugins) throws Exception {
        Files.copy(Product.testBundle("io.mixbench.testbundle.badrules"), plugins.resolve("badrules.jar"));
        Product.Run run = Product.process(Map.of("MIXBENCH_PLUGINS", plugins.toString()), 60, "analyze",
                Product.demo("clean").toString(), "--format", "json", "--rule-time-limit", "1");
        assertEquals(1, run.exitCode(), "not a plug-in's exit code: " + run.err());
        Set<String> errors = Findings.keys(Product.JSON.readTree(run.out()), "rule-error");
        assertTrue(errors.containsAll(Set.of("bad.hangs@", "bad.exits@", "bad.halts@")), errors.toString());
    }

    @Test
    void bundleThatNeverResolvesIsAPluginErrorAndTheRestStands(@TempDir Path plugins) throws Exception {
        Files.copy(Product.testBundle("io.mixbench.testbundle.unresolvable"), plugins.resolve("unresolvable.jar"));
        try (EmbeddedProduct product = Product.startCli(plugins)) {
            assertTrue(
                    product.problems().stream()
                            .anyMatch(p -> p.message().contains("io.mixbench.testbundle.unresolvable")),
                    "the launcher reports it: " + product.problems());
            Product.Run run = Product.run(product, "analyze", Product.demo("clean").toString(), "--format", "json");
            JsonNode report = run.json();
            ReportSchema.assertValid(report);
            JsonNode plugin = Findings.ofRule(report, "plugin").get(0);
            assertEquals("rule-error", plugin.get("severity").asText());
            assertTrue(plugin.get("message").asText().contains("io.mixbench.testbundle.unresolvable")
                    && plugin.get("message").asText().contains("com.example.nowhere.api"), plugin.toString());
            assertTrue(Findings.keys(report, "ok").contains("kick.level@Kick"), "the other rules ran");
            assertEquals(1, run.exitCode());
        }
    }
}
