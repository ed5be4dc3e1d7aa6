package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.rules.standard.internal.RuleSupport.Element;
import io.mixbench.rules.standard.internal.RuleSupport.HitPeak;
import io.mixbench.session.ExportKind;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Bass under kick: the kick's short-term loudness minus the bass's, power-averaged where both play, should be
 * 2..4 dB. Every kick track together is the kick, every bass track together the bass.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + BassUnderKickRule.ID)
public final class BassUnderKickRule implements Rule {

    static final String ID = "bass.underKick";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Bass under kick",
            "How far the bass sits below the kick: short-term loudness (pan-law corrected), power mean over the steps "
                    + "where both play.",
            Set.of(Role.KICK, Role.BASS), false, ExportKind.STEMS,
            List.of(new Parameter("minDb", "Least distance of the bass below the kick", Units.DB, -12, 24, 2),
                    new Parameter("maxDb", "Largest distance of the bass below the kick", Units.DB, -12, 24, 4),
                    RuleSupport.warnMargin(), RuleSupport.problemMargin(),
                    new Parameter("kickMinPeak", "Kick robust peak below which the kick is the part out of place",
                            Units.DBFS, -40, 0, KickLevelRule.DEFAULT_MIN_PEAK),
                    new Parameter("kickMaxPeak", "Kick robust peak above which the kick is the part out of place",
                            Units.DBFS, -40, 0, KickLevelRule.DEFAULT_MAX_PEAK)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<MeasuredTrack> kicks = context.withRole(Role.KICK);
        List<MeasuredTrack> basses = context.withRole(Role.BASS);
        if (kicks.isEmpty() || basses.isEmpty()) {
            return RuleSupport.orNothing(List.of(), DESCRIPTOR, "the session needs a kick and a bass.");
        }
        Element kick = RuleSupport.combined(kicks);
        Element bass = RuleSupport.combined(basses);
        List<String> names = new ArrayList<>(bass.trackNames());
        names.addAll(kick.trackNames());
        String what = "how far " + bass.name() + " sits under " + kick.name();

        Optional<double[]> kickLoudness = RuleSupport.loudnessSeries(context, kick, MeasurementIds.SHORT_TERM_SERIES);
        Optional<double[]> bassLoudness = RuleSupport.loudnessSeries(context, bass, MeasurementIds.SHORT_TERM_SERIES);
        Optional<boolean[]> kickActive = RuleSupport.activity(kick);
        Optional<boolean[]> bassActive = RuleSupport.activity(bass);
        if (kickLoudness.isEmpty() || bassLoudness.isEmpty()) {
            return List.of(RuleSupport.cannotJudge(ID, names, what, "the short-term loudness series of "
                    + (kickLoudness.isEmpty() ? kick.name() : bass.name()) + " is missing"));
        }
        if (kickActive.isEmpty() || bassActive.isEmpty()) {
            return List.of(RuleSupport.cannotJudge(ID, names, what, "the activity series of "
                    + (kickActive.isEmpty() ? kick.name() : bass.name()) + " is missing"));
        }
        double[] k = kickLoudness.get();
        double[] b = bassLoudness.get();
        boolean[] ka = kickActive.get();
        boolean[] ba = bassActive.get();
        int n = Math.min(Math.min(k.length, b.length), Math.min(ka.length, ba.length));
        boolean[] both = new boolean[n];
        int together = 0;
        int judged = 0;
        for (int i = 0; i < n; i++) {
            if (ka[i] && ba[i]) {
                together++;
                both[i] = Double.isFinite(k[i]) && Double.isFinite(b[i]);
                judged += both[i] ? 1 : 0;
            }
        }
        if (together == 0) {
            return List.of(Finding.of(ID, Severity.INFO).tracks(names)
                    .message(bass.name() + " and " + kick.name() + " never play together, so the bass cannot be "
                            + "judged against the kick.")
                    .build());
        }
        if (judged == 0) {
            return List.of(RuleSupport.cannotJudge(ID, names, what,
                    "neither has a short-term loudness where both play"));
        }
        double gap = RuleSupport.powerMean(k, both) - RuleSupport.powerMean(b, both);
        if (!Double.isFinite(gap)) {
            return List.of(RuleSupport.cannotJudge(ID, names, what, "their loudness could not be averaged"));
        }
        double seconds = judged * RuleSupport.stepSeconds(kick, MeasurementIds.SHORT_TERM_SERIES);
        return List.of(judge(context, kick, bass, names, gap, seconds));
    }

