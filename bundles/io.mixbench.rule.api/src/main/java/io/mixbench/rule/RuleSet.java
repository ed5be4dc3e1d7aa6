package io.mixbench.rule;

import io.mixbench.session.Deliverable;
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
 * @param deliverable the deliverable the set judges (its own statement, else the one it extends), or null when it
 *            states none: then the analysis guesses it from the audio
 */
public record RuleSet(String id, String title, String description, String extendsId, Map<String, RuleSettings> rules,
        String source, Deliverable deliverable) {

    public RuleSet {
        rules = Map.copyOf(rules);
    }

    /** A set that states no deliverable. */
    public RuleSet(String id, String title, String description, String extendsId, Map<String, RuleSettings> rules,
            String source) {
        this(id, title, description, extendsId, rules, source, null);
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
