package io.mixbench.ruleset.genres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every shipped set of this bundle is valid against the standard rules (the rule classes of
 * io.mixbench.rules.standard, instantiated here from their DS component descriptions), merges with the default set
 * into consistent thresholds, is listed in the bundle's Mixbench-RuleSets header, and has its doc page.
 */
class GenreRuleSetsTest {

    private static final Path SETS = Path.of("src/main/resources/rulesets");
    private static final Path DEFAULT_SET = Path
            .of("../io.mixbench.ruleset.default/src/main/resources/rulesets/default.json");
    private static final Path DOCS = Path.of("../../docs/rulesets");
    private static final Set<String> EXPECTED = Set.of("rock", "pop", "hip-hop", "edm", "metal", "jazz-acoustic",
            "orchestral-cinematic", "pre-master", "streaming");
    private static final Pattern IMPLEMENTATION = Pattern.compile("<implementation class=\"([^\"]+)\"");

    private static Map<String, RuleDescriptor> descriptors;
    private static RuleSetChecker checker;

    @BeforeAll
    static void loadRules() throws Exception {
        descriptors = new LinkedHashMap<>();
        for (Rule rule : standardRules()) {
            RuleDescriptor d = rule.descriptor();
            assertTrue(descriptors.put(d.id(), d) == null, "two rules with the id " + d.id());
        }
        assertEquals(23, descriptors.size(), "the standard rules: " + descriptors.keySet());
        checker = new RuleSetChecker(descriptors, RuleSetFile.parse(Files.readString(DEFAULT_SET), "default.json"));
    }

    /** The Rule components the standard rules bundle declares in its manifest, instantiated as DS would. */
    private static List<Rule> standardRules() throws Exception {
        Enumeration<URL> manifests = GenreRuleSetsTest.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            URL url = manifests.nextElement();
            Manifest manifest;
            try (InputStream in = url.openStream()) {
                manifest = new Manifest(in);
            }
            if (!"io.mixbench.rules.standard".equals(manifest.getMainAttributes().getValue("Bundle-SymbolicName"))) {
                continue;
            }
            String base = url.toString().substring(0, url.toString().length() - "META-INF/MANIFEST.MF".length());
            List<Rule> rules = new ArrayList<>();
            for (String component : manifest.getMainAttributes().getValue("Service-Component").split(",")) {
                String xml;
                try (InputStream in = new URL(base + component.trim()).openStream()) {
                    xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Matcher m = IMPLEMENTATION.matcher(xml);
                if (xml.contains("interface=\"io.mixbench.rule.Rule\"") && m.find()) {
                    rules.add((Rule) Class.forName(m.group(1)).getDeclaredConstructor().newInstance());
                }
            }
            return rules;
        }
        throw new AssertionError("io.mixbench.rules.standard is not on the test class path");
    }

