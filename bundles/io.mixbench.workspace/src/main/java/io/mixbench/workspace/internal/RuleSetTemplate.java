package io.mixbench.workspace.internal;

import io.mixbench.rule.Parameter;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.RuleSet;
import java.util.List;
import java.util.Locale;

/** A studio rule set written out for editing: every installed rule's parameters at a base set's values. */
final class RuleSetTemplate {

    private RuleSetTemplate() {
    }

    /** The new set: every installed rule's parameters at the base set's values, ready to edit. */
    static String render(String id, RuleSet base, List<RuleDescriptor> rules) {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"format\": \"mixbench-ruleset\",\n  \"formatVersion\": 1,\n");
        json.append("  \"id\": ").append(quote(id)).append(",\n");
        json.append("  \"title\": ").append(quote(id)).append(",\n");
        json.append("  \"description\": ").append(quote("Studio rule set based on '" + base.id()
                + "'. Change the values you need and delete the lines you do not: what is not here comes from '"
                + base.id() + "'.")).append(",\n");
        json.append("  \"extends\": ").append(quote(base.id())).append(",\n");
        json.append("  \"rules\": {");
        boolean firstRule = true;
        for (RuleDescriptor d : rules) {
            json.append(firstRule ? "\n" : ",\n");
            firstRule = false;
            json.append("    ").append(quote(d.id())).append(": {\n");
            json.append("      \"enabled\": ").append(base.enables(d.id())).append(",\n");
            json.append("      \"parameters\": {");
            boolean firstParameter = true;
            for (Parameter p : d.parameters()) {
                double value = base.parameter(d.id(), p.id()).orElse(p.defaultValue());
                json.append(firstParameter ? "\n" : ",\n");
                firstParameter = false;
                json.append("        ").append(quote(p.id())).append(": ")
                        .append(quote(number(value) + " " + p.unit()));
            }
            json.append(firstParameter ? "}\n" : "\n      }\n").append("    }");
        }
        json.append(firstRule ? "}\n}\n" : "\n  }\n}\n");
        return json.toString();
    }

    static String quote(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    /** A whole number without decimals, else two decimals. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
