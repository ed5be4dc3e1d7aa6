package io.mixbench.testbundle.guirobot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The robot's parts that need no window: script parsing and its JSON dumps. */
class ScriptPartsTest {

    @Test
    void scriptArgumentsMayBeQuoted() {
        assertEquals(List.of("open", "/a b/c", "2"), Robot.tokens("  open \"/a b/c\"   2 "));
        assertEquals(List.of("x", ""), Robot.tokens("x \"\""));
    }

    @Test
    void jsonEscapesAndNestsValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n");
        m.put("l", List.of(1, 2.5, true));
        m.put("n", null);
        m.put("nan", Double.NaN);
        assertEquals("{\"s\":\"a\\\"b\\\\c\\n\",\"l\":[1,2.5,true],\"n\":null,\"nan\":null}", Json.write(m));
    }
}