    private static List<Path> setFiles() throws IOException {
        try (Stream<Path> files = Files.list(SETS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static RuleSetFile read(Path file) throws IOException {
        return RuleSetFile.parse(Files.readString(file), file.getFileName().toString());
    }

    @Test
    void theBundleShipsTheGenreAndDeliverySets() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Path file : setFiles()) {
            RuleSetFile set = read(file);
            assertEquals(file.getFileName().toString(), set.id() + ".json", "the file is named after its set");
            ids.add(set.id());
        }
        assertEquals(new TreeSet<>(EXPECTED), ids);
    }

    @Test
    void everySetIsValidAndConsistentOnceMerged() throws IOException {
        for (Path file : setFiles()) {
            List<String> problems = checker.check(read(file));
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }

    /** The delivery sets say what they judge; the genre sets do not, so a lone master is guessed from its audio. */
    @Test
    void theDeliverySetsStateTheirDeliverable() throws IOException {
        for (Path file : setFiles()) {
            RuleSetFile set = read(file);
            String expected = switch (set.id()) {
                case "streaming" -> "master";
                case "pre-master" -> "pre-master";
                default -> null;
            };
            assertEquals(expected, set.deliverable(), set.id());
        }
        assertEquals(null, RuleSetFile.parse(Files.readString(DEFAULT_SET), "default.json").deliverable());
    }

    @Test
    void theManifestListsEverySet() throws IOException {
        Set<String> files = new TreeSet<>();
        for (Path file : setFiles()) {
            files.add("rulesets/" + file.getFileName());
        }
        // bnd writes the manifest into target/classes before the tests run
        Manifest manifest;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        String header = manifest.getMainAttributes().getValue("Mixbench-RuleSets");
        assertTrue(header != null, "no Mixbench-RuleSets header");
        Set<String> listed = new TreeSet<>(Arrays.stream(header.split(",")).map(String::trim).toList());
        assertEquals(files, listed);
        for (String resource : listed) {
            assertTrue(Files.isRegularFile(Path.of("target/classes").resolve(resource)), resource + " is packed");
        }
    }

    @Test
    void everySetHasADocPageCoveringWhatItChanges() throws IOException {
        for (Path file : setFiles()) {
            RuleSetFile set = read(file);
            Path page = DOCS.resolve(set.id() + ".md");
            assertTrue(Files.isRegularFile(page), "no doc page " + page);
            String text = Files.readString(page);
            assertTrue(set.description().contains("docs/rulesets/" + set.id() + ".md"), set.id());
            for (var rule : set.rules().entrySet()) {
                assertTrue(text.contains("`" + rule.getKey() + "`"), page + " does not explain " + rule.getKey());
                for (String parameter : rule.getValue().parameters().keySet()) {
                    assertTrue(text.contains("`" + parameter + "`"), page + " does not explain " + rule.getKey()
                            + "." + parameter);
                }
            }
        }
        assertTrue(Files.readString(DOCS.resolve("README.md")).contains("hip-hop.md"), "docs/rulesets/README.md");
    }

    @Test
    void theCheckerFindsEveryKindOfProblem() {
        String broken = """
                {
                  "format": "mixbench-ruleset",
                  "formatVersion": 1,
                  "id": "broken",
                  "title": "Broken",
                  "description": "%s",
                  "extends": "default",
                  "rules": {
                    "kick.level": {"parameters": {"minPeak": "-6 dBFS", "maxPeak": "-12 dBFS"}},
                    "snare.level": {"parameters": {"minPeak": "-13 LUFS", "loudness": "1 dB"}},
                    "vocal.lead": {"parameters": {"minLeadDb": "30 dB", "maxLeadDb": 7}},
                    "mix.headroom": {"parameters": {"maxPeak": "-12 dBFS"}},
                    "lowEnd.centred": {"parameters": {"maxPanPercent": "10 %%"}},
                    "no.such.rule": {"enabled": true}
                  }
                }
                """.formatted("x".repeat(200));
        List<String> problems = checker.check(RuleSetFile.parse(broken, "broken.json"));
        String all = String.join("\n", problems);
        assertTrue(all.contains("line 9 (merged with default): kick.level has minPeak -6.0 above maxPeak -12.0"), all);
        assertTrue(all.contains("bass.underKick's kick range -12.0..-10.0 is not kick.level's -6.0..-12.0"), all);
        assertTrue(all.contains("line 10: snare.level.minPeak is in dBFS, not LUFS"), all);
        assertTrue(all.contains("snare.level.loudness is not a parameter"), all);
        assertTrue(all.contains("line 11: vocal.lead.minLeadDb = 30.0 dB is outside its range"), all);
        assertTrue(all.contains("vocal.lead.maxLeadDb is a bare number"), all);
        assertTrue(all.contains("fixPeakCeiling -3.0 lies above mix.headroom's maxPeak -12.0"), all);
        assertTrue(all.contains("line 12 (merged with default): mix.headroom has minPeak -9.0 above maxPeak"), all);
        assertTrue(all.contains("line 13: lowEnd.centred.maxPanPercent restates the default's value"), all);
        assertTrue(all.contains("line 14: unknown rule 'no.such.rule'"), all);
        assertEquals(10, problems.size(), all);
    }

    @Test
    void theParserRejectsWhatTheEngineRejects() {
        for (String text : List.of("[]", "{\"rules\": {\"kick.level\": {\"enabled\": 1}}}",
                "{\"rules\": {\"kick.level\": {\"parameters\": {\"minPeak\": \"loud\"}}}}",
                "{\"rules\": {\"kick.level\": {\"level\": 3}}}", "{\"id\": \"a\", \"id\": \"b\"}", "{\"id\": ")) {
            try {
                RuleSetFile.parse(text, "bad.json");
                throw new AssertionError("accepted " + text);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().startsWith("bad.json, line 1: "), e.getMessage());
            }
        }
        RuleSetFile wrong = RuleSetFile.parse(
                "{\"format\": \"other\", \"formatVersion\": 2, \"id\": \"Bad Id\", \"extends\": null, \"rules\": {}}",
                "wrong.json");
        String all = String.join("\n", checker.check(wrong));
        for (String expected : List.of("format is not", "formatVersion is not 1", "id is missing or not made",
                "does not extend default", "no title", "does not say why", "overrides nothing")) {
            assertTrue(all.contains(expected), expected + " in " + all);
        }
        assertFalse(descriptors.isEmpty());
    }
}
