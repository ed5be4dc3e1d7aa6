package io.mixbench.analysis;

import java.util.Map;

/**
 * A rule as it took part in an analysis, for reports: which rule, from which bundle, with which values.
 *
 * @param ruleId the rule's id
 * @param title the rule's title
 * @param bundle symbolic name of the bundle that registered it
 * @param bundleVersion that bundle's version
 * @param parameters the parameter values used, by parameter id
 * @param outcome {@code "applied"}, {@code "not-applicable"}, {@code "disabled"} or {@code "error"}
 */
public record AppliedRule(String ruleId, String title, String bundle, String bundleVersion,
        Map<String, Double> parameters, String outcome) {

    public AppliedRule {
        parameters = Map.copyOf(parameters);
    }
}
