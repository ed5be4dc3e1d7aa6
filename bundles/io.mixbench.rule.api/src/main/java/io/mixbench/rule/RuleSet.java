package io.mixbench.rule;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A named selection of rules and their parameter values, as loaded from a rule-set file or bundle. Rules the
 * set does not mention run with their declared defaults, so a newly installed rule works at once. Format:
 * {@code docs/rule-sets.md}.
 *
 * @param id stable id, e.g. {@code "default"}, {@code "rock"}
 * @param title short human name
 * @param description what the set is for and why its values are what they are
 * @param extendsId id of the set this one overrides, or null; a {@link RuleSetRegistry} resolves it
 * @param rules settings per rule id
 * @param source where the set came from (a file path or {@code bundle:<symbolic name>}), for messages
 */
public record RuleSet(String id, String title, String description, String extendsId, Map<String, RuleSettings> rules,
        String source) {

    public RuleSet {
        rules = Map.copyOf(rules);
    }

    /** Whether the rule runs under this set: unless the set disables it. */
    public boolean enables(String ruleId) {
        RuleSettings settings = rules.get(ruleId);
        return settings == null || settings.enabled() == null || settings.enabled();
    }

    /** The set's value for a rule's parameter, if it sets one. */
    public OptionalDouble parameter(String ruleId, String parameterId) {
        return Optional.ofNullable(rules.get(ruleId)).map(s -> s.parameters().get(parameterId))
                .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }
}
