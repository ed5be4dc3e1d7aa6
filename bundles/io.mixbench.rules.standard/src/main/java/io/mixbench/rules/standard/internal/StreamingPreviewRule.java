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
import io.mixbench.rules.standard.internal.StreamingPlatforms.Platform;
import io.mixbench.rules.standard.internal.StreamingPlatforms.TurnsUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Streaming preview: for each platform of {@code data/streaming-platforms.json}, the gain its loudness normalisation
 * applies to the mix, the true peak after that gain, and whether its limiter would engage. One finding per platform
 * (measure = the platform's name, value = the gain in dB). When the peak after the gain exceeds the platform's
 * ceiling: WARN with a fix where the rule set judges a master (parameter {@value #WARN_ABOVE_CEILING} = 1), else
 * (a pre-master, the default) INFO saying what the master needs: a pre-master's peaks are mastering's to set, and a
 * limiter on the mix bus would be the bus processing that bus.limiting flags.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + StreamingPreviewRule.ID)
public final class StreamingPreviewRule implements Rule {

    static final String ID = "streaming.preview";
    /** Fix action: limit the master's true peak to this value, dBTP. Number. */
    static final String TRUE_PEAK_LIMIT_DBTP = Fix.TRUE_PEAK_LIMIT_DBTP;
    /** Parameter (flag): 1 = a peak above a platform's ceiling after its gain is a WARN with a fix, 0 = INFO. */
    static final String WARN_ABOVE_CEILING = "warnAboveCeiling";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Streaming preview",
            "What each streaming platform's loudness normalisation does to the mix: the gain it applies (from the "
                    + "mix's integrated loudness and, for platforms that turn quiet tracks up, its true peak), the "
                    + "true peak after that gain against the platform's ceiling, and whether its limiter would "
                    + "engage. Targets and behaviour: data/streaming-platforms.json (verified "
                    + StreamingPlatforms.verifiedOn() + ").",
            Set.of(), true, null, parameters());

    private static List<Parameter> parameters() {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Parameter(WARN_ABOVE_CEILING, "Warn, with a fix, when a platform's gain takes the true peak"
                + " over its ceiling (1: a master), or only inform (0: a pre-master)", Units.FLAG, 0, 1, 0));
        for (Platform p : StreamingPlatforms.PLATFORMS) {
            parameters.add(new Parameter(p.targetParameter(), p.name() + " normalisation target", Units.LUFS, -40, 0,
                    p.targetLufs()));
            parameters.add(new Parameter(p.ceilingParameter(), p.name() + " true-peak ceiling after its gain",
                    Units.DBTP, -10, 0, p.ceilingDbtp()));
            if (p.loudSetting() != null) {
                parameters.add(new Parameter(p.loudTargetParameter(),
                        p.name() + " " + p.loudSetting().name() + " setting target", Units.LUFS, -40, 0,
                        p.loudSetting().targetLufs()));
                parameters.add(new Parameter(p.limiterParameter(),
                        p.name() + " " + p.loudSetting().name() + " setting limiter threshold, sample peak",
                        Units.DBFS, -10, 0, p.loudSetting().limiterThresholdDbfs()));
            }
        }
        return parameters;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * What one platform does to a mix.
     *
     * @param gainDb the gain it applies, dB (negative: turned down)
     * @param wantedDb the gain that would reach its target, dB
     * @param truePeakAfterDbtp the true peak after the gain, dBTP
     */
    record Preview(double gainDb, double wantedDb, double truePeakAfterDbtp) {
    }

    /**
     * The gain a platform applies: down to the target when the mix is louder; when it is quieter, nothing for a
     * platform that only turns down, else up to the target but no further than the true peak allows.
     */
    static Preview preview(double integratedLufs, double truePeakDbtp, double targetLufs, double ceilingDbtp,
            TurnsUp turnsUp) {
        double wanted = targetLufs - integratedLufs;
        double gain;
        if (wanted <= 0) {
            gain = wanted;
        } else if (turnsUp == TurnsUp.NO) {
            gain = 0;
        } else {
            gain = Math.max(0, Math.min(wanted, ceilingDbtp - truePeakDbtp));
        }
        return new Preview(gain, wanted, truePeakDbtp + gain);
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        Optional<MeasuredTrack> maybeMix = context.mix();
        if (maybeMix.isEmpty()) {
            return RuleSupport.orNothing(List.of(), DESCRIPTOR, "the session has no mix.");
        }
        MeasuredTrack mix = maybeMix.get();
        OptionalDouble integrated = mix.scalar(MeasurementIds.INTEGRATED_LOUDNESS);
        if (integrated.isEmpty()) {
            return List.of(RuleSupport.cannotJudge(ID, mix, "what streaming platforms do to " + mix.name(),
                    RuleSupport.missingScalar(mix, MeasurementIds.INTEGRATED_LOUDNESS, "integrated loudness")));
        }
        OptionalDouble truePeak = mix.scalar(MeasurementIds.TRUE_PEAK);
        if (truePeak.isEmpty()) {
            return List.of(RuleSupport.cannotJudge(ID, mix, "what streaming platforms do to " + mix.name(),
                    RuleSupport.missingScalar(mix, MeasurementIds.TRUE_PEAK, "true peak")));
        }
        double loudness = integrated.getAsDouble();
        double tp = truePeak.getAsDouble();
        // the Loud limiter works on sample values; the true peak stands in when the sample peak is missing
        double samplePeak = mix.scalar(MeasurementIds.SAMPLE_PEAK).orElse(tp);
        List<Finding> findings = new ArrayList<>();
        // A master is what the platforms will play: its preview matters most, whatever the flag says.
        boolean warns = context.parameter(WARN_ABOVE_CEILING) >= 0.5 || context.deliverable().is(Deliverable.MASTER);
        for (Platform platform : StreamingPlatforms.PLATFORMS) {
            findings.add(judge(context, mix, platform, loudness, tp, samplePeak, warns));
        }
        return findings;
    }

    private static Finding judge(RuleContext context, MeasuredTrack mix, Platform platform, double loudness,
            double tp, double samplePeak, boolean warns) {
        double target = context.parameter(platform.targetParameter());
        double ceiling = context.parameter(platform.ceilingParameter());
        Preview p = preview(loudness, tp, target, ceiling, platform.turnsUp());
        String name = platform.name();
        StringBuilder m = new StringBuilder(name).append(" (").append(RuleSupport.f1(target)).append(" LUFS) ");
        if (p.wantedDb() <= 0) {
            m.append(Math.abs(p.gainDb()) < 0.05
                    ? "leaves " + mix.name() + " as it is"
                    : "turns " + mix.name() + " down by " + RuleSupport.f1(-p.gainDb()) + " dB");
        } else if (platform.turnsUp() == TurnsUp.NO) {
            m.append("leaves ").append(mix.name()).append(" as it is (it only turns loud tracks down), ")
                    .append(RuleSupport.f1(p.wantedDb())).append(" dB below its target");
        } else if (p.gainDb() >= p.wantedDb() - RuleSupport.EPSILON_DB) {
            m.append("turns ").append(mix.name()).append(" up by ").append(RuleSupport.f1(p.gainDb())).append(" dB");
        } else {
            m.append("turns ").append(mix.name()).append(" up by only ").append(RuleSupport.f1(p.gainDb()))
                    .append(" dB of the ").append(RuleSupport.f1(p.wantedDb()))
                    .append(" dB to its target: it raises quiet tracks only until the true peak reaches ")
                    .append(RuleSupport.f1(ceiling)).append(" dBTP");
        }
        m.append(" (integrated ").append(RuleSupport.f1(loudness)).append(" LUFS, plays at ")
                .append(RuleSupport.f1(loudness + p.gainDb())).append(" LUFS); true peak after the gain ")
                .append(RuleSupport.f1(p.truePeakAfterDbtp())).append(" dBTP, ceiling ").append(RuleSupport.f1(ceiling))
                .append(" dBTP. ");
        m.append(limiterSentence(context, platform, loudness, samplePeak));
        boolean over = p.truePeakAfterDbtp() > ceiling + RuleSupport.EPSILON_DB;
        // one row of the streaming table reports draw: platform, gain, and the gain that keeps the peak
        Finding.Builder builder = Finding.of(ID, over && warns ? Severity.WARN : Severity.INFO).tracks(mix.name())
                .tag(Finding.STREAMING_ROW)
                .measured(RuleSupport.round1(p.gainDb()) == 0 ? 0 : p.gainDb(), Units.DB, name)
                .target(Target.atMost(ceiling - tp, Units.DB));
        if (over) {
            m.append(" The peak after the gain exceeds the ceiling by ")
                    .append(RuleSupport.f1(p.truePeakAfterDbtp() - ceiling))
                    .append(" dB: the platform's encode may clip.");
            if (!warns) {
                // A pre-master: mastering sets the final peak; say what it needs instead of asking for bus processing.
                // Over the ceiling the gain is never positive (a platform raises a track only up to the ceiling).
                m.append(" For the master: a true peak at or below ").append(RuleSupport.f1(ceiling - p.gainDb()))
                        .append(" dBTP (mastering's true-peak limiter, not the mix bus).");
            } else if (p.gainDb() < 0) {
                // turning the mix down changes nothing: the platform turns it down less; only the peaks can move
                double limit = ceiling - p.gainDb();
                builder.fix(new Fix(mix.name(), Map.of(TRUE_PEAK_LIMIT_DBTP, RuleSupport.round1(limit))),
                        "Limit the true peak of " + mix.name() + " to " + RuleSupport.f1(limit)
                                + " dBTP (a true-peak limiter on the master): " + name + " turns it down by "
                                + RuleSupport.f1(-p.gainDb()) + " dB, which leaves the peaks at "
                                + RuleSupport.f1(ceiling) + " dBTP.");
            } else {
                double gain = ceiling - tp;
                builder.fix(Fix.gain(mix.name(), gain), RuleSupport.gainSentence(mix.name(),
                        RuleSupport.round1(gain)).replaceFirst("\\.$", "") + ", so its true peak stays at "
                        + RuleSupport.f1(ceiling) + " dBTP (or use a true-peak limiter).");
            }
        }
        return builder.message(m.toString().trim()).build();
    }

    private static String limiterSentence(RuleContext context, Platform platform, double loudness,
            double samplePeak) {
        if (platform.loudSetting() == null) {
            return "It applies no limiter.";
        }
        double loudTarget = context.parameter(platform.loudTargetParameter());
        double threshold = context.parameter(platform.limiterParameter());
        double gain = loudTarget - loudness;
        double peakAfter = samplePeak + gain;
        String setting = "In its " + platform.loudSetting().name() + " setting (" + RuleSupport.f1(loudTarget)
                + " LUFS) it " + (gain >= 0
                        ? "raises it by " + RuleSupport.f1(gain)
                        : "lowers it by "
                                + RuleSupport.f1(-gain))
                + " dB whatever the peak, and its limiter (at "
                + RuleSupport.f1(threshold) + " dBFS sample peak) ";
        if (peakAfter > threshold + RuleSupport.EPSILON_DB) {
            return setting + "would engage: the sample peak would reach " + RuleSupport.f1(peakAfter) + " dBFS.";
        }
        return setting + "would not engage (sample peak " + RuleSupport.f1(peakAfter) + " dBFS).";
    }
}
