package io.mixbench.report;

import io.mixbench.plan.VerifiedPlan;
import io.mixbench.rule.Severity;

/**
 * How to render.
 *
 * @param colour whether the output may use ANSI colour (terminals only)
 * @param failOn the severity at which findings count as failures (CI formats), e.g. {@link Severity#PROBLEM}
 * @param verbose whether a report meant to be read at a glance (the text report) also lists what it leaves out by
 *        default: hints that say little in this session, every figure of each finding, the session's settings and
 *        the tracks' levels (the CLI's {@code --verbose}). Reports that list everything anyway ignore it. Since 1.1.
 * @param plan the balance plan of the analysis being rendered, or null for none: a report that shows it says
 *        "predicted" for a plan that was not rendered ({@link VerifiedPlan#isRendered()} false: the planner's
 *        prediction only) and shows the analysis of the rendered session for one that was. Since 1.2.
 */
public record ReportOptions(boolean colour, Severity failOn, boolean verbose, VerifiedPlan plan) {

    public static final ReportOptions DEFAULT = new ReportOptions(false, Severity.PROBLEM, false);

    /** Options for the report read at a glance (not verbose), without a plan, as in report API 1.0. */
    public ReportOptions(boolean colour, Severity failOn) {
        this(colour, failOn, false);
    }

    /** Options without a plan, as in report API 1.1. */
    public ReportOptions(boolean colour, Severity failOn, boolean verbose) {
        this(colour, failOn, verbose, null);
    }

    /** These options with the plan {@code plan} (null for none). Since 1.2. */
    public ReportOptions withPlan(VerifiedPlan plan) {
        return new ReportOptions(colour, failOn, verbose, plan);
    }
}
