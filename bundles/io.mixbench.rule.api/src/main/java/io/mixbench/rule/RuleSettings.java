package io.mixbench.rule;

import java.util.Map;

/**
 * A rule set's settings for one rule.
 *
 * @param enabled whether the rule runs; null to inherit (from the extended set, else true)
 * @param parameters parameter values by parameter id, in the parameter's unit
 */
public record RuleSettings(Boolean enabled, Map<String, Double> parameters) {

    public RuleSettings {
        parameters = Map.copyOf(parameters);
    }
}
