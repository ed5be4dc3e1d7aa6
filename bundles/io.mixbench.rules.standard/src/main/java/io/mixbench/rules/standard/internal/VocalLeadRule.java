package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.rule.TimeRange;
import io.mixbench.rules.standard.internal.RuleSupport.Element;
import io.mixbench.session.ExportKind;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Vocal lead: step by step where the lead vocal sings, its momentary loudness minus the loudest other element's
 * (a multi-mic group counts as one element, its tracks power-summed); the median should be 3..6 dB.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + VocalLeadRule.ID)
public final class VocalLeadRule implements Rule {

    static final String ID = "vocal.lead";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Vocal lead",
            "How far the lead vocal sits above the loudest other element, momentary loudness (pan-law corrected) at "
                    + "each 100 ms step where the vocal sings; the median is judged and the phrases below the "
                    + "range listed.",
            Set.of(Role.LEAD_VOCAL), false, ExportKind.STEMS,
            List.of(new Parameter("minLeadDb", "Least lead over the loudest other element", Units.DB, -12, 24, 3),
                    new Parameter("maxLeadDb", "Largest lead over the loudest other element", Units.DB, -12, 24, 6),
                    RuleSupport.warnMargin(), RuleSupport.problemMargin(),
                    new Parameter("maxTimeRanges", "Most time ranges listed where the vocal is below the range",
                            Units.COUNT,
                            0, 100, 10)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Element> elements = RuleSupport.elements(context.parts());
        List<Finding> findings = new ArrayList<>();
        for (Element element : elements) {
            if (element.tracks().stream().anyMatch(t -> t.track().role() == Role.LEAD_VOCAL)) {
                findings.add(judge(context, element, elements));
            }
        }
        return RuleSupport.orNothing(findings, DESCRIPTOR, "the session has no lead vocal.");
    }

    private static Finding judge(RuleContext context, Element vocal, List<Element> elements) {
        String what = vocal.name() + "'s lead over the other parts";
        Optional<double[]> vocalLoudness = RuleSupport.loudnessSeries(context, vocal, MeasurementIds.MOMENTARY_SERIES);
        if (vocalLoudness.isEmpty()) {
            return RuleSupport.cannotJudge(ID, vocal.trackNames(), what, "its momentary loudness series is missing");
        }
        Optional<boolean[]> vocalActive = RuleSupport.activity(vocal);
        if (vocalActive.isEmpty()) {
            return RuleSupport.cannotJudge(ID, vocal.trackNames(), what, "its activity series is missing");
        }
        List<double[]> others = new ArrayList<>();
        List<Element> otherElements = new ArrayList<>();
        for (Element other : elements) {
            if (other != vocal) {
                Optional<double[]> series = RuleSupport.loudnessSeries(context, other,
                        MeasurementIds.MOMENTARY_SERIES);
                if (series.isPresent()) {
                    others.add(series.get());
                    otherElements.add(other);
                }
            }
        }
        // how often each other part is the loudest one: the lead is measured against it, so the message names it
        int[] loudestCounts = new int[others.size()];
        double[] v = vocalLoudness.get();
        boolean[] active = vocalActive.get();
        int n = Math.min(v.length, active.length);
        double[] leads = new double[n];
        boolean[] judged = new boolean[n];
        int count = 0;
        int sings = 0;
        for (int i = 0; i < n; i++) {
            if (!active[i] || !Double.isFinite(v[i])) {
                continue;
            }
            sings++;
            double loudest = Double.NEGATIVE_INFINITY;
            int loudestIndex = -1;
            for (int k = 0; k < others.size(); k++) {
                double[] other = others.get(k);
                if (i < other.length && Double.isFinite(other[i]) && other[i] > loudest) {
                    loudest = other[i];
                    loudestIndex = k;
                }
            }
            if (loudest > Double.NEGATIVE_INFINITY) {
                loudestCounts[loudestIndex]++;
                double lead = v[i] - loudest;
                leads[i] = lead;
                judged[i] = true;
                count++;
            }
        }
        if (sings == 0) {
            return RuleSupport.cannotJudge(ID, vocal.trackNames(), what, "it never plays (no active, measurable step)");
        }
        if (count == 0) {
            return RuleSupport.cannotJudge(ID, vocal.trackNames(), what, "no other part plays while it sings");
        }
        double[] judgedLeads = new double[count];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (judged[i]) {
                judgedLeads[j++] = leads[i];
            }
        }
        double median = RuleSupport.median(judgedLeads, count);
        Target target = Target.between(context.parameter("minLeadDb"), context.parameter("maxLeadDb"), Units.DB);
        int inside = 0;
        boolean[] below = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (judged[i]) {
                double excess = target.excess(leads[i]);
                if (Math.abs(excess) <= RuleSupport.EPSILON_DB) {
                    inside++;
                } else if (excess < 0) {
                    below[i] = true;
                }
            }
        }
        double step = RuleSupport.stepSeconds(vocal, MeasurementIds.MOMENTARY_SERIES);
        List<TimeRange> belowRuns = RuleSupport.runs(below, step);
        int limit = (int) Math.round(context.parameter("maxTimeRanges"));
        List<TimeRange> listed = RuleSupport.longest(belowRuns, limit);
        double share = 100.0 * inside / count;

        double excess = target.excess(median);
        Severity severity = RuleSupport.severityFromMargins(context, excess);
        String position = median >= 0 ? RuleSupport.f1(median) + " dB above" : RuleSupport.f1(-median) + " dB below";
        int most = 0;
        for (int k = 1; k < loudestCounts.length; k++) {
            if (loudestCounts[k] > loudestCounts[most]) {
                most = k;
            }
        }
        String against = otherElements.get(most).name();
        double againstShare = 100.0 * loudestCounts[most] / count;
        StringBuilder message = new StringBuilder().append(vocal.name()).append(" sits ").append(position)
                .append(" the loudest other part (").append(against)
                .append(againstShare >= 99.5 ? "" : String.format(Locale.ROOT, " in %.0f %% of the time", againstShare))
                .append("; median of momentary loudness over ").append(RuleSupport.f1(count * step))
                .append(" s where it sings); target ").append(RuleSupport.f1(target.min())).append(" to ")
                .append(RuleSupport.f1(target.max())).append(" dB above").append(RuleSupport.outside(excess, Units.DB))
                .append(". Inside the range ").append(String.format(Locale.ROOT, "%.0f", share))
                .append(" % of the time");
        if (!belowRuns.isEmpty()) {
            message.append("; below it in ").append(belowRuns.size())
                    .append(belowRuns.size() == 1 ? " phrase" : " phrases");
            if (listed.size() < belowRuns.size()) {
                message.append(" (the ").append(listed.size()).append(" longest listed)");
            }
        }
        message.append('.');
        boolean fixed = severity == Severity.WARN || severity == Severity.PROBLEM;
        if (fixed) {
            // The lead is relative: a fix that moves the part it is measured against changes it too.
            message.append(" It is measured against ").append(against).append(": if ").append(against)
                    .append(" moves too, move it first and analyse again.");
        }
        Finding.Builder builder = Finding.of(ID, severity).tracks(vocal.trackNames()).message(message.toString())
                .measured(median, Units.DB, "lead vocal minus loudest other element, momentary loudness, median")
                .target(target).timeRanges(listed);
        if (fixed) {
            RuleSupport.withGainFix(context, builder, vocal, target.centre() - median);
        }
        return builder.build();
    }
}
