package io.mixbench.plan.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.plan.PlannedMove;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The plan as text, what {@code mixbench plan} prints: the moves in the order to make them, each with the rules it
 * answers; then before and after, from the analysis of the rendered session when there is one (else the planner's
 * prediction, said as such); the rendered mix's levels; what is still outside its target, and why.
 */
final class PlanText {

    private PlanText() {
    }

    static void write(VerifiedPlan verified, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        AnalysisResult before = verified.before();
        w.println("Mixbench plan: " + name(before) + ", rule set " + verified.plan().ruleSetId());
        w.println();
        List<PlannedMove> moves = verified.plan().moves();
        if (moves.isEmpty()) {
            w.println("No moves: nothing the plan makes is asked for.");
        } else {
            w.println("Moves, in the order to make them");
            int width = 0;
            for (PlannedMove m : moves) {
                width = Math.max(width, m.text().length());
            }
            width = Math.min(width, 60);
            for (int i = 0; i < moves.size(); i++) {
                PlannedMove m = moves.get(i);
                String rules = m.rules().isEmpty() ? "" : "  [" + String.join(", ", m.rules()) + "]";
                w.printf(Locale.ROOT, "%2d. %-" + width + "s%s%n", i + 1, m.text(), rules);
            }
        }
        w.println();
        String counts = counts(before.findings()) + " -> ";
        if (verified.isRendered()) {
            w.println("Before: " + counts + "after (rendered): " + counts(verified.after().findings()));
            verified.after().mix().ifPresent(mix -> w.println("Rendered mix: " + levels(mix)));
            List<String> left = Explanations.of(verified);
            if (!left.isEmpty()) {
                w.println();
                w.println("Still outside after rendering, and why");
                for (String sentence : left) {
                    w.println("  " + sentence);
                }
            }
        } else {
            w.println("Before: " + counts + "after (predicted, not rendered): "
                    + counts(verified.plan().predicted()));
        }
        if (!verified.isRendered() && !verified.plan().unresolved().isEmpty()) {
            w.println();
            w.println("What the plan does not clear, and why");
            for (String sentence : verified.plan().unresolved()) {
                w.println("  " + sentence);
            }
        }
        w.flush();
    }

    /** "3 PROBLEM, 2 WARN". */
    static String counts(List<Finding> findings) {
        long problems = findings.stream().filter(f -> f.severity() == Severity.PROBLEM).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARN).count();
        return problems + " PROBLEM, " + warnings + " WARN";
    }

    private static String levels(MeasuredTrack mix) {
        return "peak " + value(mix.scalar(MeasurementIds.SAMPLE_PEAK), "dBFS") + ", true peak "
                + value(mix.scalar(MeasurementIds.TRUE_PEAK), "dBTP") + ", loudness "
                + value(mix.scalar(MeasurementIds.INTEGRATED_LOUDNESS), "LUFS");
    }

    private static String value(OptionalDouble v, String unit) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f %s", v.getAsDouble(), unit) : "(none)";
    }

    private static String name(AnalysisResult result) {
        var location = result.session().location();
        var file = location == null ? null : location.getFileName();
        return file == null ? "session" : file.toString();
    }
}
