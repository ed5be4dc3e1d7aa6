package io.mixbench.plan;

import io.mixbench.analysis.AnalysisResult;
import java.util.Objects;

/**
 * A plan, the analysis it was made from, and, once rendered, where and what the analysis of the rendered session
 * found: the proof.
 *
 * @param plan the plan
 * @param before the analysis the plan was made from
 * @param rendered what rendering wrote, or null when the plan was not rendered
 * @param after the analysis of the rendered session, or null when the plan was not rendered
 */
public record VerifiedPlan(Plan plan, AnalysisResult before, RenderedSession rendered, AnalysisResult after) {

    public VerifiedPlan {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(before, "before");
        if ((rendered == null) != (after == null)) {
            throw new IllegalArgumentException("a rendered plan has both its files and their analysis");
        }
    }

    /** A plan not rendered (yet). */
    public static VerifiedPlan unrendered(Plan plan, AnalysisResult before) {
        return new VerifiedPlan(plan, before, null, null);
    }

    public boolean isRendered() {
        return after != null;
    }
}
