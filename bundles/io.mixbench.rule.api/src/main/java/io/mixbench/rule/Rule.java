package io.mixbench.rule;

import java.util.List;

/**
 * An analysis rule, registered as an OSGi service (any bundle may add one while the program runs).
 * <p>
 * Threading: {@link #evaluate} is called on an analysis thread, never the UI thread, possibly for several
 * analyses at once; keep no state between calls. Parameters arrive with each call, in the context, so one
 * instance serves every rule set. A call that throws, takes longer than the analysis's time limit, or returns
 * null or a finding with a non-finite measured value is reported as a {@link Severity#RULE_ERROR} finding; the
 * other rules' findings stand.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Rule {

    /** Service property: the rule's id, equal to {@code descriptor().id()}. Type: String. */
    String ID = "rule.id";

    /** The rule's id, title, needs and parameters; constant for the life of the service. */
    RuleDescriptor descriptor();

    /**
     * Checks the session.
     *
     * @param context the measurements and the parameter values to use; never null
     * @return findings, including OK ones for what was checked and passed; never null
     */
    List<Finding> evaluate(RuleContext context);
}
