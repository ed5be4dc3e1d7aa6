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

/**
 * Pre-master loudness: the mix's integrated loudness against -23..-18 LUFS. Never a PROBLEM: a loud or quiet
 * pre-master is a hint about the mix bus, not a defect.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + PremasterLoudnessRule.ID)
public final class PremasterLoudnessRule implements Rule {

    static final String ID = "premaster.loudness";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Pre-master loudness",
            "The mix's integrated loudness (BS.1770, gated) against the range mastering expects of a pre-master; "
                    + "INFO or WARN, never PROBLEM.",
            Set.of(), true, null,
            List.of(new Parameter("minLoudness", "Lowest integrated loudness of the pre-master", Units.LUFS, -40, 0,
                    -23),
                    new Parameter("maxLoudness", "Highest integrated loudness of the pre-master", Units.LUFS, -40, 0,
                            -18),
                    new Parameter("warnMarginLu", "Distance outside the range from which it is a WARN", Units.LU, 0,
                            20, 1),
                    new Parameter("fixPeakCeiling", "Highest sample peak a raising fix may leave (mix.headroom's "
                            + "maxPeak)", Units.DBFS, -40, 0, -3)));

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
                Set.of(Deliverable.PRE_MASTER), context.deliverable().is(Deliverable.MASTER)
                        ? "a master is as loud as its release needs, and streaming.preview judges that loudness"
                                + " against the platforms."
                        : "a mix's loudness is set when it is bounced as a pre-master for mastering.");
        if (notJudged.isPresent()) {
            return List.of(notJudged.get());
        }
        OptionalDouble integrated = mix.scalar(MeasurementIds.INTEGRATED_LOUDNESS);
        if (integrated.isEmpty()) {
            return List.of(RuleSupport.cannotJudge(ID, mix, mix.name() + "'s loudness",
                    RuleSupport.missingScalar(mix, MeasurementIds.INTEGRATED_LOUDNESS, "integrated loudness")));
        }
        double loudness = integrated.getAsDouble();
        Target unmoved = Target.between(context.parameter("minLoudness"), context.parameter("maxLoudness"),
                Units.LUFS);
        // Gain moves LUFS as it moves dBFS: with every part off by one offset, the mix's loudness moves with it.
        LevelOffset offset = LevelOffset.of(context);
        Target target = offset.shift(unmoved);
        double excess = target.excess(loudness);
        double distance = Math.abs(excess);
        Severity severity = distance <= RuleSupport.EPSILON_DB
                ? Severity.OK
                : distance < context.parameter("warnMarginLu") - RuleSupport.EPSILON_DB
                        ? Severity.INFO
                        : Severity.WARN;
        StringBuilder message = new StringBuilder(mix.name()).append(" has an integrated loudness of ")
                .append(RuleSupport.f1(loudness)).append(" LUFS; target ").append(target.describe())
                .append(RuleSupport.outside(excess, Units.LU)).append('.')
                .append(offset.applies() ? offset.note(unmoved) : "");
        Fix fix = null;
        String sentence = null;
        if (severity == Severity.WARN && excess > 0) {
            double gain = target.centre() - loudness;
            message.append(" It is loud for a pre-master: mastering needs the room.");
            fix = Fix.gain(mix.name(), gain);
            sentence = "Lower the mix bus of " + mix.name() + " by "
                    + RuleSupport.f1(-gain) + " dB (to about " + RuleSupport.f1(target.centre())
                    + " LUFS); if the loudness comes from limiting on the mix bus, take the limiter off instead.";
        } else if (severity == Severity.WARN) {
            double wanted = target.centre() - loudness;
            OptionalDouble peak = mix.scalar(MeasurementIds.SAMPLE_PEAK);
            double room = peak.isPresent() ? context.parameter("fixPeakCeiling") - peak.getAsDouble() : wanted;
            double gain = Math.min(wanted, room);
            message.append(" It is quiet for a pre-master.");
            if (gain >= 0.05) {
                String limited = gain < wanted - RuleSupport.EPSILON_DB
                        ? " (as far as its peaks allow, to a sample peak of "
                                + RuleSupport.f1(context.parameter("fixPeakCeiling"))
                                + " dBFS; the rest is mastering's job)"
                        : " (to about " + RuleSupport.f1(target.centre()) + " LUFS)";
                fix = Fix.gain(mix.name(), gain);
                sentence = "Raise the mix bus of " + mix.name() + " by " + RuleSupport.f1(gain) + " dB" + limited
                        + ".";
            } else {
                // peaks already at the ceiling: a very dynamic mix, nothing to move before mastering
                severity = Severity.INFO;
                sentence = "Leave the level: its peaks leave no room to raise it; mastering will bring it up.";
            }
        }
        Finding.Builder builder = Finding.of(ID, severity).tracks(mix.name()).message(message.toString())
                .measured(loudness, Units.LUFS, "integrated loudness").target(target);
        if (fix != null) {
            builder.fix(fix, sentence);
        } else if (sentence != null) {
            builder.suggestion(sentence);
        }
        return List.of(builder.build());
    }
}
