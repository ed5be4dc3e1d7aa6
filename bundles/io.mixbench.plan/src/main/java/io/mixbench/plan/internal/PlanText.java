package io.mixbench.plan.internal;

import io.mixbench.plan.VerifiedPlan;
import java.io.IOException;
import java.io.OutputStream;

/** The plan as text: what {@code mixbench plan} prints. */
final class PlanText {

    private PlanText() {
    }

    static void write(VerifiedPlan plan, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("being written");
    }
}
