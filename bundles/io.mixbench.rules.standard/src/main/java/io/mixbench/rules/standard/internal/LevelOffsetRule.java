package io.mixbench.rules.standard.internal;

import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.rules.standard.internal.LevelOffset.Anchor;
import io.mixbench.session.ExportKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;

/**
 * The whole mix too low or too high, said once: when the absolute level rules' parts share one offset from their
 * ranges, one move of every fader together instead of one fader move per rule (see {@link LevelOffset}).
 */
@Component(service = Rule.class, property = Rule.ID + "=" + LevelOffsetRule.ID)
public final class LevelOffsetRule implements Rule {

    static final String ID = LevelOffset.RULE_ID;
    static final String MIN_PARTS = "minParts";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Common level offset",
            "Whether every part is off its level by the same amount (the kick's and the snare's robust peaks, the "
                    + "supporting parts' and the mix's peaks against their rules' ranges): then it is one move of all "
                    + "the faders together, and the level rules judge each part's place on what remains.",
            Set.of(), false, ExportKind.STEMS,
            List.of(new Parameter(MIN_PARTS, "Parts with a two-sided level range (kick, snare) that must share the "
                    + "offset before it is called common", Units.COUNT, 2, 20, 2), RuleSupport.warnMargin()));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        LevelOffset offset = LevelOffset.of(context);
        if (!offset.applies()) {
            return List.of(Finding.of(ID, Severity.OK)
                    .message("The parts' levels share no common offset: each level rule judges its own part.")
                    .build());
        }
        double d = offset.offsetDb();
        List<Anchor> decided = offset.anchors().stream()
                .filter(a -> a.valueDbfs() < a.minDbfs() - RuleSupport.EPSILON_DB
                        || a.valueDbfs() > a.maxDbfs() + RuleSupport.EPSILON_DB)
                .toList();
        String levels = decided.stream()
                .map(a -> a.track() + " at " + RuleSupport.f1(a.valueDbfs()) + " dBFS (" + a.what() + ", target "
                        + range(a) + ")")
                .collect(Collectors.joining(", "));
        Severity severity = RuleSupport.severityFromMargins(d, context.parameter(RuleSupport.WARN_MARGIN),
                Double.POSITIVE_INFINITY);
        Finding.Builder builder = Finding.of(ID, severity)
                .tracks(tracks(context, decided))
                .measured(d, Units.DB, "common offset of the parts' levels from their ranges")
                .target(Target.between(0, 0, Units.DB))
                .message(Character.toUpperCase(offset.describe().charAt(0)) + offset.describe().substring(1) + ": "
                        + levels + ". The parts sit right against each other; their level is not, so it is one move"
                        + " of every fader, and the level rules judge each part on what remains.");
        if (severity != Severity.INFO) {
            builder.fix(fix(context, offset), sentence(context, offset));
        }
        return List.of(builder.build());
    }

    /** The mix first (the fix names it), then the parts whose levels show the offset. */
    private static List<String> tracks(RuleContext context, List<Anchor> decided) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        context.mix().ifPresent(m -> names.add(m.name()));
        decided.forEach(a -> names.add(a.track()));
        return List.copyOf(names);
    }

    /** The one move: every part by the negated offset, named on the mix (else the first part). */
    static Fix fix(RuleContext context, LevelOffset offset) {
        String track = context.mix().map(m -> m.name()).orElse(context.parts().get(0).name());
        return new Fix(track, Map.of(Fix.GAIN_DB, Math.round(-offset.offsetDb() * 10) / 10.0, Fix.ALL_PARTS, true));
    }

    static String sentence(RuleContext context, LevelOffset offset) {
        String amount = RuleSupport.f1(Math.abs(offset.offsetDb()));
        String mix = context.mix().map(m -> m.name()).orElse(null);
        return (offset.offsetDb() < 0 ? "Raise" : "Lower") + " every part by " + amount + " dB together (all faders,"
                + " or a VCA over them), then bounce " + (mix != null
                        ? mix + " again (it moves by the same " + amount
                                + " dB)"
                        : "the mix again")
                + ".";
    }

    private static String range(Anchor anchor) {
        return Double.isInfinite(anchor.minDbfs())
                ? "at most " + RuleSupport.f1(anchor.maxDbfs()) + " dBFS"
                : RuleSupport.f1(anchor.minDbfs()) + " to " + RuleSupport.f1(anchor.maxDbfs()) + " dBFS";
    }
}
