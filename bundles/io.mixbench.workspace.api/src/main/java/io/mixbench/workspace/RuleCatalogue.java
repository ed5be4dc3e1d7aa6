package io.mixbench.workspace;

import io.mixbench.rule.RuleDescriptor;
import java.util.List;

/**
 * The installed rules as they describe themselves.
 *
 * @param rules the descriptors, sorted by id
 * @param problems one line for each rule that cannot describe itself, naming its class and bundle
 */
public record RuleCatalogue(List<RuleDescriptor> rules, List<String> problems) {

    public RuleCatalogue {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }
}
