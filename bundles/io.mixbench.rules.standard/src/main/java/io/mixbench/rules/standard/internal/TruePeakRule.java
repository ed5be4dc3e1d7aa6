package io.mixbench.rules.standard.internal;

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
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** True peak: the mix's true peak at or below -1 dBTP, so lossy encoding and playback do not clip. */
@Component(service = Rule.class, property = Rule.ID + "=" + TruePeakRule.ID)
public final class TruePeakRule implements Rule {

    static final String ID = "truePeak.max";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "True peak",
            "The mix's true peak (BS.1770 Annex 2, 4x oversampled) against the most it may reach.", Set.of(), true,
            null,
            List.of(new Parameter("maxTruePeak", "Highest true peak of the mix", Units.DBTP, -20, 0, -1.0)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        Optional<MeasuredTrack> maybeMix = context.mix();
        if (maybeMix.isEmpty()) {
            return RuleSupport.orNothing(List.of(), DESCRIPTOR, "the session has no mix.");
        }
        MeasuredTrack mix = maybeMix.get();
        OptionalDouble measured = mix.scalar(MeasurementIds.TRUE_PEAK);
        if (measured.isEmpty()) {
            return List.of(RuleSupport.cannotJudge(ID, mix, mix.name() + "'s true peak",
                    RuleSupport.missingScalar(mix, MeasurementIds.TRUE_PEAK, "true peak")));
        }
        double truePeak = measured.getAsDouble();
        double max = context.parameter("maxTruePeak");
        Target target = Target.atMost(max, Units.DBTP);
        double excess = target.excess(truePeak);
        boolean over = excess > RuleSupport.EPSILON_DB;
        Finding.Builder builder = Finding.of(ID, over ? Severity.PROBLEM : Severity.OK).tracks(mix.name())
                .message(mix.name() + "'s true peak is " + RuleSupport.f1(truePeak) + " dBTP; target "
                        + target.describe() + RuleSupport.outside(excess, Units.DB) + ".")
                .measured(truePeak, Units.DBTP, "true peak").target(target);
        if (over) {
            // round the cut up to the next 0.1 dB so the fix really reaches the limit
            double cut = Math.ceil(excess * 10 - 1e-6) / 10;
            builder.fix(Fix.gain(mix.name(), -cut), "Lower " + mix.name() + " by " + RuleSupport.f1(cut)
                    + " dB so its true peak stays at or below " + RuleSupport.f1(max) + " dBTP.");
        }
        return List.of(builder.build());
    }
}
