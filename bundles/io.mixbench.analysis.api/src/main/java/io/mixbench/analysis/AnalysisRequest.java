package io.mixbench.analysis;

import io.mixbench.rule.RuleSet;
import io.mixbench.session.Session;
import java.time.Duration;
import java.util.Objects;

/**
 * What to analyse and how.
 *
 * @param session the session
 * @param ruleSet the resolved rule set whose parameters the rules get
 * @param ruleTimeLimit how long one rule may take before it is reported as a rule error
 */
public record AnalysisRequest(Session session, RuleSet ruleSet, Duration ruleTimeLimit) {

    /** The rule time limit when none is given. */
    public static final Duration DEFAULT_RULE_TIME_LIMIT = Duration.ofSeconds(10);

    public AnalysisRequest {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ruleSet, "ruleSet");
        if (ruleTimeLimit == null) {
            ruleTimeLimit = DEFAULT_RULE_TIME_LIMIT;
        }
    }

    public AnalysisRequest(Session session, RuleSet ruleSet) {
        this(session, ruleSet, DEFAULT_RULE_TIME_LIMIT);
    }
}
