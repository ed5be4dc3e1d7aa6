package io.mixbench.rules.standard.internal;

import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.session.ExportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Polarity and time alignment of the mics of one source (raw tracks sharing a group, e.g. Kick In and Kick Out), from
 * the "micAlignment" cross-track meter: each mic against the group's first one.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + PolarityAlignmentRule.ID)
public final class PolarityAlignmentRule implements Rule {

    static final String ID = "polarity.alignment";

    /** The cross-track meter (io.mixbench.meter.crosstrack, CrossTrackIds). */
    static final String MIC_ALIGNMENT = "micAlignment";

    static String lagId(int k) {
        return "pair." + k + ".lag";
    }

    static String invertedId(int k) {
        return "pair." + k + ".inverted";
    }

    static String correlationId(int k) {
        return "pair." + k + ".correlation";
    }

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Polarity and alignment",
            "Each mic of a multi-mic group against the group's first mic: the sign and lag of their generalized "
                    + "cross-correlation (PHAT), within +-10 ms.",
            Set.of(), false, ExportKind.RAW_TRACKS,
            List.of(new Parameter("maxLagMs", "Largest lag between the mics of one source", Units.MILLISECONDS, 0,
                    10, 0.5),
                    new Parameter("minCorrelation", "Weakest correlation at which two mics count as one source",
                            Units.RATIO, 0, 1, 0.2)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (GroupMeasurement group : context.groupMeasurements()) {
            if (!MIC_ALIGNMENT.equals(group.meterId())) {
                continue;
            }
            for (int k = 1; k < group.tracks().size(); k++) {
                judgePair(context, group, k, findings);
            }
        }
        return RuleSupport.orNothing(findings, DESCRIPTOR, "no multi-mic group (tracks of one source "
                + "sharing a group, e.g. Kick In and Kick Out) was measured.");
    }

    private static void judgePair(RuleContext context, GroupMeasurement group, int k, List<Finding> findings) {
        String reference = group.tracks().get(0);
        String mic = group.tracks().get(k);
        List<String> tracks = List.of(mic, reference);
        OptionalDouble lag = group.scalar(lagId(k));
        OptionalDouble inverted = group.scalar(invertedId(k));
        OptionalDouble correlation = group.scalar(correlationId(k));
        if (lag.isEmpty() || inverted.isEmpty() || correlation.isEmpty()) {
            String why = group.measurements().get(lagId(k)) instanceof Scalar s && s.reason() != null
                    ? "their cross-correlation has no value (" + s.reason() + ")"
                    : "their cross-correlation was not measured";
            findings.add(RuleSupport.cannotJudge(ID, tracks, "polarity and alignment of " + mic + " against "
                    + reference, why));
            return;
        }
        double lagMs = lag.getAsDouble();
        double r = correlation.getAsDouble();
        String measuredAt = "(lag " + ms(lagMs) + " ms, correlation " + ratio(r) + ")";
        if (Math.abs(r) < context.parameter("minCorrelation")) {
            findings.add(RuleSupport.cannotJudge(ID, tracks, "polarity and alignment of " + mic + " against "
                    + reference, "they hardly correlate " + measuredAt + ": not one source, or too far apart"));
            return;
        }
        double maxLag = context.parameter("maxLagMs");
        boolean flipped = inverted.getAsDouble() >= 0.5;
        boolean late = Math.abs(lagMs) > maxLag + 1e-9;
        if (flipped) {
            findings.add(Finding.of(ID, Severity.PROBLEM).tracks(tracks)
                    .measured(r, Units.RATIO, "normalised cross-correlation at the lag")
                    .target(Target.atLeast(0, Units.RATIO))
                    .message(mic + " is in opposite polarity to " + reference + " " + measuredAt
                            + ": the two cancel where they overlap.")
                    .fix(new Fix(mic, Map.of(Fix.INVERT_POLARITY, true)), "Invert the polarity of " + mic
                            + " so it adds to " + reference + " instead of cancelling it.")
                    .build());
        }
        if (late) {
            double delay = Math.round(-lagMs * 100) / 100.0 + 0.0;
            String sentence = lagMs > 0
                    ? "Move " + mic + " " + ms(lagMs) + " ms earlier (or delay " + reference + " by " + ms(lagMs)
                            + " ms) to line it up with " + reference + "."
                    : "Delay " + mic + " by " + ms(-lagMs) + " ms to line it up with " + reference + ".";
            findings.add(Finding.of(ID, Severity.WARN).tracks(tracks)
                    .measured(lagMs, Units.MILLISECONDS, "lag behind " + reference + " by PHAT cross-correlation")
                    .target(Target.between(-maxLag, maxLag, Units.MILLISECONDS))
                    .message(mic + " is " + ms(Math.abs(lagMs)) + " ms " + (lagMs > 0 ? "behind " : "ahead of ")
                            + reference + " " + measuredAt + "; target within " + ms(maxLag) + " ms.")
                    .fix(new Fix(mic, Map.of(Fix.DELAY_MS, delay)), sentence).build());
        }
        if (!flipped && !late) {
            findings.add(Finding.of(ID, Severity.OK).tracks(tracks)
                    .measured(lagMs, Units.MILLISECONDS, "lag behind " + reference + " by PHAT cross-correlation")
                    .target(Target.between(-maxLag, maxLag, Units.MILLISECONDS))
                    .message(mic + " is in polarity with " + reference + " and aligned within " + ms(maxLag)
                            + " ms " + measuredAt + ".")
                    .build());
        }
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f", Math.round(value * 100) / 100.0 + 0.0);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", Math.round(value * 100) / 100.0 + 0.0);
    }
}
