package io.mixbench.rules.standard.internal;

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
import io.mixbench.rules.standard.internal.RuleSupport.HitPeak;
import io.mixbench.session.ExportKind;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** Snare level: each snare stem's robust hit peak against -14..-12 dBFS, and not above the kick's. */
@Component(service = Rule.class, property = Rule.ID + "=" + SnareLevelRule.ID)
public final class SnareLevelRule implements Rule {

    static final String ID = "snare.level";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Snare level",
            "Each snare stem's robust peak (a percentile of its hit peaks) against the target peak range, and, when "
                    + "there is a kick, that the snare does not peak above the kick.",
            Set.of(Role.SNARE), false, ExportKind.STEMS,
            List.of(new Parameter("minPeak", "Lowest robust snare peak", Units.DBFS, -40, 0, -14),
                    new Parameter("maxPeak", "Highest robust snare peak", Units.DBFS, -40, 0, -12),
                    RuleSupport.warnMargin(), RuleSupport.problemMargin(), RuleSupport.percentile(),
                    RuleSupport.hitRange(),
                    new Parameter("underKickDb", "How far under the kick the fix puts a snare that peaks above it",
                            Units.DB,
                            0, 12, 1.0)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        double percentile = context.parameter("percentile");
        double range = context.parameter("hitRangeDb");
        MeasuredTrack loudestKick = null;
        HitPeak kickPeak = null;
        for (MeasuredTrack kick : context.withRole(Role.KICK)) {
            HitPeak peak = RuleSupport.robustHitPeak(kick, percentile, range);
            if (peak.present() && (kickPeak == null || peak.peakDbfs() > kickPeak.peakDbfs())) {
                loudestKick = kick;
                kickPeak = peak;
            }
        }
        boolean hasKick = !context.withRole(Role.KICK).isEmpty();
        for (MeasuredTrack snare : context.withRole(Role.SNARE)) {
            Finding level = KickLevelRule.judgeDrum(context, ID, "level", snare);
            findings.add(level);
            if (!hasKick) {
                continue;
            }
            HitPeak snarePeak = RuleSupport.robustHitPeak(snare, percentile, range);
            if (!snarePeak.present()) {
                continue; // the level finding already says why
            }
            if (kickPeak == null) {
                findings.add(RuleSupport.cannotJudge(ID, snare, snare.name() + " against the kick",
                        "no kick has a measurable hit peak"));
                continue;
            }
            findings.add(againstKick(context, snare, snarePeak, loudestKick, kickPeak, levelGain(level)));
        }
        return RuleSupport.orNothing(findings, DESCRIPTOR, "the session has no snare.");
    }

    /** The gain the level finding's fix asks of the snare, dB; 0 without one. */
    private static double levelGain(Finding level) {
        if (level.fix() != null && level.fix().actions().get(Fix.GAIN_DB) instanceof Number gain) {
            return gain.doubleValue();
        }
        return 0;
    }

    /**
     * The snare against the kick. One gain per snare: when the level finding's fix already puts the snare under the
     * kick, this says so without a fix of its own (INFO); otherwise its fix is the whole gain the snare needs, which
     * takes the place of the level fix.
     *
     * @param levelGain the gain of the level finding's fix, dB (0 for none)
     */
    private static Finding againstKick(RuleContext context, MeasuredTrack snare, HitPeak snarePeak,
            MeasuredTrack kick, HitPeak kickPeak, double levelGain) {
        double difference = snarePeak.peakDbfs() - kickPeak.peakDbfs();
        Target target = Target.atMost(0, Units.DB);
        String relation = difference > RuleSupport.EPSILON_DB
                ? RuleSupport.f1(difference) + " dB above"
                : RuleSupport.f1(-difference) + " dB below";
        String message = snare.name() + " peaks " + relation + " " + kick.name() + " (" + RuleSupport.f1(
                snarePeak.peakDbfs()) + " against " + RuleSupport.f1(kickPeak.peakDbfs())
                + " dBFS, robust hit peaks); the snare should not peak above the kick.";
        boolean above = difference > RuleSupport.EPSILON_DB;
        boolean curedByLevel = above && difference + levelGain <= RuleSupport.EPSILON_DB;
        if (curedByLevel) {
            message += " Lowering it by " + RuleSupport.f1(-levelGain)
                    + " dB into its range (the level finding's fix) puts it under the kick too.";
        }
        Finding.Builder builder = Finding.of(ID, above && !curedByLevel
                ? Severity.WARN
                : above
                        ? Severity.INFO
                        : Severity.OK)
                .tracks(snare.name(), kick.name()).message(message)
                .measured(difference, Units.DB, "snare minus kick robust hit peak").target(target);
        if (above && !curedByLevel) {
            double gain = kickPeak.peakDbfs() - context.parameter("underKickDb") - snarePeak.peakDbfs();
            String suggestion = RuleSupport.gainSentence(snare.name(), RuleSupport.round1(gain));
            if (levelGain != 0) {
                suggestion = suggestion.replaceFirst("\\.$", "") + " in all (instead of the level fix's "
                        + RuleSupport.f1(levelGain) + " dB).";
            }
            RuleSupport.gainFix(context, builder, List.of(snare), gain, suggestion);
        }
        return builder.build();
    }
}
