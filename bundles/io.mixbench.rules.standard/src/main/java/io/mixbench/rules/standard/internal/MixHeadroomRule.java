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
import io.mixbench.session.Deliverable;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Mix bus headroom: the mix's sample peak near -6 dBFS, so mastering has room to work. */
@Component(service = Rule.class, property = Rule.ID + "=" + MixHeadroomRule.ID)
public final class MixHeadroomRule implements Rule {

    static final String ID = "mix.headroom";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Mix bus headroom",
            "The mix's sample peak against the headroom mastering expects (near -6 dBFS); the true peak is stated too.",
            Set.of(), true, null,
            List.of(new Parameter("minPeak", "Lowest mix sample peak before it is plenty of headroom", Units.DBFS, -40,
                    0,
                    -9), new Parameter("maxPeak", "Highest mix sample peak", Units.DBFS, -40, 0, -3),
                    new Parameter("problemPeak", "Mix sample peak from which it is a PROBLEM", Units.DBFS, -40, 0,
                            -1)));

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
        Optional<Finding> notJudged = DeliverableSupport.notJudged(context, DESCRIPTOR, mix,
                Set.of(Deliverable.MIX, Deliverable.PRE_MASTER),
                "a master peaks at its limiter's ceiling on purpose, and headroom for mastering is a pre-master's"
                        + " matter (truePeak.max judges its ceiling).");
        if (notJudged.isPresent()) {
            return List.of(notJudged.get());
        }
        OptionalDouble samplePeak = mix.scalar(MeasurementIds.SAMPLE_PEAK);
        if (samplePeak.isEmpty()) {
            return List.of(RuleSupport.cannotJudge(ID, mix, mix.name() + "'s headroom",
                    RuleSupport.missingScalar(mix, MeasurementIds.SAMPLE_PEAK, "sample peak")));
        }
        double peak = samplePeak.getAsDouble();
        Target unmoved = Target.between(context.parameter("minPeak"), context.parameter("maxPeak"), Units.DBFS);
        LevelOffset offset = LevelOffset.of(context);
        Target target = offset.shift(unmoved);
        OptionalDouble truePeak = mix.scalar(MeasurementIds.TRUE_PEAK);
        String truePeakText = truePeak.isPresent()
                ? " (true peak " + RuleSupport.f1(truePeak.getAsDouble()) + " dBTP)"
                : " (true peak not measured)";
        double excess = target.excess(peak);
        Severity severity;
        String verdict;
        boolean nearFullScale = peak >= context.parameter("problemPeak") - RuleSupport.EPSILON_DB;
        if (offset.applies() && nearFullScale) {
            // The common move fixes it, but a mix bus this close to 0 dBFS is a PROBLEM until it is made.
            severity = Severity.PROBLEM;
            verdict = " Almost no headroom is left for mastering.";
        } else if (nearFullScale && excess > RuleSupport.EPSILON_DB) {
            severity = Severity.PROBLEM;
            verdict = " Almost no headroom is left for mastering.";
        } else if (excess > RuleSupport.EPSILON_DB) {
            severity = Severity.WARN;
            verdict = " Little headroom is left for mastering.";
        } else if (excess < -RuleSupport.EPSILON_DB) {
            severity = Severity.INFO;
            verdict = " Plenty of headroom; nothing to change.";
        } else {
            severity = Severity.OK;
            verdict = "";
        }
        Optional<BusGain> busGain = severity == Severity.WARN || severity == Severity.PROBLEM
                ? BusGain.of(context, mix).filter(g -> g.peakReductionDb() > BusGain.LIMITED_FROM_DB)
                : Optional.empty();
        String said = mix.name() + " peaks at " + RuleSupport.f1(peak) + " dBFS" + truePeakText + "; target "
                + target.describe() + RuleSupport.outside(excess, Units.DB) + "." + verdict
                + (offset.applies() ? offset.note(unmoved) : "");
        Finding.Builder builder = Finding.of(ID, severity).tracks(mix.name()).message(said)
                .measured(peak, Units.DBFS, "sample peak").target(target);
        if (busGain.isPresent()) {
            // The peak is the bus limiter's ceiling: a fader after it would leave the limiting in, one before it would
            // only change how hard it works. The move that undoes it is bus.limiting's: no fader move here.
            BusGain g = busGain.get();
            builder.message(said + " That peak is the ceiling of the " + g.device() + " on the mix bus (up to "
                    + RuleSupport.f1(g.peakReductionDb())
                    + " dB of gain reduction in the null test), so a master fader after it would not give the "
                    + "headroom back.")
                    .suggestion("Bypass the " + g.device() + " on the mix bus and take off its make-up gain ("
                            + RuleSupport.f1(g.makeUpGainDb()) + " dB) instead, as bus.limiting says: the mix then "
                            + "peaks at " + RuleSupport.f1(g.sumPeakDbfs()) + " dBFS.");
        } else if (offset.applies() && severity == Severity.PROBLEM) {
            builder.fix(LevelOffsetRule.fix(context, offset), LevelOffsetRule.sentence(context, offset));
        } else if (severity == Severity.WARN || severity == Severity.PROBLEM) {
            double gain = target.centre() - peak;
            builder.fix(Fix.gain(mix.name(), gain), "Lower the mix bus (master fader) of " + mix.name() + " by "
                    + RuleSupport.f1(Math.abs(gain)) + " dB, to a peak of " + RuleSupport.f1(target.centre())
                    + " dBFS.");
        }
        return List.of(builder.build());
    }
}
