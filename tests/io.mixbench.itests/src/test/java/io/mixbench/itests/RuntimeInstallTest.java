package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixbench.launch.internal.EmbeddedProduct;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** A third-party rule bundle installed while the framework runs takes part in the next analysis. */
class RuntimeInstallTest {

    static final String RULE = "example.supportingElements";

    @Test
    void ruleInstalledWhileRunningIsUsedInTheNextAnalysis(@TempDir Path plugins) throws Exception {
        try (EmbeddedProduct product = Product.startCli(plugins)) {
            String clean = Product.demo("clean").toString();
            JsonNode before = Product.run(product, "analyze", clean, "--format", "json").json();
            assertFalse(Findings.ruleTookPart(before, RULE), "not installed yet");

            Path jar = Product.testBundle("io.mixbench.example.rule");
            Bundle bundle = product.bundleContext().installBundle(jar.toUri().toString(), Files.newInputStream(jar));
            bundle.start();

            JsonNode after = Product.run(product, "analyze", clean, "--format", "json").json();
            assertTrue(Findings.ruleTookPart(after, RULE), "the new rule took part without a restart");
            JsonNode pad = Findings.ofRule(after, RULE).get(0);
            assertEquals("Pad", pad.get("tracks").get(0).asText());
            assertEquals("ok", pad.get("severity").asText(), "the clean pad peaks below -18 dBFS");

            bundle.uninstall();
            JsonNode removed = Product.run(product, "analyze", clean, "--format", "json").json();
            assertFalse(Findings.ruleTookPart(removed, RULE), "gone once uninstalled");
        }
    }

    @Test
    void pluginFolderBundlesAreActiveBeforeTheAnalysis(@TempDir Path plugins) throws Exception {
        Files.copy(Product.testBundle("io.mixbench.example.rule"), plugins.resolve("example-rule.jar"));
        try (EmbeddedProduct product = Product.startCli(plugins)) {
            JsonNode report = Product.run(product, "analyze", Product.demo("clean").toString(), "--format", "json")
                    .json();
            assertTrue(Findings.ruleTookPart(report, RULE), "plugins/ was installed before the analysis");
        }
    }
}
