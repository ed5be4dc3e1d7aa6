package io.mixbench.rule;

import io.mixbench.session.ExportKind;
import io.mixbench.session.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule is and what it needs. The analysis does not run a rule whose needs the session does not meet;
 * it reports once, as INFO, why the rule did not apply.
 *
 * @param id stable id, e.g. {@code "kick.level"}
 * @param title short human name, e.g. "Kick level"
 * @param description one or two sentences: what the rule checks and with which measure
 * @param requiredRoles the rule applies only when the session has a track of every one of these roles
 * @param needsMix the rule applies only when the session has a mix
 * @param exportKind the rule applies only to sessions of this kind; null for any
 * @param parameters the parameters rule sets may set
 */
public record RuleDescriptor(String id, String title, String description, Set<io.mixbench.session.Role> requiredRoles,
        boolean needsMix, ExportKind exportKind, List<Parameter> parameters) {

    public RuleDescriptor {
        requiredRoles = Set.copyOf(requiredRoles);
        parameters = List.copyOf(parameters);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule needs an id");
        }
    }

    public Optional<Parameter> parameter(String parameterId) {
        return parameters.stream().filter(p -> p.id().equals(parameterId)).findFirst();
    }

    /** Whether the rule needs parts of some role (not only the mix). */
    public boolean needsRole(Role role) {
        return requiredRoles.contains(role);
    }
}
