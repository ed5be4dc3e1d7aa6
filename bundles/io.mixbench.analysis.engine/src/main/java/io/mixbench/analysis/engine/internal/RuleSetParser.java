package io.mixbench.analysis.engine.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.RuleSetException;
import io.mixbench.rule.RuleSettings;
import io.mixbench.session.Deliverable;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rule-set format ({@code docs/rule-sets.md}) with the line of every value, so errors can name the
 * line. Checks structure only; {@link RuleSetValidator} checks values against the installed rules.
 */
final class RuleSetParser {

    static final String FORMAT = "mixbench-ruleset";
    static final int FORMAT_VERSION = 1;

    // No source text in locations: an error message must never show a file's content.
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    private static final Pattern EXPECTED = Pattern.compile("\\bexpect(?:ed|ing) ([A-Za-z][A-Za-z ,-]*)(?:\\(|$)");
    /** A rule-set id. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern VALUE_WITH_UNIT = Pattern
            .compile("\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(\\S+)?\\s*");

    /** A parameter value as written, with its unit (null when written as a bare number) and line. */
    record WrittenValue(double value, String unit, int line) {
    }

    /** A parsed set with the lines of its rules and parameters. */
    record Parsed(RuleSet ruleSet, Map<String, Integer> ruleLines, Map<String, Map<String, WrittenValue>> values) {
    }

    private RuleSetParser() {
    }

