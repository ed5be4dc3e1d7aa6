package io.mixbench.plan;

import io.mixbench.analysis.AnalysisRequest;
import io.mixbench.analysis.AnalysisResult;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What to plan.
 *
 * @param analysis the session's analysis, with the rule set it was judged by
 * @param refused ids of moves the user refused ({@link PlannedMove#id()}): the planner solves again without them
 * @param rideLimitDb the most a ride moves a part from its static gain, either way, dB
 * @param ruleTimeLimit how long one rule may take on predicted measurements before the planner goes on without it
 *        (the analysis's limit, as {@code --rule-time-limit} sets it)
 */
public record PlanRequest(AnalysisResult analysis, Set<String> refused, double rideLimitDb, Duration ruleTimeLimit) {

    /** The ride limit when none is given, dB. */
    public static final double DEFAULT_RIDE_LIMIT_DB = 8;

    public PlanRequest {
        Objects.requireNonNull(analysis, "analysis");
        refused = Set.copyOf(refused);
        if (!(rideLimitDb >= 0) || rideLimitDb > 40) {
            throw new IllegalArgumentException("the ride limit is 0..40 dB, not " + rideLimitDb);
        }
        if (ruleTimeLimit == null) {
            ruleTimeLimit = AnalysisRequest.DEFAULT_RULE_TIME_LIMIT;
        }
    }

    /** A request with the default rule time limit. */
    public PlanRequest(AnalysisResult analysis, Set<String> refused, double rideLimitDb) {
        this(analysis, refused, rideLimitDb, null);
    }

    /** A plan of the analysis with every move allowed and the default ride limit. */
    public static PlanRequest of(AnalysisResult analysis) {
        return new PlanRequest(analysis, Set.of(), DEFAULT_RIDE_LIMIT_DB, null);
    }
}
