package io.mixbench.plan.internal;

import io.mixbench.plan.PlanFormat;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.plan.internal.export.PlanCsv;
import io.mixbench.plan.internal.export.PlanJson;
import io.mixbench.plan.internal.export.RideExports;
import io.mixbench.plan.internal.export.RidesMidi;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** Writes a plan in each of its formats (docs/plan-exports.md). */
final class PlanExports {

    private PlanExports() {
    }

    static void write(VerifiedPlan plan, PlanFormat format, OutputStream out) throws IOException {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(out, "out");
        switch (Objects.requireNonNull(format, "format")) {
            case TEXT -> PlanText.write(plan, out);
            case JSON -> PlanJson.write(plan, out);
            case CSV -> PlanCsv.write(plan, out);
            case RIDES_CSV -> RideExports.writeCsv(plan, out);
            case RIDES_JSON -> RideExports.writeJson(plan, out);
            case MIDI -> RidesMidi.write(plan, out);
        }
    }
}
