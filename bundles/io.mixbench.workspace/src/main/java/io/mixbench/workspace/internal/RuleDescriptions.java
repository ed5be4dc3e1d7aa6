package io.mixbench.workspace.internal;

import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.workspace.RuleCatalogue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The installed rules' descriptors; a rule that cannot describe itself is named in one line. */
final class RuleDescriptions {

    private RuleDescriptions() {
    }

    /** The descriptors of the rules that can describe themselves, by id, and a line for each that cannot. */
    static RuleCatalogue of(List<Rule> rules) {
        List<RuleDescriptor> descriptors = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            String problem = problem(rule);
            if (problem == null) {
                descriptors.add(rule.descriptor());
            } else {
                problems.add("skipping a rule (" + rule.getClass().getName() + ", bundle " + bundle(rule)
                        + ") that cannot describe itself: " + problem);
            }
        }
        descriptors.sort(Comparator.comparing(RuleDescriptor::id));
        return new RuleCatalogue(descriptors, problems);
    }

    /** Null when the rule describes itself, else what went wrong, in one line. */
    static String problem(Rule rule) {
        try {
            return rule.descriptor() == null ? "descriptor() returned null" : null;
        } catch (RuntimeException | LinkageError e) {
            return "descriptor() threw " + e;
        }
    }

    static String bundle(Object service) {
        Bundle b = FrameworkUtil.getBundle(service.getClass());
        return b == null ? "unknown" : b.getSymbolicName() + " " + b.getVersion();
    }
}
