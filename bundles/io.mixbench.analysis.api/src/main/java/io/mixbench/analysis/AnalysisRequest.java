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
 * @param useCache whether measurements of unchanged files may come from the analysis cache beside the session
 *            (keyed on file content and meter versions) instead of decoding again
 */
public record AnalysisRequest(Session session, RuleSet ruleSet, Duration ruleTimeLimit, boolean useCache) {

    /** The rule time limit when none is given. */
    public static final Duration DEFAULT_RULE_TIME_LIMIT = Duration.ofSeconds(10);

    public AnalysisRequest {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ruleSet, "ruleSet");
        if (ruleTimeLimit == null) {
            ruleTimeLimit = DEFAULT_RULE_TIME_LIMIT;
        }
    }

    /** A request that uses the cache. */
    public AnalysisRequest(Session session, RuleSet ruleSet, Duration ruleTimeLimit) {
        this(session, ruleSet, ruleTimeLimit, true);
    }

    /** A request with the default rule time limit that uses the cache. */
    public AnalysisRequest(Session session, RuleSet ruleSet) {
        this(session, ruleSet, DEFAULT_RULE_TIME_LIMIT, true);
    }
}
