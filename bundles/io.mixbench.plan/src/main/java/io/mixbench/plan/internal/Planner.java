package io.mixbench.plan.internal;

import io.mixbench.analysis.AnalysisService;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlanRequest;

/** Finds the moves. */
final class Planner {

    private final AnalysisService analysis;

    Planner(AnalysisService analysis) {
        this.analysis = analysis;
    }

    Plan plan(PlanRequest request) {
        throw new UnsupportedOperationException("being written");
    }
}
