/**
 * Rules and what they report. A {@link io.mixbench.rule.Rule} service declares itself in a
 * {@link io.mixbench.rule.RuleDescriptor} (id, the roles and export kind it needs, its parameters with units
 * and defaults) and turns the measurements of a session, handed over in a {@link io.mixbench.rule.RuleContext}
 * together with the active rule set's parameter values, into {@link io.mixbench.rule.Finding}s. Severity
 * meanings: {@link io.mixbench.rule.Severity} and {@code docs/severity.md}. A
 * {@link io.mixbench.rule.RuleSet} selects rules and sets their parameters.
 */
@Export
@Version("1.3.0")
package io.mixbench.rule;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
