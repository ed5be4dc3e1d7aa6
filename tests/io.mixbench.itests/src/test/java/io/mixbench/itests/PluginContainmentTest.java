package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixbench.launch.internal.EmbeddedProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a plug-in's activator does takes Mixbench down: exits are refused, a throwing or blocking activator is
 * named and skipped, and the commands that find and remove plug-ins do not start them.
 */
class PluginContainmentTest {

    @Test
    void activatorsThatExitHaltOrThrowAreNamedAndTheAnalysisGoesOn(@TempDir Path plugins) throws Exception {
        TestBundles.badActivator(plugins, "test.activator.exits", "exit");
        TestBundles.badActivator(plugins, "test.activator.halts", "halt");
        TestBundles.badActivator(plugins, "test.activator.runtimeexits", "runtime-exit");
        TestBundles.badActivator(plugins, "test.activator.throws", "throws");
        try (EmbeddedProduct product = Product.startCli(plugins)) {
            Product.Run run = Product.run(product, "analyze", Product.demo("clean").toString(), "--format", "json");
            JsonNode report = run.json();
            ReportSchema.assertValid(report);
            List<String> messages = Findings.ofRule(report, "plugin").stream()
                    .map(f -> f.get("severity").asText() + " " + f.get("message").asText()).toList();
            assertEquals(4, messages.size(), messages.toString());
            assertTrue(messages.stream().allMatch(m -> m.startsWith("rule-error ")), messages.toString());
            assertTrue(
                    messages.stream()
                            .anyMatch(m -> m.contains("test.activator.exits") && m.contains("System.exit(42)")),
                    messages.toString());
            assertTrue(
                    messages.stream()
                            .anyMatch(m -> m.contains("test.activator.halts") && m.contains("Runtime.halt(43)")),
                    messages.toString());
            assertTrue(messages.stream()
                    .anyMatch(m -> m.contains("test.activator.runtimeexits") && m.contains("Runtime.exit(44)")),
                    messages.toString());
            assertTrue(messages.stream().anyMatch(m -> m.contains("test.activator.throws")
                    && m.contains("deliberate failure in the activator")), messages.toString());
            assertTrue(Findings.keys(report, "ok").contains("kick.level@Kick"), "the other rules ran");
            assertEquals(1, run.exitCode(), "a plug-in that is missing fails the check");
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void activatorThatNeverReturnsIsNamedAndTheCommandGoesOn(@TempDir Path plugins) throws Exception {
        TestBundles.badActivator(plugins, "test.activator.blocks", "blocks");
        // The activator blocks on a latch nobody releases: the limit only says how long the launcher waits.
        Product.Run run = Product.process(Map.of("MIXBENCH_PLUGINS", plugins.toString(), "MIXBENCH_JAVA_OPTS",
                "-Dmixbench.pluginStartSeconds=1"), 120, "analyze", Product.demo("clean").toString(), "--format",
                "json");
        assertEquals(1, run.exitCode(), run.err());
        JsonNode plugin = Findings.ofRule(Product.JSON.readTree(run.out()), "plugin").get(0);
        assertEquals("rule-error", plugin.get("severity").asText());
        assertTrue(plugin.get("message").asText().contains("test.activator.blocks")
                && plugin.get("message").asText().contains("did not finish starting"), plugin.toString());
        assertTrue(run.err().contains("test.activator.blocks"), run.err());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void versionHelpAndPluginCommandsWorkWithoutStartingPlugins(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path markers = Files.createDirectories(work.resolve("markers"));
        TestBundles.badActivator(plugins, "test.activator.exits", "exit");
        TestBundles.badActivator(plugins, "test.activator.blocks", "blocks");
        Files.copy(Product.testBundle("io.mixbench.testbundle.badrules"), plugins.resolve("badrules.jar"));
        Map<String, String> env = Map.of("MIXBENCH_PLUGINS", plugins.toString(), "MIXBENCH_JAVA_OPTS",
                "-Dmixbench.test.markerDir=" + markers);

        Product.Run version = Product.process(env, 60, "version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().contains("test.activator.exits"), version.out());
        assertEquals(0, Product.process(env, 60, "--help").exitCode());
        assertEquals(0, Product.process(env, 60, "analyze", "--help").exitCode());

        Product.Run list = Product.process(env, 60, "plugins");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("test.activator.exits") && list.out().contains("test.activator.blocks")
                && list.out().contains("resolves (not started)"), list.out());
        assertTrue(list.out().contains("rule bad.throws") && list.out().contains("rule bad.exits"),
                "the rules are read from the component descriptions: " + list.out());
        try (Stream<Path> started = Files.list(markers)) {
            assertEquals(0, started.count(), "no activator ran");
        }

        Product.Run uninstall = Product.process(env, 60, "plugins", "uninstall", "test.activator.exits");
        assertEquals(0, uninstall.exitCode(), uninstall.err());
        assertEquals(0, Product.process(env, 60, "plugins", "uninstall", "test.activator.blocks").exitCode());
        assertFalse(Files.exists(plugins.resolve("test.activator.exits.jar")));
        assertFalse(Files.exists(plugins.resolve("test.activator.blocks.jar")));
    }

    @Test
    void installingAPluginWhoseActivatorExitsNamesIt(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path jar = TestBundles.badActivator(work, "test.activator.exits", "exit");
        Product.Run install = Product.process(Map.of("MIXBENCH_PLUGINS", plugins.toString()), 60, "plugins",
                "install", jar.toString());
        assertEquals(1, install.exitCode(), install.err());
        assertTrue(install.err().contains("test.activator.exits") && install.err().contains("System.exit(42)")
                && install.err().contains("plugins uninstall"), install.err());
    }

    @Test
    void descriptorFailuresAreOneLineNamingTheBundle(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Map<String, String> env = Map.of("MIXBENCH_PLUGINS", plugins.toString());
        Product.Run install = Product.process(env, 60, "plugins", "install",
                Product.testBundle("io.mixbench.testbundle.badrules").toString());
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.out().contains("rule bad.descriptorNull  cannot describe itself"), install.out());
        assertNoStackTrace(install);
        assertNoStackTrace(Product.process(env, 60, "plugins"));
        Product.Run rules = Product.process(env, 60, "rules");
        assertNoStackTrace(rules);
        assertEquals(2, rules.err().lines().filter(l -> l.contains("io.mixbench.testbundle.badrules")
                && l.contains("cannot describe itself")).count(), rules.err());
        Product.Run analyze = Product.process(env, 120, "analyze", Product.demo("clean").toString(), "--format",
                "json", "--rule-time-limit", "1");
        assertNoStackTrace(analyze);
        assertEquals(1, analyze.exitCode(), analyze.err());
    }

    @Test
    void pluginRuleWithTheIdOfAProductRuleAndAnImpostorBundleAreReported(@TempDir Path plugins) throws Exception {
        // A plug-in claiming the standard rules' symbolic name (at another version) and the id of their rule `health`.
        TestBundles.variant(Product.testBundle("io.mixbench.testbundle.badactivator"),
                plugins.resolve("impostor.jar"), Map.of("Bundle-SymbolicName", "io.mixbench.rules.standard",
                        "Bundle-Version", "99.0.0", "Mixbench-Test-Activator", "rule:health"));
        try (EmbeddedProduct product = Product.startCli(plugins)) {
            JsonNode report = Product.run(product, "analyze", Product.demo("clean").toString(), "--format", "json")
                    .json();
            ReportSchema.assertValid(report);
            String productVersion = report.get("versions").get("io.mixbench.rules.standard").asText();
            assertFalse(productVersion.startsWith("99"), "the product's version: " + report.get("versions"));
            assertEquals("99.0.0", report.get("versions").get("io.mixbench.rules.standard (plug-in)").asText());
            List<String> messages = Findings.ofRule(report, "plugin").stream().map(f -> f.get("message").asText())
                    .toList();
            assertTrue(messages.stream().anyMatch(m -> m.contains("Rule health of bundle io.mixbench.rules.standard"
                    + " 99.0.0") && m.contains("io.mixbench.rules.standard " + productVersion)), messages.toString());
            assertTrue(messages.stream().anyMatch(m -> m.contains("has the symbolic name of the product's bundle")),
                    messages.toString());
            long healthRules = 0;
            for (JsonNode rule : report.get("ruleSet").get("rules")) {
                healthRules += rule.get("id").asText().equals("health") ? 1 : 0;
            }
            assertEquals(1, healthRules, "one rule health took part");
        }
    }

    static void assertNoStackTrace(Product.Run run) {
        assertFalse(run.err().lines().anyMatch(l -> l.startsWith("\tat ") || l.contains("Exception:")
                && !l.startsWith("mixbench: ")), run.err());
    }
}
