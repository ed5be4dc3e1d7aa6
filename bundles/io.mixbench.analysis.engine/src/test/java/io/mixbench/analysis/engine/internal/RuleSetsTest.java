package io.mixbench.analysis.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.rule.Parameter;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSetException;
import io.mixbench.rule.RuleSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSetsTest {

    static final RuleDescriptor KICK = new RuleDescriptor("kick.level", "Kick level", "", Set.of(), false, null,
            List.of(new Parameter("minPeak", "Lowest", "dBFS", -30, 0, -12), new Parameter("maxPeak", "Highest", "dBFS",
                    -30, 0, -10)));

    static RuleSetParser.Parsed parse(String json) throws RuleSetException {
        return RuleSetParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "studio.json");
    }

    static String set(String rules) {
        return "{\n\"format\": \"mixbench-ruleset\",\n\"formatVersion\": 1,\n\"id\": \"studio\",\n\"extends\": null,\n"
                + "\"rules\": {\n" + rules + "\n}\n}";
    }

    static void validate(String rules) throws RuleSetException {
        RuleSetValidator.validate(parse(set(rules)), Map.of("kick.level", KICK), r -> Map.of("minPeak", -12.0,
                "maxPeak", -10.0), true);
    }

    @Test
    void readsValuesWithAndWithoutUnits() throws Exception {
        RuleSet s = parse(set("\"kick.level\": {\"enabled\": false, \"parameters\": {\"minPeak\": \"-11.5 dBFS\","
                + " \"maxPeak\": -9}}")).ruleSet();
        assertEquals(-11.5, s.parameter("kick.level", "minPeak").getAsDouble());
        assertEquals(-9, s.parameter("kick.level", "maxPeak").getAsDouble());
        assertFalse(s.enables("kick.level"));
        assertTrue(s.enables("some.other.rule"), "unlisted rules run with their defaults");
    }

    @Test
    void errorsNameFileAndLine() {
        RuleSetException e = assertThrows(RuleSetException.class, () -> validate(
                "\"kick.level\": {\n\"parameters\": {\n\"minPeak\": \"-12 LUFS\"}}"));
        assertTrue(e.getMessage().startsWith("studio.json: line 9: "), e.getMessage());
        assertTrue(e.getMessage().contains("in dBFS, not LUFS"), e.getMessage());
    }

    @Test
    void rejectsUnknownRulesParametersRangesAndMinAboveMax() {
        assertTrue(assertThrows(RuleSetException.class, () -> validate("\"kick.levle\": {}")).getMessage()
                .contains("unknown rule 'kick.levle'"));
        assertTrue(assertThrows(RuleSetException.class, () -> validate(
                "\"kick.level\": {\"parameters\": {\"peak\": -3}}")).getMessage().contains("has no parameter 'peak'"));
        assertTrue(assertThrows(RuleSetException.class, () -> validate(
                "\"kick.level\": {\"parameters\": {\"maxPeak\": 6}}")).getMessage().contains("outside its range"));
        assertTrue(assertThrows(RuleSetException.class, () -> validate(
                "\"kick.level\": {\"parameters\": {\"minPeak\": -8}}")).getMessage()
                .contains("minPeak -8 above maxPeak -10"));
    }

    @Test
    void rejectsMalformedFiles() {
        assertTrue(assertThrows(RuleSetException.class, () -> parse("{\"format\": \"mixbench-ruleset\",")).getMessage()
                .contains("not valid JSON"));
        assertTrue(assertThrows(RuleSetException.class, () -> parse("{\"format\": \"other\", \"formatVersion\": 1,"
                + " \"id\": \"x\"}")).getMessage().contains("not a Mixbench rule set"));
        assertTrue(assertThrows(RuleSetException.class, () -> parse("{\"format\": \"mixbench-ruleset\","
                + " \"formatVersion\": 9, \"id\": \"x\"}")).getMessage().contains("not supported"));
        assertTrue(assertThrows(RuleSetException.class, () -> parse(set("\"kick.level\": {\"parameters\":"
                + " {\"minPeak\": \"loud\"}}"))).getMessage().contains("must be a number"));
    }

    @Test
    void childSettingsOverrideParentSettings() {
        RuleSet parent = new RuleSet("default", "Default", "", null, Map.of("kick.level", new RuleSettings(true,
                Map.of("minPeak", -12.0, "maxPeak", -10.0))), "bundle:x");
        RuleSet child = new RuleSet("studio", "Studio", "", "default", Map.of("kick.level", new RuleSettings(null,
                Map.of("maxPeak", -9.0))), "studio.json");
        RuleSet merged = RuleSetRegistryImpl.merge(parent, child);
        assertEquals("studio", merged.id());
        assertEquals(-12.0, merged.parameter("kick.level", "minPeak").getAsDouble());
        assertEquals(-9.0, merged.parameter("kick.level", "maxPeak").getAsDouble());
        assertTrue(merged.enables("kick.level"));
    }
}
