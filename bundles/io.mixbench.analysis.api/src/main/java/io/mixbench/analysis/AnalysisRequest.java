package io.mixbench.analysis;

import io.mixbench.rule.JudgedDeliverable;
import io.mixbench.rule.RuleSet;
import io.mixbench.session.Deliverable;
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
 * @param deliverable the front end's choice of what the mix is judged as (the CLI's {@code --deliverable}), or null:
 *            then the session file's, the rule set's or a guess from the audio ({@link JudgedDeliverable})
 */
public record AnalysisRequest(Session session, RuleSet ruleSet, Duration ruleTimeLimit, boolean useCache,
        Deliverable deliverable) {

    /** The rule time limit when none is given. */
    public static final Duration DEFAULT_RULE_TIME_LIMIT = Duration.ofSeconds(10);

    public AnalysisRequest {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(ruleSet, "ruleSet");
        if (ruleTimeLimit == null) {
            ruleTimeLimit = DEFAULT_RULE_TIME_LIMIT;
        }
    }

    /** A request that leaves the deliverable to the session, the rule set or the guess. */
    public AnalysisRequest(Session session, RuleSet ruleSet, Duration ruleTimeLimit, boolean useCache) {
        this(session, ruleSet, ruleTimeLimit, useCache, null);
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
