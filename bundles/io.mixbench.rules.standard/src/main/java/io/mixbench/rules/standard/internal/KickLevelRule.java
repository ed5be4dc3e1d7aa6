package io.mixbench.rules.standard.internal;

import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.Target;
import io.mixbench.rules.standard.internal.RuleSupport.HitPeak;
import io.mixbench.session.ExportKind;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Kick level: each kick stem's robust hit peak against -12..-10 dBFS. */
@Component(service = Rule.class, property = Rule.ID + "=" + KickLevelRule.ID)
public final class KickLevelRule implements Rule {

    static final String ID = "kick.level";
    static final double DEFAULT_MIN_PEAK = -12;
    static final double DEFAULT_MAX_PEAK = -10;

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Kick level",
            "Each kick stem's robust peak (a percentile of its hit peaks, so one flam does not decide) against the "
                    + "target peak range.",
            Set.of(Role.KICK), false, ExportKind.STEMS,
            List.of(new Parameter("minPeak", "Lowest robust kick peak", Units.DBFS, -40, 0, DEFAULT_MIN_PEAK),
                    new Parameter("maxPeak", "Highest robust kick peak", Units.DBFS, -40, 0, DEFAULT_MAX_PEAK),
                    RuleSupport.warnMargin(), RuleSupport.problemMargin(), RuleSupport.percentile(),
                    RuleSupport.hitRange()));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (MeasuredTrack kick : context.withRole(Role.KICK)) {
            findings.add(judgeDrum(context, ID, "level", kick));
        }
        return RuleSupport.orNothing(findings, DESCRIPTOR, "the session has no kick.");
    }

    /** The level finding of a drum stem (kick or snare) under the rule's own parameters. */
    static Finding judgeDrum(RuleContext context, String ruleId, String what, MeasuredTrack drum) {
        double percentile = context.parameter("percentile");
        HitPeak peak = RuleSupport.robustHitPeak(drum, percentile, context.parameter("hitRangeDb"));
        if (!peak.present()) {
            return RuleSupport.cannotJudge(ruleId, drum, drum.name() + "'s " + what, peak.reason());
        }
        Target target = Target.between(context.parameter("minPeak"), context.parameter("maxPeak"), Units.DBFS);
        String statement = drum.name() + " peaks at " + RuleSupport.f1(peak.peakDbfs()) + " dBFS ("
                + RuleSupport.ordinal(percentile) + " percentile of " + peak.hits()
                + (peak.hits() == 1 ? " hit)" : " hits)");
        return RuleSupport.judgeLevel(context, ruleId, drum, peak.peakDbfs(), target, LevelOffset.of(context),
                "hit peak, " + RuleSupport.ordinal(percentile) + " percentile", statement, drum.name());
    }
}