    private static Finding judge(RuleContext context, Element kick, Element bass, List<String> names, double gap,
            double seconds) {
        Target target = Target.between(context.parameter("minDb"), context.parameter("maxDb"), Units.DB);
        double excess = target.excess(gap);
        Severity severity = RuleSupport.severityFromMargins(context, excess);
        String position = gap >= 0 ? RuleSupport.f1(gap) + " dB below " : RuleSupport.f1(-gap) + " dB above ";
        StringBuilder message = new StringBuilder().append(bass.name()).append(" sits ").append(position)
                .append(kick.name()).append(" (short-term loudness, power mean over ").append(RuleSupport.f1(seconds))
                .append(" s where both play); target ").append(RuleSupport.f1(target.min())).append(" to ")
                .append(RuleSupport.f1(target.max())).append(" dB below").append(RuleSupport.outside(excess, Units.DB))
                .append('.');
        Finding.Builder builder = Finding.of(ID, severity).measured(gap, Units.DB,
                "kick minus bass short-term loudness, power mean where both play").target(target);
        List<String> tracks = names;
        if (severity == Severity.WARN || severity == Severity.PROBLEM) {
            double change = target.centre() - gap; // > 0: the gap must grow
            Optional<HitPeak> outOfPlace = kickOutOfPlace(context, kick, change);
            if (outOfPlace.isPresent()) {
                message.append(" The kick is the part out of place: its robust peak is ")
                        .append(RuleSupport.f1(outOfPlace.get().peakDbfs())).append(" dBFS, outside ")
                        .append(kickRange(context).describe()).append('.');
                RuleSupport.withGainFix(context, builder, kick, change);
                tracks = new ArrayList<>(kick.trackNames());
                tracks.addAll(bass.trackNames());
            } else {
                RuleSupport.withGainFix(context, builder, bass, -change);
            }
        }
        return builder.tracks(tracks).message(message.toString()).build();
    }

    /** The kick's peak range, moved by the whole mix's offset: a kick as low as every other part is in its place. */
    private static Target kickRange(RuleContext context) {
        return LevelOffset.of(context).shift(
                Target.between(context.parameter("kickMinPeak"), context.parameter("kickMaxPeak"), Units.DBFS));
    }

    /**
     * The kick's robust peak when the kick is outside its level range in the direction the relation needs it to
     * move (too loud while the gap is too large, too quiet while it is too small): then moving the kick fixes both.
     */
    private static Optional<HitPeak> kickOutOfPlace(RuleContext context, Element kick, double change) {
        HitPeak loudest = null;
        for (MeasuredTrack track : kick.tracks()) {
            HitPeak peak = RuleSupport.robustHitPeak(track, RuleSupport.DEFAULT_PERCENTILE,
                    RuleSupport.DEFAULT_HIT_RANGE_DB);
            if (peak.present() && (loudest == null || peak.peakDbfs() > loudest.peakDbfs())) {
                loudest = peak;
            }
        }
        if (loudest == null) {
            return Optional.empty();
        }
        Target range = kickRange(context);
        double excess = range.excess(loudest.peakDbfs());
        boolean tooLoud = excess > RuleSupport.EPSILON_DB && change < 0;
        boolean tooQuiet = excess < -RuleSupport.EPSILON_DB && change > 0;
        return tooLoud || tooQuiet ? Optional.of(loudest) : Optional.empty();
    }
}