    static Parsed parse(InputStream in, String source) throws RuleSetException {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(source, p, "a rule set is a JSON object");
            }
            String format = null;
            Integer version = null;
            String id = null;
            String title = null;
            String description = "";
            String extendsId = null;
            Deliverable deliverable = null;
            Map<String, RuleSettings> rules = new LinkedHashMap<>();
            Map<String, Integer> ruleLines = new LinkedHashMap<>();
            Map<String, Map<String, WrittenValue>> values = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "format" -> format = text(p, t, source, field);
                    case "formatVersion" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT) {
                            throw error(source, p, "\"formatVersion\" must be a whole number");
                        }
                        version = p.getIntValue();
                    }
                    case "id" -> id = text(p, t, source, field);
                    case "title" -> title = text(p, t, source, field);
                    case "description" -> description = text(p, t, source, field);
                    case "extends" -> extendsId = t == JsonToken.VALUE_NULL ? null : text(p, t, source, field);
                    case "deliverable" -> deliverable = deliverable(p, t, source);
                    case "rules" -> readRules(p, t, source, rules, ruleLines, values);
                    default -> p.skipChildren();
                }
            }
            if (!FORMAT.equals(format)) {
                throw new RuleSetException(
                        source + ": not a Mixbench rule set (\"format\" must be \"" + FORMAT + "\")");
            }
            if (version == null || version > FORMAT_VERSION) {
                throw new RuleSetException(source + ": \"formatVersion\" " + version
                        + " is not supported; this Mixbench reads version " + FORMAT_VERSION);
            }
            if (id == null || !ID.matcher(id).matches()) {
                throw new RuleSetException(source + ": \"id\" is missing or not made of a-z, 0-9, '.', '_' and '-'");
            }
            if (extendsId != null && extendsId.equals(id)) {
                throw new RuleSetException(source + ": rule set '" + id + "' extends itself");
            }
            RuleSet set = new RuleSet(id, title == null ? id : title, description, extendsId, rules, source,
                    deliverable);
            return new Parsed(set, ruleLines, values);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the offending token: the file may be anything (a key, a password file).
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new RuleSetException(source + where + ": not valid JSON" + expected(e.getOriginalMessage()));
        } catch (RuleSetException e) {
            throw e;
        } catch (IOException e) {
            throw new RuleSetException(source + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static void readRules(JsonParser p, JsonToken t, String source, Map<String, RuleSettings> rules,
            Map<String, Integer> ruleLines, Map<String, Map<String, WrittenValue>> values) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            throw error(source, p, "\"rules\" must be an object keyed by rule id");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String ruleId = p.currentName();
            int line = line(p);
            if (rules.containsKey(ruleId)) {
                throw error(source, p, "rule '" + ruleId + "' is listed twice");
            }
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(source, p, "the settings of rule '" + ruleId + "' must be an object");
            }
            Boolean enabled = null;
            Map<String, Double> parameters = new LinkedHashMap<>();
            Map<String, WrittenValue> written = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("enabled")) {
                    if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                        throw error(source, p, "\"enabled\" of rule '" + ruleId + "' must be true or false");
                    }
                    enabled = v == JsonToken.VALUE_TRUE;
                } else if (field.equals("parameters")) {
                    if (v != JsonToken.START_OBJECT) {
                        throw error(source, p, "\"parameters\" of rule '" + ruleId + "' must be an object");
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String parameter = p.currentName();
                        JsonToken pv = p.nextToken();
                        WrittenValue value = value(p, pv, source, ruleId, parameter);
                        if (written.put(parameter, value) != null) {
                            throw error(source, p,
                                    "parameter '" + parameter + "' of rule '" + ruleId + "' is set twice");
                        }
                        parameters.put(parameter, value.value());
                    }
                } else {
                    throw error(source, p, "unknown setting \"" + field + "\" for rule '" + ruleId
                            + "' (expected \"enabled\" or \"parameters\")");
                }
            }
            rules.put(ruleId, new RuleSettings(enabled, parameters));
            ruleLines.put(ruleId, line);
            values.put(ruleId, written);
        }
    }

    /**
     * What Jackson expected, from the tail of its message ("was expecting comma to separate Object entries"), when
     * that tail is plain words; the head, which quotes the file, is never used.
     */
    static String expected(String message) {
        if (message != null && message.contains("end-of-input")) {
            return " (the file ends inside a value)";
        }
        Matcher m = EXPECTED.matcher(message == null ? "" : message);
        return m.find() ? " (expected " + m.group(1).strip() + ")" : "";
    }

    private static WrittenValue value(JsonParser p, JsonToken t, String source, String ruleId, String parameter)
            throws IOException {
        int line = line(p);
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            double v = p.getDoubleValue();
            if (!Double.isFinite(v)) {
                throw error(source, p, "parameter '" + parameter + "' of rule '" + ruleId + "' is not a finite number");
            }
            return new WrittenValue(v, null, line);
        }
        if (t == JsonToken.VALUE_STRING) {
            Matcher m = VALUE_WITH_UNIT.matcher(p.getText());
            if (m.matches()) {
                double v = Double.parseDouble(m.group(1));
                if (!Double.isFinite(v)) {
                    // "-1e999 dBFS" parses to -Infinity
                    throw error(source, p, "parameter '" + parameter + "' of rule '" + ruleId
                            + "' is not a finite number");
                }
                return new WrittenValue(v, m.group(2), line);
            }
        }
        throw error(source, p, "parameter '" + parameter + "' of rule '" + ruleId
                + "' must be a number or a string like \"-12 dBFS\"");
    }

    /** The deliverable the set judges; null (or absent) states none. */
    private static Deliverable deliverable(JsonParser p, JsonToken t, String source) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        String valid = "\"mix\", \"pre-master\" or \"master\"";
        if (t != JsonToken.VALUE_STRING) {
            throw error(source, p, "\"deliverable\" must be " + valid);
        }
        // The value is not quoted back: the file may be anything.
        return Deliverable.fromId(p.getText())
                .orElseThrow(() -> error(source, p, "\"deliverable\" must be " + valid));
    }

    private static String text(JsonParser p, JsonToken t, String source, String field) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw error(source, p, "\"" + field + "\" must be a string");
        }
        return p.getText();
    }

    private static int line(JsonParser p) {
        return p.currentLocation().getLineNr();
    }

    private static RuleSetException error(String source, JsonParser p, String problem) {
        return new RuleSetException(source + ", line " + line(p) + ": " + problem);
    }
}
