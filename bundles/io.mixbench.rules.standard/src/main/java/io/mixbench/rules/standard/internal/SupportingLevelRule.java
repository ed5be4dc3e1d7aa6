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
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Supporting elements: each pad, backing-vocal, percussion and FX-return stem's sample peak at -18 dBFS and below,
 * so the parts that carry the song keep the front.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + SupportingLevelRule.ID)
public final class SupportingLevelRule implements Rule {

    static final String ID = "supporting.level";
    /** The roles this rule judges. */
    static final Set<Role> SUPPORTING = Set.of(Role.PAD, Role.BACKING_VOCALS, Role.PERCUSSION, Role.FX_RETURN);

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Supporting elements",
            "Each supporting stem's (pad, backing vocals, percussion, FX return) sample peak against the highest "
                    + "peak a supporting part should reach.",
            Set.of(), false, ExportKind.STEMS,
            List.of(new Parameter("maxPeak", "Highest sample peak of a supporting stem", Units.DBFS, -60, 0, -18),
                    RuleSupport.warnMargin(), RuleSupport.problemMargin()));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        Target target = Target.atMost(context.parameter("maxPeak"), Units.DBFS);
        List<Finding> findings = new ArrayList<>();
        LevelOffset offset = LevelOffset.of(context);
        for (MeasuredTrack part : context.parts()) {
            if (!SUPPORTING.contains(part.track().role())) {
                continue;
            }
            OptionalDouble peak = part.scalar(MeasurementIds.SAMPLE_PEAK);
            if (peak.isEmpty()) {
                findings.add(RuleSupport.cannotJudge(ID, part, part.name() + "'s level",
                        RuleSupport.missingScalar(part, MeasurementIds.SAMPLE_PEAK, "sample peak")));
                continue;
            }
            double value = peak.getAsDouble();
            String statement = part.name() + " (" + part.track().role().displayName().toLowerCase(java.util.Locale.ROOT)
                    + ") peaks at " + RuleSupport.f1(value) + " dBFS";
            findings.add(RuleSupport.judgeLevel(context, ID, part, value, target, offset, "sample peak", statement,
                    part.name()));
        }
        return RuleSupport.orNothing(findings, DESCRIPTOR,
                "the session has no pad, backing vocals, percussion or FX return.");
    }
}
