package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.Target;
import io.mixbench.rules.standard.internal.RuleSupport.HitPeak;
import io.mixbench.session.ExportKind;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The gain every part shares when the whole mix is too low or too high: the one move (all faders together) that
 * brings every absolute level rule's part into its range, when such a move exists and at least two parts with a
 * two-sided range ({@code minParts} of levels.offset) ask for it. Each absolute level rule (kick.level, snare.level, supporting.level, mix.headroom,
 * premaster.loudness and bass.underKick's kick check) moves its range by the offset, so it judges the part's place
 * in the balance, and levels.offset says the move once.
 *
 * <p>
 * Each range constrains the offset d to [value - max, value - min]; every part's true peak must stay at or below
 * 0 dBTP after the move. The offset is the point of the intersection nearest the mean distance of the two-sided
 * parts from their centres, rounded to 0.1 dB, and exists only when the intersection is not empty and does not
 * hold 0 (when it holds 0, the parts out of range are out of place on their own).
 *
 * @param offsetDb the parts' common distance from their ranges, dB (negative: the mix is low); 0 when none
 * @param anchors the levels that decided it
 */
record LevelOffset(double offsetDb, List<Anchor> anchors) {

    /** The rule that reports the offset. */
    static final String RULE_ID = "levels.offset";

    /** Ids of the absolute level rules whose ranges take part, and what they measure. */
    static final String KICK_RULE = KickLevelRule.ID;
    static final String SNARE_RULE = SnareLevelRule.ID;
    static final String SUPPORTING_RULE = SupportingLevelRule.ID;
    static final String HEADROOM_RULE = MixHeadroomRule.ID;

    static final LevelOffset NONE = new LevelOffset(0, List.of());

    /**
     * One level with the range its rule sets.
     *
     * @param valueDbfs the measured level, dBFS
     * @param minDbfs the range's lower bound, dBFS; -infinity for a one-sided range
     * @param maxDbfs the range's upper bound, dBFS
     * @param evidence whether the level counts towards the two parts the offset needs (a two-sided range)
     */
    record Anchor(String track, String what, double valueDbfs, double minDbfs, double maxDbfs, boolean evidence) {

        double low() {
            return valueDbfs - maxDbfs;
        }

        double high() {
            return valueDbfs - minDbfs;
        }
    }

    boolean applies() {
        return offsetDb != 0;
    }

    /** The target moved by the offset: where the part belongs with the rest of the mix where it is. */
    Target shift(Target target) {
        return new Target(target.min() + offsetDb, target.max() + offsetDb, target.unit());
    }

    /** "every part is about 6.0 dB low" (no trailing punctuation). */
    String describe() {
        return "every part is about " + RuleSupport.f1(Math.abs(offsetDb)) + " dB " + (offsetDb < 0 ? "low" : "high");
    }

    /** The sentence a level rule adds when its range moved: why, and where to read more. */
    String note(Target original) {
        return " The whole mix sits off its level (" + describe() + ", see " + RULE_ID + "), so the range "
                + original.describe() + " moves with it.";
    }

    /** The common offset of this session under the active rule set; {@link #NONE} when there is none. */
    static LevelOffset of(RuleContext context) {
        if (context.session().exportKind() != ExportKind.STEMS || !enabled(context)) {
            return NONE;
        }
        List<Anchor> anchors = new ArrayList<>();
        drums(context, KICK_RULE, Role.KICK, anchors);
        drums(context, SNARE_RULE, Role.SNARE, anchors);
        OptionalDouble supportingMax = context.parameterOf(SUPPORTING_RULE, "maxPeak");
        if (supportingMax.isPresent()) {
            for (MeasuredTrack part : context.parts()) {
                OptionalDouble peak = part.scalar(MeasurementIds.SAMPLE_PEAK);
                if (SupportingLevelRule.SUPPORTING.contains(part.track().role()) && peak.isPresent()) {
                    anchors.add(new Anchor(part.name(), "sample peak", peak.getAsDouble(), Double.NEGATIVE_INFINITY,
                            supportingMax.getAsDouble(), false));
                }
            }
        }
        OptionalDouble mixMin = context.parameterOf(HEADROOM_RULE, "minPeak");
        OptionalDouble mixMax = context.parameterOf(HEADROOM_RULE, "maxPeak");
        if (mixMin.isPresent() && mixMax.isPresent() && context.mix().isPresent()) {
            OptionalDouble peak = context.mix().get().scalar(MeasurementIds.SAMPLE_PEAK);
            if (peak.isPresent()) {
                anchors.add(new Anchor(context.mix().get().name(), "sample peak", peak.getAsDouble(),
                        mixMin.getAsDouble(), mixMax.getAsDouble(), false));
            }
        }
        if (anchors.stream().filter(Anchor::evidence).count() < context.parameterOf(RULE_ID, LevelOffsetRule.MIN_PARTS)
                .getAsDouble()) {
            return NONE;
        }
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        for (Anchor anchor : anchors) {
            low = Math.max(low, anchor.low());
            high = Math.min(high, anchor.high());
        }
        // A raise must not take any part over full scale (issue: a fix must not create a new problem).
        for (MeasuredTrack part : context.parts()) {
            OptionalDouble peak = part.scalar(MeasurementIds.TRUE_PEAK);
            if (peak.isEmpty()) {
                peak = part.scalar(MeasurementIds.SAMPLE_PEAK);
            }
            // After the move a part peaks at peak - d, which must stay at or below 0 dBTP.
            if (peak.isPresent() && Double.isFinite(peak.getAsDouble())) {
                low = Math.max(low, peak.getAsDouble());
            }
        }
        boolean none = low > high + RuleSupport.EPSILON_DB;
        boolean zeroWorks = low <= RuleSupport.EPSILON_DB && high >= -RuleSupport.EPSILON_DB;
        if (none || zeroWorks) {
            return NONE;
        }
        double mean = anchors.stream().filter(Anchor::evidence)
                .mapToDouble(a -> a.valueDbfs() - (a.minDbfs() + a.maxDbfs()) / 2).average().orElse(0);
        double offset = Math.min(Math.max(mean, low), high);
        double rounded = Math.round(offset * 10) / 10.0;
        // Rounding must not leave the intersection (nor reach 0).
        if (rounded < low - RuleSupport.EPSILON_DB || rounded > high + RuleSupport.EPSILON_DB) {
            rounded = offset;
        }
        return rounded == 0 ? NONE : new LevelOffset(rounded + 0.0, List.copyOf(anchors));
    }

    private static boolean enabled(RuleContext context) {
        return context.parameterOf(RULE_ID, LevelOffsetRule.MIN_PARTS).isPresent();
    }

    private static void drums(RuleContext context, String ruleId, Role role, List<Anchor> anchors) {
        OptionalDouble min = context.parameterOf(ruleId, "minPeak");
        OptionalDouble max = context.parameterOf(ruleId, "maxPeak");
        OptionalDouble percentile = context.parameterOf(ruleId, "percentile");
        OptionalDouble hitRange = context.parameterOf(ruleId, "hitRangeDb");
        if (min.isEmpty() || max.isEmpty() || percentile.isEmpty() || hitRange.isEmpty()) {
            return;
        }
        for (MeasuredTrack drum : context.withRole(role)) {
            HitPeak peak = RuleSupport.robustHitPeak(drum, percentile.getAsDouble(), hitRange.getAsDouble());
            if (peak.present()) {
                anchors.add(new Anchor(drum.name(), "robust hit peak", peak.peakDbfs(), min.getAsDouble(),
                        max.getAsDouble(), true));
            }
        }
    }
}
