package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studio rule sets and the plug-in folder through bin/mixbench, as a user works with them. */
class RuleSetsAndPluginsCliTest {

    @Test
    void studioSetExtendsTheDefaultAndChangesTheVerdict(@TempDir Path config) throws Exception {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString());
        Product.Run created = Product.process(env, 60, "rulesets", "new", "hot-kick", "--extends", "default");
        assertEquals(0, created.exitCode(), created.err());
        Path file = config.resolve("mixbench/rulesets/hot-kick.json");
        assertTrue(Files.isRegularFile(file), created.out());
        // The studio wants its kick 5 to 7 dB hotter than the default: the flawed demo's kick then fits.
        String json = Files.readString(file).replace("\"minPeak\": \"-12 dBFS\"", "\"minPeak\": \"-6 dBFS\"")
                .replaceFirst("\"maxPeak\": \"-10 dBFS\"", "\"maxPeak\": \"-4 dBFS\"");
        Files.writeString(file, json);
        assertEquals(0, Product.process(env, 60, "rulesets", "check", file.toString()).exitCode());
        Product.Run list = Product.process(env, 60, "rulesets");
        assertTrue(list.out().contains("hot-kick"), list.out());

        JsonNode report = Product.JSON.readTree(Product.process(env, 60, "analyze",
                Product.demo("flawed").toString(), "--format", "json", "--rules", "hot-kick").out());
        assertEquals("hot-kick", report.get("ruleSet").get("id").asText());
        assertEquals("ok", Findings.ofRule(report, "kick.level").get(0).get("severity").asText(), "kick in range");
    }

    @Test
    void invalidSetsAreRejectedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, """
                {
                  "format": "mixbench-ruleset",
                  "formatVersion": 1,
                  "id": "broken",
                  "extends": "default",
                  "rules": {
                    "kick.level": {"parameters": {"minPeak": "-12 LUFS"}},
                    "snare.level": {"parameters": {"minPeak": -11, "maxPeak": -13}}
                  }
                }
                """);
        Product.Run check = Product.process(Map.of(), 60, "rulesets", "check", file.toString());
        assertEquals(1, check.exitCode());
        assertTrue(check.err().contains("broken.json") && check.err().contains("line 7")
                && check.err().contains("in dBFS, not LUFS") && check.err().contains("line 8"), check.err());
        Product.Run analyze = Product.process(Map.of(), 60, "analyze", Product.demo("clean").toString(), "--rules",
                file.toString());
        assertEquals(2, analyze.exitCode(), "never half-applied: the analysis does not run");
    }

    @Test
    void setBesideTheSessionIsFoundByName(@TempDir Path session) throws Exception {
        try (Stream<Path> stems = Files.list(Product.demo("clean"))) {
            for (Path stem : stems.filter(Files::isRegularFile).toList()) {
                Files.copy(stem, session.resolve(stem.getFileName()));
            }
        }
        Files.writeString(session.resolve("house.ruleset.json"), """
                {"format": "mixbench-ruleset", "formatVersion": 1, "id": "house", "extends": "default",
                 "rules": {"vocal.lead": {"enabled": false}}}
                """);
        JsonNode report = Product.JSON.readTree(Product.process(Map.of(), 60, "analyze", session.toString(),
                "--format", "json", "--rules", "house").out());
        assertEquals("house", report.get("ruleSet").get("id").asText());
        assertTrue(Findings.ofRule(report, "vocal.lead").isEmpty(), "disabled by the house set");
    }

    @Test
    void pluginsInstallListAndUninstall(@TempDir Path plugins) throws Exception {
        Map<String, String> env = Map.of("MIXBENCH_PLUGINS", plugins.toString());
        Product.Run install = Product.process(env, 60, "plugins", "install",
                Product.testBundle("io.mixbench.example.rule").toString());
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.out().contains("rule example.supportingElements"), install.out());
        Product.Run list = Product.process(env, 60, "plugins");
        assertTrue(list.out().contains("io.mixbench.example.rule") && list.out().contains("resolves (not started)")
                && list.out().contains("rule example.supportingElements"), list.out());
        Product.Run rules = Product.process(env, 60, "rules");
        assertTrue(rules.out().contains("example.supportingElements"), rules.out());
        Product.Run uninstall = Product.process(env, 60, "plugins", "uninstall", "io.mixbench.example.rule");
        assertEquals(0, uninstall.exitCode(), uninstall.err());
        try (Stream<Path> left = Files.list(plugins)) {
            assertFalse(left.anyMatch(p -> p.toString().endsWith(".jar")));
        }
        assertEquals(2, Product.process(env, 60, "plugins", "install", plugins.resolve("missing.jar").toString())
                .exitCode());
    }
}
