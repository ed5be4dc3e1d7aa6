package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.Target;
import io.mixbench.session.ExportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Gain staging of raw tracks: AES17 RMS where each track plays near -18 dBFS. */
@Component(service = Rule.class, property = Rule.ID + "=" + GainStagingRule.ID)
public final class GainStagingRule implements Rule {

    static final String ID = "gainStaging";
    /**
     * A raw track's operating level changes no sound in a floating-point mix; only one this far off (dB beyond the
     * tolerance) points at an export or recording mistake worth a PROBLEM.
     */
    static final double PROBLEM_MARGIN_DB = 20;

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Gain staging",
            "Each raw track's AES17 RMS over the part where it plays, against the usual analogue-modelled operating "
                    + "level.",
            Set.of(), false, ExportKind.RAW_TRACKS,
            List.of(new Parameter("target", "Operating level, AES17 RMS where the track plays", Units.DBFS, -40, 0,
                    -18),
                    new Parameter("tolerance", "Allowed distance from the operating level", Units.DB, 0, 20, 3),
                    RuleSupport.warnMargin(), RuleSupport.problemMargin(PROBLEM_MARGIN_DB)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        double centre = context.parameter("target");
        double tolerance = context.parameter("tolerance");
        Target target = Target.between(centre - tolerance, centre + tolerance, Units.DBFS);
        List<Finding> findings = new ArrayList<>();
        for (MeasuredTrack part : context.parts()) {
            OptionalDouble rms = part.scalar(MeasurementIds.RMS_ACTIVE);
            if (rms.isEmpty()) {
                findings.add(RuleSupport.cannotJudge(ID, part, part.name() + "'s gain staging",
                        RuleSupport.missingScalar(part, MeasurementIds.RMS_ACTIVE, "RMS where it plays")));
                continue;
            }
            double value = rms.getAsDouble();
            String statement = part.name() + " plays at " + RuleSupport.f1(value)
                    + " dBFS RMS (AES17, where it plays)";
            findings.add(RuleSupport.judgeLevel(context, ID, part, value, target, LevelOffset.NONE,
                    "AES17 RMS where the track plays",
                    statement, "the input gain of " + part.name()));
        }
        return RuleSupport.orNothing(findings, DESCRIPTOR, "the session has no parts.");
    }
}
