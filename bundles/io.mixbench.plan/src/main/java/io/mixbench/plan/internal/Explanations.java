package io.mixbench.plan.internal;

import io.mixbench.plan.VerifiedPlan;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why each WARN or PROBLEM of a rendered plan's analysis is still there: the planner's own reason when it knew it
 * could not clear it ({@code Plan.unresolved}), else what the prediction said of it against what the render
 * measured. The one wording for every writer of a plan.
 */
public final class Explanations {

    private Explanations() {
    }

    /** One sentence for each WARN or PROBLEM of the render's analysis; empty when the plan was not rendered. */
    public static List<String> of(VerifiedPlan verified) {
        List<String> sentences = new ArrayList<>();
        if (!verified.isRendered()) {
            return sentences;
        }
        for (Finding after : verified.after().findings()) {
            if (after.severity() != Severity.WARN && after.severity() != Severity.PROBLEM) {
                continue;
            }
            String where = after.ruleId() + (after.tracks().isEmpty()
                    ? ""
                    : " (" + String.join(", ", after.tracks())
                            + ")");
            String known = verified.plan().unresolved().stream().filter(u -> u.startsWith(where + " ")).findFirst()
                    .orElse(null);
            if (known != null) {
                sentences.add(known);
                continue;
            }
            Finding predicted = verified.plan().predicted().stream()
                    .filter(p -> p.ruleId().equals(after.ruleId()) && p.tracks().equals(after.tracks())).findFirst()
                    .orElse(null);
            StringBuilder s = new StringBuilder(where).append(" is ").append(after.severity().name())
                    .append(" after rendering, where the plan predicted ")
                    .append(predicted == null ? "no finding" : predicted.severity().name());
            if (predicted != null && predicted.measured() != null && after.measured() != null) {
                s.append(String.format(Locale.ROOT, ": predicted %.1f %s, measured %.1f %s (%s)",
                        predicted.measured().value(), predicted.measured().unit(), after.measured().value(),
                        after.measured().unit(), after.measured().measure()));
            }
            s.append(": the prediction missed it (docs/plan.md, how the planner predicts). ").append(after.message());
            sentences.add(s.toString());
        }
        return sentences;
    }
}
