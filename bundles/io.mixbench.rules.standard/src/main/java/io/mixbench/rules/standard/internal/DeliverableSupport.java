package io.mixbench.rules.standard.internal;

import io.mixbench.rule.Finding;
import io.mixbench.rule.JudgedDeliverable;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.Severity;
import io.mixbench.session.Deliverable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How the delivery rules adapt to the deliverable judged (mix, pre-master, master): {@code docs/rules.md}. */
final class DeliverableSupport {

    private DeliverableSupport() {
    }

    /**
     * One INFO "Mix bus headroom not judged: a master. ..." when the rule does not judge the deliverable the mix is
     * judged as, else empty.
     *
     * @param judged the deliverables the rule judges
     * @param why why the deliverable is not judged, a sentence
     */
    static Optional<Finding> notJudged(RuleContext context, RuleDescriptor descriptor, MeasuredTrack mix,
            Set<Deliverable> judged, String why) {
        JudgedDeliverable d = context.deliverable();
        if (judged.contains(d.deliverable())) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(descriptor.id(), Severity.INFO).tracks(mix.name())
                .message(descriptor.title() + " not judged: " + d.deliverable().withArticle() + ". " + mix.name()
                        + " is judged as " + d.deliverable().withArticle() + " (" + source(d) + "); " + why)
                .build());
    }

    /** Where the deliverable came from, in words: "guessed from the audio", "chosen with --deliverable", ... */
    static String source(JudgedDeliverable d) {
        return switch (d.source()) {
            case OPTION -> "chosen with --deliverable";
            case SESSION -> "the session file says so";
            case RULE_SET -> "rule set " + d.reason() + " judges " + d.deliverable().id() + "s";
            case GUESSED -> "guessed from the audio";
        };
    }

    /**
     * A master's findings of bus processing: limiting is how a master is made, so a WARN or PROBLEM becomes INFO
     * without a fix, saying so; other findings stand.
     */
    static List<Finding> expectedOnAMaster(RuleContext context, List<Finding> findings) {
        if (!context.deliverable().is(Deliverable.MASTER)) {
            return findings;
        }
        return findings.stream().map(f -> f.severity() == Severity.WARN || f.severity() == Severity.PROBLEM
                ? new Finding(f.ruleId(), Severity.INFO, f.tracks(), "Expected on a master (" + source(context
                        .deliverable()) + "), so not a defect: " + f.message(), f.measured(), f.target(), null, null,
                        f.timeRanges(), List.of(), f.tags(), f.tonalTarget())
                : f).toList();
    }
}
