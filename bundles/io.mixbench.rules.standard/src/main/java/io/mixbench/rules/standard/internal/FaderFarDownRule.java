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
import io.mixbench.session.ExportKind;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Fader far down: a part that only sits right 20 dB below where its role usually sits. Stems: its sample peak at
 * least {@code farDownDb} below its role's usual peak, told apart by whether the rest of the band is far down too
 * (the whole balance built with the faders down: a recording or gain-staging problem) or not (the part is buried:
 * an arrangement problem). Raw tracks: AES17 RMS where it plays at least {@code farDownDb} below the usual
 * recording level (recorded far too low).
 */
@Component(service = Rule.class, property = Rule.ID + "=" + FaderFarDownRule.ID)
public final class FaderFarDownRule implements Rule {

    static final String ID = "fader.farDown";

    static final Set<Role> MAIN = Set.of(Role.KICK, Role.SNARE, Role.BASS, Role.DRUMS_BUS, Role.LEAD_VOCAL);

    /** Parameter: the sample peak (dBFS) at or below which a part is silent, as the health rule judges it. */
    static final String SILENT_PEAK = "silentPeak";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Fader far down",
            "A part that only sits right far below its role's usual place. Stems: sample peak against the role's "
                    + "usual peak, and against the rest of the band; raw tracks: AES17 RMS where the track plays "
                    + "against the usual recording level.",
            Set.of(), false, null,
            List.of(new Parameter("farDownDb", "How far below its usual place a part is far down", Units.DB, 6, 60,
                    20),
                    new Parameter("mainUsualPeak",
                            "Usual sample peak of a kick, snare, bass, drums bus or lead vocal stem", Units.DBFS, -60,
                            0, -15),
                    new Parameter("instrumentUsualPeak", "Usual sample peak of another instrument stem", Units.DBFS,
                            -60, 0, -18),
                    new Parameter("supportingUsualPeak",
                            "Usual sample peak of a pad, backing vocals, percussion or FX return stem", Units.DBFS,
                            -60, 0, -24),
                    new Parameter("bandToleranceDb",
                            "A part is in range relative to the band when its distance below its usual place is "
                                    + "within this of the other parts' median",
                            Units.DB, 0, 40, 6),
                    new Parameter("rawUsualRms", "Usual AES17 RMS of a raw track where it plays", Units.DBFS, -60, 0,
                            -18),
                    new Parameter(SILENT_PEAK, "A part peaking at or below this is silent, not far down (health "
                            + "reports it)", Units.DBFS, -200, -20, -70)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** The usual sample peak of a stem of this role, dBFS. */
    static double usualPeak(RuleContext context, Role role) {
        if (MAIN.contains(role)) {
            return context.parameter("mainUsualPeak");
        }
        if (SupportingLevelRule.SUPPORTING.contains(role)) {
            return context.parameter("supportingUsualPeak");
        }
        return context.parameter("instrumentUsualPeak");
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        if (context.parts().isEmpty()) {
            return RuleSupport.orNothing(List.of(), DESCRIPTOR, "the session has no parts.");
        }
        return context.session().exportKind() == ExportKind.RAW_TRACKS ? raw(context) : stems(context);
    }

    /** An INFO for a part that is silent (health's to report), or null. */
    private static Finding silent(RuleContext context, MeasuredTrack part) {
        OptionalDouble peak = part.scalar(MeasurementIds.SAMPLE_PEAK);
        double silentPeak = context.parameter(SILENT_PEAK);
        if (peak.isEmpty() || peak.getAsDouble() > silentPeak + RuleSupport.EPSILON_DB) {
            return null;
        }
        return RuleSupport.cannotJudge(ID, part, "whether " + part.name() + " sits far down",
                "it is silent: it peaks at " + RuleSupport.f1(peak.getAsDouble()) + " dBFS, at or below "
                        + RuleSupport.f1(silentPeak) + " dBFS (the health rule reports it)");
    }

    private static List<Finding> raw(RuleContext context) {
        double farDown = context.parameter("farDownDb");
        double usual = context.parameter("rawUsualRms");
        Target target = Target.atLeast(usual - farDown, Units.DBFS);
        List<Finding> findings = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        for (MeasuredTrack part : context.parts()) {
            Finding silent = silent(context, part);
            if (silent != null) {
                findings.add(silent);
                continue;
            }
            OptionalDouble rms = part.scalar(MeasurementIds.RMS_ACTIVE);
            if (rms.isEmpty()) {
                findings.add(RuleSupport.cannotJudge(ID, part, "whether " + part.name() + " was recorded far too low",
                        RuleSupport.missingScalar(part, MeasurementIds.RMS_ACTIVE, "RMS where it plays")));
                continue;
            }
            double value = rms.getAsDouble();
            if (value > usual - farDown + RuleSupport.EPSILON_DB) {
                fine.add(part.name());
                continue;
            }
            double gain = usual - value;
            Finding.Builder low = Finding.of(ID, Severity.WARN).tracks(part.name())
                    .message(part.name() + " was recorded far too low: " + RuleSupport.f1(value)
                            + " dBFS RMS where it plays (AES17), " + RuleSupport.f1(usual - value)
                            + " dB below the usual " + RuleSupport.f1(usual) + " dBFS; it only sits right with "
                            + RuleSupport.f1(usual - value) + " dB of gain, which raises its noise floor as much.")
                    .measured(value, Units.DBFS, "AES17 RMS where the track plays").target(target);
            RuleSupport.gainFix(context, low, List.of(part), gain, "Raise the input gain of " + part.name() + " by "
                    + RuleSupport.f1(gain) + " dB; better, record it again at a proper level.");
            findings.add(low.build());
        }
        if (!fine.isEmpty()) {
            findings.add(Finding.of(ID, Severity.OK).tracks(fine)
                    .message("No raw track was recorded far too low: each plays within " + RuleSupport.f1(farDown)
                            + " dB of " + RuleSupport.f1(usual) + " dBFS RMS or above.")
                    .target(target).build());
        }
        return findings;
    }

    private static List<Finding> stems(RuleContext context) {
        double farDown = context.parameter("farDownDb");
        double tolerance = context.parameter("bandToleranceDb");
        List<MeasuredTrack> judged = new ArrayList<>();
        List<Double> shortfalls = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (MeasuredTrack part : context.parts()) {
            OptionalDouble peak = part.scalar(MeasurementIds.SAMPLE_PEAK);
            if (peak.isEmpty()) {
                findings.add(RuleSupport.cannotJudge(ID, part, "whether " + part.name() + " sits far down",
                        RuleSupport.missingScalar(part, MeasurementIds.SAMPLE_PEAK, "sample peak")));
                continue;
            }
            Finding silent = silent(context, part);
            if (silent != null) {
                // dither or noise of an empty track: no fader move helps, and it would pull the band's median
                findings.add(silent);
                continue;
            }
            judged.add(part);
            shortfalls.add(usualPeak(context, part.track().role()) - peak.getAsDouble());
        }
        double[] all = shortfalls.stream().mapToDouble(Double::doubleValue).toArray();
        LevelOffset offset = LevelOffset.of(context);
        double bandMedian = RuleSupport.median(all, all.length);
        List<String> fine = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            MeasuredTrack part = judged.get(i);
            double shortfall = all[i];
            if (shortfall < farDown - RuleSupport.EPSILON_DB) {
                fine.add(part.name());
                continue;
            }
            double usual = usualPeak(context, part.track().role());
            double peak = usual - shortfall;
            double[] others = new double[all.length - 1];
            for (int j = 0, k = 0; j < all.length; j++) {
                if (j != i) {
                    others[k++] = all[j];
                }
            }
            double othersMedian = RuleSupport.median(others, others.length);
            String role = part.track().role().displayName().toLowerCase(Locale.ROOT);
            String statement = part.name() + " peaks at " + RuleSupport.f1(peak) + " dBFS, " + RuleSupport.f1(shortfall)
                    + " dB below where a " + role + " stem usually peaks (" + RuleSupport.f1(usual) + " dBFS)";
            Finding.Builder builder = Finding.of(ID, Severity.WARN).tracks(part.name())
                    .measured(peak, Units.DBFS, "sample peak").target(Target.atLeast(usual - farDown, Units.DBFS));
            if (others.length > 0 && Math.abs(shortfall - othersMedian) <= tolerance + RuleSupport.EPSILON_DB) {
                builder.message(statement + ", yet it sits in range relative to the band: the other parts are a "
                        + "median " + RuleSupport.f1(othersMedian) + " dB below their usual peaks too. The balance "
                        + "only works with every fader far down: a recording or gain-staging problem.");
                if (offset.applies()) {
                    // One move for the whole mix, said once by levels.offset: the same fix, so it is one move.
                    builder.fix(LevelOffsetRule.fix(context, offset), LevelOffsetRule.sentence(context, offset));
                } else {
                    RuleSupport.gainFix(context, builder, List.of(part), bandMedian, "Raise every part by "
                            + RuleSupport.f1(bandMedian) + " dB together (clip gain, or one VCA over all of them), "
                            + part.name() + " included, so the balance stays and the faders come back up.");
                }
            } else {
                double gain = shortfall - (others.length > 0 ? Math.max(0, othersMedian) : 0) - tolerance;
                gain = Math.max(gain, shortfall - farDown + 1);
                builder.message(statement + (others.length > 0
                        ? ", while the other parts sit a median " + RuleSupport.f1(othersMedian)
                                + " dB below theirs: it is buried. A part that only sits right this far down is an "
                                + "arrangement problem."
                        : ": a part that only sits right this far down is an arrangement or recording problem."));
                RuleSupport.gainFix(context, builder, List.of(part), gain, "Raise " + part.name() + " by "
                        + RuleSupport.f1(gain) + " dB so it takes part in the mix, or mute it if it only sounds right "
                        + "buried: the arrangement has no room for it.");
            }
            findings.add(builder.build());
        }
        if (!fine.isEmpty()) {
            findings.add(Finding.of(ID, Severity.OK).tracks(fine)
                    .message("No stem sits far down: each peaks within " + RuleSupport.f1(farDown)
                            + " dB of its role's usual peak.")
                    .build());
        }
        return RuleSupport.orNothing(findings, DESCRIPTOR, "no part has a sample peak.");
    }
}
