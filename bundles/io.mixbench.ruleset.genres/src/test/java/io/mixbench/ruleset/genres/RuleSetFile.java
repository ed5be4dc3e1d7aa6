package io.mixbench.ruleset.genres;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule-set file read the way the engine reads it (docs/rule-sets.md): the same structure rules, plus duplicate
 * keys as errors, with the line of every value so a failure names it.
 */
record RuleSetFile(String source, String format, Integer formatVersion, String id, String title, String description,
        String extendsId, Map<String, Rule> rules, String deliverable) {

    /** One rule's settings: {@code enabled} (null to inherit) and its parameters as written. */
    record Rule(Boolean enabled, Map<String, Value> parameters, int line) {
    }

    /** A parameter as written: its number, its unit (null for a bare number) and its line. */
    record Value(double value, String unit, int line) {
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    // The engine's pattern for "<number> <unit>"
    private static final Pattern VALUE_WITH_UNIT = Pattern
            .compile("\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(\\S+)?\\s*");

    static RuleSetFile parse(String json, String source) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken() == JsonToken.START_OBJECT, p, source, "a rule set is a JSON object");
            Map<String, String> text = new LinkedHashMap<>();
            Integer version = null;
            boolean extendsNull = false;
            Map<String, Rule> rules = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "formatVersion" -> {
                        expect(t == JsonToken.VALUE_NUMBER_INT, p, source, "formatVersion must be a whole number");
                        version = p.getIntValue();
                    }
                    case "extends" -> {
                        if (t == JsonToken.VALUE_NULL) {
                            extendsNull = true;
                        } else {
                            expect(t == JsonToken.VALUE_STRING, p, source, "extends must be a string or null");
                            text.put(field, p.getText());
                        }
                    }
                    case "format", "id", "title", "description", "deliverable" -> {
                        expect(t == JsonToken.VALUE_STRING, p, source, field + " must be a string");
                        text.put(field, p.getText());
                    }
                    case "rules" -> readRules(p, t, source, rules);
                    default -> p.skipChildren();
                }
            }
            expect(p.nextToken() == null, p, source, "text after the rule set's object");
            return new RuleSetFile(source, text.get("format"), version, text.get("id"), text.get("title"),
                    text.get("description"), extendsNull ? null : text.get("extends"), rules,
                    text.get("deliverable"));
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(
                    source + ", line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static void readRules(JsonParser p, JsonToken t, String source, Map<String, Rule> rules)
            throws IOException {
        expect(t == JsonToken.START_OBJECT, p, source, "rules must be an object keyed by rule id");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String ruleId = p.currentName();
            int line = p.currentLocation().getLineNr();
            expect(p.nextToken() == JsonToken.START_OBJECT, p, source, "settings of " + ruleId + " must be an object");
            Boolean enabled = null;
            Map<String, Value> parameters = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("enabled")) {
                    expect(v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE, p, source,
                            "enabled of " + ruleId + " must be true or false");
                    enabled = v == JsonToken.VALUE_TRUE;
                } else if (field.equals("parameters")) {
                    expect(v == JsonToken.START_OBJECT, p, source, "parameters of " + ruleId + " must be an object");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String parameter = p.currentName();
                        parameters.put(parameter, value(p, p.nextToken(), source, ruleId + "." + parameter));
                    }
                } else {
                    expect(false, p, source, "unknown setting \"" + field + "\" for " + ruleId);
                }
            }
            rules.put(ruleId, new Rule(enabled, parameters, line));
        }
    }

    private static Value value(JsonParser p, JsonToken t, String source, String where) throws IOException {
        int line = p.currentLocation().getLineNr();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            double v = p.getDoubleValue();
            expect(Double.isFinite(v), p, source, where + " is not a finite number");
            return new Value(v, null, line);
        }
        if (t == JsonToken.VALUE_STRING) {
            Matcher m = VALUE_WITH_UNIT.matcher(p.getText());
            if (m.matches()) {
                return new Value(Double.parseDouble(m.group(1)), m.group(2), line);
            }
        }
        expect(false, p, source, where + " must be a number or a string like \"-12 dBFS\"");
        throw new AssertionError();
    }

    private static void expect(boolean condition, JsonParser p, String source, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(source + ", line " + p.currentLocation().getLineNr() + ": " + problem);
        }
    }

    /** The rule ids this set mentions, in file order. */
    List<String> ruleIds() {
        return List.copyOf(rules.keySet());
    }
}
