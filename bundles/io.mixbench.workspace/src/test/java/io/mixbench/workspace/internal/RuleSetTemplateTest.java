package io.mixbench.workspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuleSetTemplateTest {

    @Test
    void quotesWhatJsonNeedsQuoted() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", RuleSetTemplate.quote("a\"b\\c\nd\u0001"));
    }

    @Test
    void anEmptyCatalogueIsStillAValidSet() {
        String json = RuleSetTemplate.render("studio", Fakes.ruleSet("default"), java.util.List.of());
        assertTrue(json.contains("\"extends\": \"default\""), json);
        assertTrue(json.endsWith("\"rules\": {}\n}\n"), json);
    }

    @Test
    void numbersAreWholeOrTwoDecimals() {
        assertEquals("-18", RuleSetTemplate.number(-18.0));
        assertEquals("2.50", RuleSetTemplate.number(2.5));
    }
}
