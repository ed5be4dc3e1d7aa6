package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Phrases;
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
import io.mixbench.rules.standard.internal.VocalPhrases.Move;
import io.mixbench.rules.standard.internal.VocalPhrases.Phrase;
import io.mixbench.session.ExportKind;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Vocal lead: step by step where the lead vocal sings, its momentary loudness minus the loudest other element's
 * (a multi-mic group counts as one element, its tracks power-summed); each phrase's median of those leads should lie
 * in 3..6 dB for at least {@code minShareInside} of the singing time. When no static gain achieves that, the vocal
 * needs riding, and the finding says where and by how much.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + VocalLeadRule.ID)
public final class VocalLeadRule implements Rule {

    static final String ID = "vocal.lead";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Vocal lead",
            "How far the lead vocal sits above the loudest other element, momentary loudness (pan-law corrected) at "
                    + "each 100 ms step where the vocal sings, taken phrase by phrase (the median of each phrase); "
                    + "the share of singing time whose phrases lie inside the range is judged, the phrases above and "
                    + "below it listed, and a vocal no static move brings inside called for riding.",
            Set.of(Role.LEAD_VOCAL), false, ExportKind.STEMS,
            List.of(new Parameter("minLeadDb", "Least lead over the loudest other element", Units.DB, -12, 24, 3),
                    new Parameter("maxLeadDb", "Largest lead over the loudest other element", Units.DB, -12, 24, 6),
                    new Parameter("minShareInside", "Least share of the singing time whose phrases lie inside the "
                            + "range", Units.PERCENT, 0, 100, 70),
                    RuleSupport.warnMargin(), RuleSupport.problemMargin(),
                    new Parameter("maxTimeRanges", "Most time ranges listed where the vocal is outside the range",
                            Units.COUNT, 0, 100, 10)));

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
        double step = RuleSupport.stepSeconds(vocal, MeasurementIds.MOMENTARY_SERIES);
        boolean[] sung = new boolean[n];
        for (int i = 0; i < n; i++) {
            sung[i] = active[i] && Double.isFinite(v[i]);
        }
        List<Phrase> phrases = new ArrayList<>();
        List<int[]> spans = Phrases.spans(sung, step);
        for (int[] span : spans) {
            double[] inPhrase = new double[span[1] - span[0]];
            int k = 0;
            for (int i = span[0]; i < span[1]; i++) {
                if (judged[i]) {
                    inPhrase[k++] = leads[i];
                }
            }
            if (k > 0) {
                phrases.add(new Phrase(new TimeRange(span[0] * step, span[1] * step),
                        RuleSupport.median(inPhrase, k), k * step));
            }
        }
        if (phrases.isEmpty()) {
            return RuleSupport.cannotJudge(ID, vocal.trackNames(), what,
                    spans.isEmpty()
                            ? "it sings no phrase of " + RuleSupport.f1(Phrases.MIN_PHRASE_SECONDS)
                                    + " s or longer"
                            : "no other part plays during its phrases");
        }
        Target target = Target.between(context.parameter("minLeadDb"), context.parameter("maxLeadDb"), Units.DB);
        double wantedShare = context.parameter("minShareInside");
        double share = VocalPhrases.sharePercent(phrases, target, 0);
        double distance = share >= wantedShare - 1e-9
                ? 0
                : VocalPhrases.distanceDb(phrases, target, 0, wantedShare);
        Severity severity = RuleSupport.severityFromMargins(context, distance);
        Move best = VocalPhrases.bestMove(phrases, target, target.centre() - median);
        boolean needsRiding = best.sharePercent() < wantedShare - 1e-9;
        // Short of the share, a move that puts no more singing time inside than now is no fix: the ride is.
        Move move = needsRiding && best.sharePercent() <= share + 1e-9 ? new Move(0, share) : best;
        int limit = (int) Math.round(context.parameter("maxTimeRanges"));
        List<Phrase> outside = phrases.stream().filter(p -> !VocalPhrases.inside(target, p.leadDb())).toList();
        List<TimeRange> listed = RuleSupport.longest(outside.stream().map(Phrase::range).toList(), limit);

        double medianExcess = target.excess(median);
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
                .append(RuleSupport.f1(target.max())).append(" dB above")
                .append(RuleSupport.outside(medianExcess, Units.DB)).append(". Phrase by phrase, ")
                .append(percent(share)).append(" % of its singing time is in range (").append(percent(wantedShare))
                .append(" % wanted)");
        String outsideNow = outsideText(outside, target, 0, null);
        message.append(outsideNow.isEmpty() ? "" : "; " + outsideNow).append('.');
        boolean fixed = severity == Severity.WARN || severity == Severity.PROBLEM;
        if (needsRiding && severity != Severity.OK) {
            List<Phrase> left = phrases.stream()
                    .filter(p -> !VocalPhrases.inside(target, p.leadDb() + move.gainDb())).toList();
            List<TimeRange> leftListed = RuleSupport.longest(left.stream().map(Phrase::range).toList(), limit);
            String ride = outsideText(left, target, move.gainDb(), leftListed);
            message.append(" No static move puts ").append(percent(wantedShare)).append(" % of it inside");
            if (Math.abs(move.gainDb()) < 0.05) {
                message.append(", and none does better than where it is: the vocal needs riding, ").append(ride)
                        .append('.');
            } else {
                message.append(": the vocal needs riding. The best one, ")
                        .append(move.gainDb() > 0 ? "raising it by " : "lowering it by ")
                        .append(RuleSupport.f1(Math.abs(move.gainDb()))).append(" dB, puts ")
                        .append(percent(move.sharePercent())).append(" % inside; after it the vocal is ").append(ride)
                        .append('.');
            }
        }
        if (fixed) {
            // The lead is relative: a fix that moves the part it is measured against changes it too.
            message.append(" It is measured against ").append(against).append(": if ").append(against)
                    .append(" moves too, move it first and analyse again.");
        }
        Finding.Builder builder = Finding.of(ID, severity).tracks(vocal.trackNames()).message(message.toString())
                .measured(median, Units.DB, "lead vocal minus loudest other element, momentary loudness, median")
                .target(target).timeRanges(listed);
        if (fixed && Math.abs(move.gainDb()) >= 0.05) {
            RuleSupport.withGainFix(context, builder, vocal, move.gainDb());
        } else if (fixed) {
            builder.suggestion("Ride " + RuleSupport.joinNames(vocal.trackNames())
                    + " through the phrases named: no static move does better.");
        }
        return builder.build();
    }

    /**
     * "2 phrases below by 4.1 to 4.6 dB; 1 above by 2.0 dB" for the phrases outside the target after a gain; with
     * {@code named}, each of them that is among it by its time instead ("below the range in 2 phrases: 0:00.2-0:01.7
     * by 4.1 dB, ..."). "" when no phrase is outside.
     */
    private static String outsideText(List<Phrase> outside, Target target, double gainDb, List<TimeRange> named) {
        StringBuilder text = new StringBuilder();
        for (boolean above : new boolean[]{false, true}) {
            List<Phrase> group = outside.stream()
                    .filter(p -> target.excess(p.leadDb() + gainDb) > 0 == above).toList();
            if (group.isEmpty()) {
                continue;
            }
            if (named == null) {
                // Short: the finding's time ranges say where.
                DoubleSummaryStatistics by = group.stream()
                        .mapToDouble(p -> Math.abs(target.excess(p.leadDb() + gainDb))).summaryStatistics();
                String least = RuleSupport.f1(by.getMin());
                String most = RuleSupport.f1(by.getMax());
                text.append(text.length() == 0
                        ? group.size() + (group.size() == 1 ? " phrase " : " phrases ")
                        : "; " + group.size() + " ").append(above ? "above" : "below").append(" by ").append(least)
                        .append(least.equals(most) ? "" : " to " + most).append(" dB");
                continue;
            }
            text.append(text.length() == 0 ? "" : "; ").append(above ? "above" : "below").append(" the range in ")
                    .append(group.size()).append(group.size() == 1 ? " phrase" : " phrases");
            List<Phrase> shown = group.stream().filter(p -> named.contains(p.range())).toList();
            if (shown.size() < group.size()) {
                text.append(" (").append(shown.size()).append(" named)");
            }
            for (int i = 0; i < shown.size(); i++) {
                Phrase p = shown.get(i);
                text.append(i == 0 ? ": " : ", ").append(Sections.clock(p.range())).append(" by ")
                        .append(RuleSupport.f1(Math.abs(target.excess(p.leadDb() + gainDb)))).append(" dB");
            }
        }
        return text.toString();
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
