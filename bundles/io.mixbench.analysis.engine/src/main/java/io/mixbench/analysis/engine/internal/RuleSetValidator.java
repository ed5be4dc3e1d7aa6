package io.mixbench.analysis.engine.internal;

import io.mixbench.rule.Parameter;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.RuleSetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks a parsed rule set against the installed rules: known parameters, right units, values in range, and
 * no minimum above its maximum. Collects every problem so the user fixes them in one go.
 */
final class RuleSetValidator {

    private RuleSetValidator() {
    }

    /**
     * @param rules installed rule descriptors by id
     * @param inherited the value a parameter has without this set (from the extended set, else the default)
     * @param unknownRulesAreErrors whether a rule that is not installed is an error (user files) or not (bundles,
     *            which may ship settings for optional plug-ins)
     */
    static void validate(RuleSetParser.Parsed parsed, Map<String, RuleDescriptor> rules,
            Function<String, Map<String, Double>> inherited, boolean unknownRulesAreErrors) throws RuleSetException {
        String source = parsed.ruleSet().source();
        List<String> problems = new ArrayList<>();
        for (var ruleEntry : parsed.values().entrySet()) {
            String ruleId = ruleEntry.getKey();
            RuleDescriptor descriptor = rules.get(ruleId);
            if (descriptor == null) {
                if (unknownRulesAreErrors) {
                    problems.add("line " + parsed.ruleLines().get(ruleId) + ": unknown rule '" + ruleId
                            + "' (installed: " + String.join(", ", rules.keySet().stream().sorted().toList()) + ")");
                }
                continue;
            }
            Map<String, Double> effective = new java.util.HashMap<>(inherited.apply(ruleId));
            for (var valueEntry : ruleEntry.getValue().entrySet()) {
                String parameterId = valueEntry.getKey();
                RuleSetParser.WrittenValue value = valueEntry.getValue();
                Parameter parameter = descriptor.parameter(parameterId).orElse(null);
                if (parameter == null) {
                    problems.add("line " + value.line() + ": rule '" + ruleId + "' has no parameter '" + parameterId
                            + "' (it has: "
                            + String.join(", ", descriptor.parameters().stream().map(Parameter::id).toList())
                            + ")");
                    continue;
                }
                if (value.unit() != null && !value.unit().equals(parameter.unit())) {
                    problems.add("line " + value.line() + ": parameter '" + parameterId + "' of rule '" + ruleId
                            + "' is in " + parameter.unit() + ", not " + value.unit());
                    continue;
                }
                if (!parameter.allows(value.value())) {
                    problems.add(String.format(Locale.ROOT, "line %d: parameter '%s' of rule '%s' is %s %s, outside"
                            + " its range %s to %s %s", value.line(), parameterId, ruleId, fmt(value.value()),
                            parameter.unit(), fmt(parameter.min()), fmt(parameter.max()), parameter.unit()));
                    continue;
                }
                effective.put(parameterId, value.value());
            }
            for (Parameter p : descriptor.parameters()) {
                if (!p.id().startsWith("min")) {
                    continue;
                }
                String maxId = "max" + p.id().substring(3);
                Double min = effective.get(p.id());
                Double max = effective.get(maxId);
                if (min != null && max != null && min > max) {
                    RuleSetParser.WrittenValue at = ruleEntry.getValue().getOrDefault(p.id(),
                            ruleEntry.getValue().get(maxId));
                    int line = at == null ? parsed.ruleLines().get(ruleId) : at.line();
                    problems.add(String.format(Locale.ROOT, "line %d: rule '%s' has %s %s above %s %s", line, ruleId,
                            p.id(), fmt(min), maxId, fmt(max)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(source + ": " + String.join("; ", problems));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
