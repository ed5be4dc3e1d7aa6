package com.example.mixbench.supporting;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * A third-party rule, as a plug-in author would write one: supporting elements (pads, backing vocals,
 * percussion, effect returns) should peak at -18 dBFS or below, so they support the lead parts instead of
 * competing with them. The whole plug-in is this class: a DS component that provides {@link Rule}.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + SupportingElementsRule.ID)
public final class SupportingElementsRule implements Rule {

    static final String ID = "example.supportingElements";
    static final Set<Role> SUPPORTING = EnumSet.of(Role.PAD, Role.BACKING_VOCALS, Role.PERCUSSION, Role.FX_RETURN);

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Supporting elements",
            "Pads, backing vocals, percussion and effect returns peak at or below a ceiling (sample peak).", Set.of(),
            false, ExportKind.STEMS, List.of(new Parameter("maxPeak", "Highest peak", Units.DBFS, -40, 0, -18)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        double maxPeak = context.parameter("maxPeak");
        Target target = Target.atMost(maxPeak, Units.DBFS);
        List<Finding> findings = new ArrayList<>();
        for (MeasuredTrack track : context.parts()) {
            if (!SUPPORTING.contains(track.track().role())) {
                continue;
            }
            OptionalDouble peak = track.scalar(MeasurementIds.SAMPLE_PEAK);
            if (peak.isEmpty()) {
                continue;
            }
            double over = peak.getAsDouble() - maxPeak;
            Finding.Builder finding = Finding.of(ID, over > 0 ? Severity.WARN : Severity.OK).tracks(track.name())
                    .measured(peak.getAsDouble(), Units.DBFS, "sample peak").target(target)
                    .message(String.format(Locale.ROOT, "%s peaks at %.1f dBFS; supporting elements should stay at or"
                            + " below %.1f dBFS.", track.name(), peak.getAsDouble(), maxPeak));
            if (over > 0) {
                finding.fix(Fix.gain(track.name(), -over),
                        String.format(Locale.ROOT, "Lower %s by %.1f dB.", track.name(), over));
            }
            findings.add(finding.build());
        }
        return findings;
    }
}
