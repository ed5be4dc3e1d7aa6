package io.mixbench.testbundle.unresolvable;

import io.mixbench.rule.Finding;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** A rule in a bundle that cannot resolve: it must be reported as a plug-in error, never run. Test material. */
@Component(service = Rule.class, property = Rule.ID + "=unresolvable.rule")
public final class UnreachableRule implements Rule {

    @Override
    public RuleDescriptor descriptor() {
        return new RuleDescriptor("unresolvable.rule", "Unreachable", "Never runs.", Set.of(), false, null, List.of());
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        return List.of();
    }
}
