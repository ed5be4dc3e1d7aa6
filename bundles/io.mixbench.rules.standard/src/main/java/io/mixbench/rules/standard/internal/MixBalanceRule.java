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
import io.mixbench.session.ExportKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Mix L/R balance: the mix's left minus right channel power must stay within a dB or so. When stems are there,
 * the finding names the stems that pull the mix to that side.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + MixBalanceRule.ID)
public final class MixBalanceRule implements Rule {

    static final String ID = "mix.balance";
    /** Stems named as the cause at most. */
    private static final int MAX_NAMED = 2;

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Mix L/R balance",
            "The mix's left minus right channel power (the stereo meter's balance, dB) within a small range; names "
                    + "the stems that pull it to one side.",
            Set.of(), true, null,
            List.of(new Parameter("maxBalanceDb", "Largest left/right difference", Units.DB, 0, 20, 1),
                    new Parameter("problemBalanceDb", "Left/right difference from which it is a PROBLEM", Units.DB, 0,
                            40, 3)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        if (context.mix().isEmpty()) {
            return RuleSupport.orNothing(List.of(), DESCRIPTOR, "the session has no mix.");
        }
        MeasuredTrack mix = context.mix().get();
        String name = mix.name();
        OptionalDouble measured = mix.scalar(MeasurementIds.BALANCE);
        if (measured.isEmpty() && mix.isMono()) {
            measured = OptionalDouble.of(0);
        }
        if (measured.isEmpty()) {
            return List.of(RuleSupport.cannotJudge(ID, mix, name + "'s left/right balance",
                    RuleSupport.missingScalar(mix, MeasurementIds.BALANCE, "balance")));
        }
        double balance = measured.getAsDouble();
        double max = context.parameter("maxBalanceDb");
        double problem = Math.max(max, context.parameter("problemBalanceDb"));
        Target target = Target.between(-max, max, Units.DB);
        double excess = target.excess(balance);
        Severity severity = Math.abs(excess) <= RuleSupport.EPSILON_DB
                ? Severity.OK
                : Math.abs(balance) >= problem - RuleSupport.EPSILON_DB ? Severity.PROBLEM : Severity.WARN;
        String lean = Math.abs(RuleSupport.round1(balance)) == 0
                ? "is balanced left to right (0.0 dB)"
                : "leans " + RuleSupport.f1(Math.abs(balance)) + " dB to the " + (balance > 0 ? "left" : "right");
        String measure = "left minus right channel power (unweighted)";
        Finding.Builder builder = Finding.of(ID, severity).measured(balance, Units.DB, measure).target(target);
        if (severity == Severity.OK) {
            return List.of(builder.tracks(name)
                    .message(name + " " + lean + (mix.isMono() ? " (mono)" : "") + " (" + measure + "); target within ±"
                            + RuleSupport.f1(max) + " dB.")
                    .build());
        }
        List<MeasuredTrack> causes = context.session().exportKind() == ExportKind.STEMS
                ? causes(context, balance)
                : List.of();
        List<String> tracks = new ArrayList<>();
        tracks.add(name);
        causes.forEach(c -> tracks.add(c.name()));
        String causeText = causes.isEmpty()
                ? ""
                : " The lean comes mostly from " + RuleSupport.joinNames(causes.stream().map(this::described).toList())
                        + ".";
        double correction = -RuleSupport.round1(balance);
        String towards = balance > 0 ? "right" : "left";
        String sentence = "Bring " + name + "'s balance " + RuleSupport.f1(Math.abs(correction)) + " dB towards the "
                + towards + (causes.isEmpty()
                        ? ": find the part or effect return that sits off-centre and pan or lower it."
                        : ": pan " + RuleSupport.joinNames(causes.stream().map(MeasuredTrack::name).toList())
                                + " nearer the centre or lower " + (causes.size() == 1 ? "it" : "them") + ".");
        return List.of(builder.tracks(tracks)
                .message(name + " " + lean + " (" + measure + "); target within ±" + RuleSupport.f1(max) + " dB"
                        + RuleSupport.outside(excess, Units.DB) + "." + causeText)
                .fix(new Fix(name, Map.of(StereoSupport.BALANCE_DB, correction)), sentence).build());
    }

    private String described(MeasuredTrack track) {
        return track.name() + " (" + PanNotLevelRule.position(track.scalar(MeasurementIds.PAN).orElse(0)) + ")";
    }

    /**
     * The stems whose left-minus-right energy pulls the same way as the mix, largest first: each stereo stem's
     * energy from its AES17 RMS, split by its balance; at most {@link #MAX_NAMED}, and only those that hold at
     * least a quarter of the stems' net difference.
     */
    private static List<MeasuredTrack> causes(RuleContext context, double mixBalance) {
        double direction = Math.signum(mixBalance);
        record Pull(MeasuredTrack track, double difference) {
        }
        List<Pull> pulls = new ArrayList<>();
        double net = 0;
        for (MeasuredTrack part : context.parts()) {
            OptionalDouble rms = part.scalar(MeasurementIds.RMS);
            OptionalDouble balance = part.scalar(MeasurementIds.BALANCE);
            if (part.isMono() || rms.isEmpty() || balance.isEmpty()) {
                continue; // a mono stem sits in the centre
            }
            double energy = RuleSupport.toPower(rms.getAsDouble());
            double ratio = RuleSupport.toPower(balance.getAsDouble());
            double difference = energy * (ratio - 1) / (ratio + 1);
            net += difference;
            pulls.add(new Pull(part, difference * direction));
        }
        double netPull = net * direction;
        if (!(netPull > 0)) {
            return List.of();
        }
        return pulls.stream().filter(p -> p.difference() >= netPull / 4)
                .sorted(Comparator.comparingDouble(Pull::difference).reversed()).limit(MAX_NAMED).map(Pull::track)
                .toList();
    }
}
