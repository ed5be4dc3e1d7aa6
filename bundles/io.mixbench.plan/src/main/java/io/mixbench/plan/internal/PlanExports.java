package io.mixbench.plan.internal;

import io.mixbench.plan.PlanFormat;
import io.mixbench.plan.VerifiedPlan;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a plan in each of its formats. */
final class PlanExports {

    private PlanExports() {
    }

    static void write(VerifiedPlan plan, PlanFormat format, OutputStream out) throws IOException {
        if (format == PlanFormat.TEXT) {
            PlanText.write(plan, out);
            return;
        }
        throw new UnsupportedOperationException("being written");
    }
}
