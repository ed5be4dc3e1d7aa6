package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.session.ExportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * No bus limiting. With stems, the null test of the "nullTest" cross-track meter: a residual at the sum's peaks
 * that lowers the mix's peak is bus limiting; an even residual is a missing stem or printed bus effects. Without
 * stems, the mix alone: flat tops (clipped runs) and peaks piling up against one ceiling; a low PLR alone is INFO.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + BusLimitingRule.ID)
public final class BusLimitingRule implements Rule {

    static final String ID = "bus.limiting";

    /** The cross-track meter (io.mixbench.meter.crosstrack) and its measurement ids. */
    static final String NULL_TEST = BusGain.NULL_TEST;
    static final String RESIDUAL_LEVEL = MeasurementIds.NULL_TEST_RESIDUAL_LEVEL;
    static final String PEAK_REDUCTION = MeasurementIds.NULL_TEST_PEAK_REDUCTION;
    static final String RESIDUAL_AT_PEAKS = MeasurementIds.NULL_TEST_RESIDUAL_AT_PEAKS_SHARE;
    static final String FRAMES_AT_PEAKS = MeasurementIds.NULL_TEST_FRAMES_AT_PEAKS_SHARE;
    static final String RESIDUAL_SUM_CORRELATION = MeasurementIds.NULL_TEST_RESIDUAL_SUM_CORRELATION;
    static final String FIT_GAIN = MeasurementIds.NULL_TEST_FIT_GAIN;
    static final String FITTED_RESIDUAL_LEVEL = MeasurementIds.NULL_TEST_FITTED_RESIDUAL_LEVEL;
    /** The reason the meter gives when the residual is digital silence. */
    static final String IDENTICAL = "identical";
    /** The levels meter's ids. */
    static final String CLIPPED_RUNS = MeasurementIds.CLIPPED_RUNS;
    static final String PLR = MeasurementIds.PLR;

    /** The fix action: bypass whatever processes the mix bus. Boolean. */
    static final String BYPASS_BUS_PROCESSING = Fix.BYPASS_BUS_PROCESSING;
    static final String BYPASS_SENTENCE = "Bypass the limiter/compressor on the mix bus before bouncing for mastering.";
    /** Below this |correlation| of residual and sum, the residual is called unrelated to the stems. */
    private static final double UNRELATED = 0.3;
    /** The pile-up share needs at least this many active 100 ms steps to mean anything. */
    private static final int MIN_STEPS = 20;

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "No bus limiting",
            "With stems, the null test of the mix against the sum of the stems: the bus's gain per 10 ms (a limiter's "
                    + "reduction below its make-up gain, or saturation of the peaks), else where the residual sits. "
                    + "Without stems, flat tops and peak pile-up of the mix.",
            Set.of(), true, null,
            List.of(new Parameter("exactBelowDb", "Null-test residual below which the mix is the stems' exact sum",
                    Units.DB, -200, 0, -60),
                    new Parameter("minPeakReductionDb", "Gain reduction at the loudest hit (without the gain "
                            + "measures: peak reduction with the residual at the peaks) above which the bus is limited",
                            Units.DB, 0, 12, 0.5),
                    new Parameter("problemPeakReductionDb", "Gain reduction at the loudest hit (or peak reduction) "
                            + "from which bus limiting is a PROBLEM", Units.DB, 0, 24, 3),
                    new Parameter("concentration", "How many times its even share of energy the residual must "
                            + "hold near the sum's peaks to count as limiting", Units.RATIO, 1, 100, 3),
                    new Parameter("pileUpRangeDb", "Mix alone: steps peaking within this of the highest peak pile "
                            + "up", Units.DB, 0.1, 6, 0.5),
                    new Parameter("pileUpShare", "Mix alone: share of active steps piled up from which the mix "
                            + "counts as limited", Units.PERCENT, 1, 100, 25),
                    new Parameter("maxClippedRuns", "Mix alone: flat-topped (clipped) runs allowed", Units.COUNT, 0,
                            1000, 0),
                    new Parameter("lowPlr", "Mix alone: PLR below which the mix is called dense (INFO only)", Units.LU,
                            0, 30, 8)));

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
        // A raw-track session's parts do not sum to the mix: only a stems session has a null test.
        Optional<GroupMeasurement> nullTest = BusGain.nullTest(context, mix);
        // A master is limited on purpose: what a pre-master must not have is expected there.
        if (nullTest.isPresent()) {
            return DeliverableSupport.expectedOnAMaster(context, List.of(judgeNullTest(context, mix, nullTest.get())));
        }
        return DeliverableSupport.expectedOnAMaster(context, judgeMixAlone(context, mix));
    }

    // ---- with stems -------------------------------------------------------------------------------------------

    private static Finding judgeNullTest(RuleContext context, MeasuredTrack mix, GroupMeasurement group) {
        double exactBelow = context.parameter("exactBelowDb");
        Target exact = Target.atMost(exactBelow, Units.DB);
        List<String> stems = group.tracks().subList(1, group.tracks().size());
        List<String> leftOut = context.parts().stream().map(MeasuredTrack::name).filter(n -> !stems.contains(n))
                .toList();
        String against = "the sum of " + stems.size() + (stems.size() == 1 ? " stem" : " stems");
        OptionalDouble residual = group.scalar(RESIDUAL_LEVEL);
        boolean identical = group.measurements().get(RESIDUAL_LEVEL) instanceof Scalar s
                && IDENTICAL.equals(s.reason());
        if (identical || residual.isPresent() && residual.getAsDouble() <= exactBelow) {
            Finding.Builder ok = Finding.of(ID, Severity.OK).tracks(mix.name()).target(exact);
            if (identical) {
                return ok.message("The mix is the exact sum of the stems: no bus processing (the null test of "
                        + mix.name() + " against " + against + " leaves digital silence).").build();
            }
            return ok.measured(residual.getAsDouble(), Units.DB, "null-test residual relative to the mix")
                    .message("The mix is the exact sum of the stems: no bus processing (null-test residual "
                            + RuleSupport.f1(residual.getAsDouble()) + " dB relative to the mix).")
                    .build();
        }
        if (residual.isEmpty()) {
            return RuleSupport.cannotJudge(ID, mix, "bus processing on " + mix.name(),
                    "the null test has no residual level (" + reason(group, RESIDUAL_LEVEL) + ")");
        }
        double residualDb = residual.getAsDouble();
        OptionalDouble fitted = group.scalar(FITTED_RESIDUAL_LEVEL);
        OptionalDouble fitGain = group.scalar(FIT_GAIN);
        boolean fittedIdentical = group.measurements().get(FITTED_RESIDUAL_LEVEL) instanceof Scalar s
                && IDENTICAL.equals(s.reason());
        if (fitGain.isPresent() && (fittedIdentical || fitted.isPresent() && fitted.getAsDouble() <= exactBelow)) {
            double gain = fitGain.getAsDouble();
            return Finding.of(ID, Severity.INFO).tracks(mix.name()).measured(residualDb, Units.DB,
                    "null-test residual relative to the mix").target(exact)
                    .message("The mix is the sum of the stems at " + signed(gain) + " dB: only the master fader "
                            + "moved, no bus processing (after that gain the null-test residual is "
                            + (fittedIdentical ? "digital silence" : RuleSupport.f1(fitted.getAsDouble()) + " dB")
                            + ").")
                    .build();
        }
        double minReduction = context.parameter("minPeakReductionDb");
        Optional<BusGain> busGain = BusGain.read(group);
        if (busGain.isPresent() && busGain.get().peakReductionDb() > minReduction) {
            return busGainReduction(context, mix, busGain.get());
        }
        // Without the gain measures (too short a song), a residual at the peaks that lowers them still says limiting;
        // with them, their verdict stands (static EQ of a kick-heavy sum also leaves its residual at the peaks).
        boolean gainMeasured = group.scalar(MeasurementIds.NULL_TEST_REDUCTION_LEVEL_CORRELATION).isPresent();
        OptionalDouble reduction = group.scalar(PEAK_REDUCTION);
        OptionalDouble atPeaks = group.scalar(RESIDUAL_AT_PEAKS);
        OptionalDouble framesAtPeaks = group.scalar(FRAMES_AT_PEAKS);
        boolean concentrated = atPeaks.isPresent() && framesAtPeaks.isPresent()
                && atPeaks.getAsDouble() >= context.parameter("concentration") * framesAtPeaks.getAsDouble();
        if (!gainMeasured && concentrated && reduction.isPresent() && reduction.getAsDouble() > minReduction) {
            double db = reduction.getAsDouble();
            Severity severity = db >= context.parameter("problemPeakReductionDb") - RuleSupport.EPSILON_DB
                    ? Severity.PROBLEM
                    : Severity.WARN;
            return Finding.of(ID, severity).tracks(mix.name())
                    .measured(db, Units.DB, "sample peak of the stems' sum minus that of the mix")
                    .target(Target.atMost(minReduction, Units.DB))
                    .message("Bus limiting or compression pulls the mix's peaks down by " + RuleSupport.f1(db)
                            + " dB: the null-test residual (" + RuleSupport.f1(residualDb)
                            + " dB relative to the mix) sits where the stems' sum peaks ("
                            + RuleSupport.f1(atPeaks.getAsDouble()) + " % of its energy in the "
                            + RuleSupport.f1(framesAtPeaks.getAsDouble())
                            + " % of the time the sum is within 3 dB of its peak).")
                    .fix(new Fix(mix.name(), Map.of(BYPASS_BUS_PROCESSING, true)), BYPASS_SENTENCE).build();
        }
        if (!leftOut.isEmpty()) {
            return Finding.of(ID, Severity.INFO).tracks(mix.name())
                    .measured(residualDb, Units.DB, "null-test residual relative to the mix").target(exact)
                    .message("Cannot judge bus processing on " + mix.name() + " because "
                            + RuleSupport.joinNames(leftOut) + (leftOut.size() == 1 ? " was" : " were")
                            + " left out of the null test (another sample rate or channel layout than the mix), "
                            + "so the residual of " + RuleSupport.f1(residualDb) + " dB includes "
                            + (leftOut.size() == 1 ? "it" : "them") + ".")
                    .build();
        }
        OptionalDouble correlation = group.scalar(RESIDUAL_SUM_CORRELATION);
        // The gain measures ruled out a limiter and saturation: a difference that does not follow the level is EQ.
        OptionalDouble levelCorrelation = group.scalar(MeasurementIds.NULL_TEST_REDUCTION_LEVEL_CORRELATION);
        boolean notTheLevel = levelCorrelation.isPresent()
                && levelCorrelation.getAsDouble() < BusGain.MIN_LIMITER_CORRELATION;
        String kind = correlation.isEmpty()
                ? ""
                : Math.abs(correlation.getAsDouble()) < UNRELATED
                        ? " The residual is unrelated to the stems' sum (correlation "
                                + RuleSupport.f1(correlation.getAsDouble()) + "), as a missing stem would be."
                        : " The residual follows the stems' sum (correlation "
                                + RuleSupport.f1(correlation.getAsDouble())
                                + (notTheLevel
                                        ? ") but not its level, as bus EQ would (a limiter or saturation would "
                                                + "follow the level)."
                                        : "), as bus EQ, compression or saturation would.");
        return Finding.of(ID, Severity.WARN).tracks(mix.name())
                .measured(residualDb, Units.DB, "null-test residual relative to the mix").target(exact)
                .message("The stems do not add up to the mix: a stem is missing or bus effects were printed "
                        + "(null-test residual " + RuleSupport.f1(residualDb) + " dB relative to the mix"
                        + (concentrated ? "" : ", spread evenly rather than at the peaks") + ")." + kind)
                .suggestion("Export every stem (none muted or missing) from the same session state as the mix, "
                        + "with the mix bus effects bypassed, and bounce the mix again.")
                .build();
    }

    /**
     * A limiter (or saturation) measured by its gain: the reduction at the loudest hit below the make-up gain, how
     * much of the song and where. The fix takes the processing off and the make-up gain with it, so the mix is the
     * stems' sum again; a fader after the limiter would leave the limiting in.
     */
    private static Finding busGainReduction(RuleContext context, MeasuredTrack mix, BusGain gain) {
        double db = gain.peakReductionDb();
        Severity severity = db >= context.parameter("problemPeakReductionDb") - RuleSupport.EPSILON_DB
                ? Severity.PROBLEM
                : Severity.WARN;
        double makeUp = RuleSupport.round1(gain.makeUpGainDb());
        String what = gain.kind() == BusGain.Kind.LIMITER
                ? "The mix bus is limited: up to " + RuleSupport.f1(db) + " dB of gain reduction on the loudest hits, "
                        + "in " + RuleSupport.f1(gain.limitedSharePercent()) + " % of the song"
                        + (makeUp != 0 ? ", behind " + signed(makeUp) + " dB of make-up gain" : "")
                        + " (the mix is the stems' sum times a gain that drops where the sum peaks and recovers "
                        + "after)."
                : "The mix bus clips or saturates: the loudest hits are up to " + RuleSupport.f1(db) + " dB lower "
                        + "than the stems' sum" + (makeUp != 0 ? " at the bus's " + signed(makeUp) + " dB" : "")
                        + ", in " + RuleSupport.f1(gain.limitedSharePercent()) + " % of the song, while the "
                        + "quieter samples beside them keep their level (only the peaks bend).";
        Fix fix = new Fix(mix.name(), Map.of(BYPASS_BUS_PROCESSING, true));
        String sentence = "Bypass the " + gain.device() + " on the mix bus";
        if (makeUp != 0) {
            fix = fix.and(Fix.GAIN_DB, -makeUp);
            sentence += " and " + (makeUp > 0 ? "lower" : "raise") + " the mix bus by the make-up gain, "
                    + RuleSupport.f1(Math.abs(makeUp)) + " dB,";
        }
        sentence += " before bouncing for mastering (the mix then peaks at "
                + RuleSupport.f1(gain.sumPeakDbfs()) + " dBFS, the stems' sum).";
        return Finding.of(ID, severity).tracks(mix.name())
                .measured(db, Units.DB, "gain reduction at the loudest hit, below the make-up gain")
                .target(Target.atMost(context.parameter("minPeakReductionDb"), Units.DB)).message(what)
                .timeRanges(gain.ranges()).fix(fix, sentence).build();
    }

    private static String reason(GroupMeasurement group, String id) {
        return group.measurements().get(id) instanceof Scalar s && s.reason() != null ? s.reason() : "not measured";
    }

    private static String signed(double db) {
        return (db > 0 ? "+" : "") + RuleSupport.f1(db);
    }

    // ---- the mix alone ----------------------------------------------------------------------------------------

    private static List<Finding> judgeMixAlone(RuleContext context, MeasuredTrack mix) {
        String why = context.session().exportKind() == ExportKind.STEMS
                ? "judged on the mix alone: there are no stems to null it against"
                : "judged on the mix alone: raw tracks do not add up to the mix";
        List<Finding> findings = new ArrayList<>();
        List<String> signs = new ArrayList<>();
        // Samples above full scale (float files) are no flat tops: nothing limited them, so they do not count.
        OptionalDouble clipped = mix.scalar(CLIPPED_RUNS);
        double flatTops = clipped.isPresent() ? clipped.getAsDouble() : 0;
        double maxRuns = context.parameter("maxClippedRuns");
        Finding.Builder flat = null;
        if (flatTops > maxRuns) {
            signs.add((long) flatTops + " flat-topped runs at full scale");
            flat = Finding.of(ID, Severity.WARN).tracks(mix.name())
                    .measured(flatTops, Units.COUNT, "flat-topped runs at full scale (clipped runs)")
                    .target(Target.atMost(maxRuns, Units.COUNT));
        }
        PileUp pileUp = pileUp(mix, context.parameter("pileUpRangeDb"));
        double pileUpShare = context.parameter("pileUpShare");
        boolean piled = pileUp.activeSteps() >= MIN_STEPS && pileUp.share() >= pileUpShare;
        if (piled) {
            signs.add(RuleSupport.f1(pileUp.share()) + " % of its active 100 ms steps peaking within "
                    + RuleSupport.f1(context.parameter("pileUpRangeDb")) + " dB of its highest peak ("
                    + RuleSupport.f1(pileUp.peakDbfs()) + " dBFS)");
        }
        String noFlatTops = clipped.isPresent()
                ? "no flat tops"
                : "flat tops not measured (" + RuleSupport.missingScalar(mix, CLIPPED_RUNS, "clipped-run count") + ")";
        OptionalDouble plr = mix.scalar(PLR);
        boolean dense = plr.isPresent() && plr.getAsDouble() < context.parameter("lowPlr");
        if (!signs.isEmpty()) {
            Finding.Builder b = flat != null
                    ? flat
                    : Finding.of(ID, Severity.WARN).tracks(mix.name())
                            .measured(pileUp.share(), Units.PERCENT, "share of active steps at the peak ceiling")
                            .target(Target.atMost(pileUpShare, Units.PERCENT));
            findings.add(b.message(mix.name() + " shows bus limiting or clipping: " + String.join("; ", signs)
                    + " (" + why + ")" + (dense ? ", with a PLR of " + RuleSupport.f1(plr.getAsDouble()) + " LU" : "")
                    + ".").fix(new Fix(mix.name(), Map.of(BYPASS_BUS_PROCESSING, true)), BYPASS_SENTENCE).build());
        } else if (clipped.isEmpty() && pileUp.activeSteps() < MIN_STEPS) {
            findings.add(RuleSupport.cannotJudge(ID, mix, "bus limiting on " + mix.name(),
                    RuleSupport.missingScalar(mix, CLIPPED_RUNS, "clipped-run count")
                            + " and it has too few active steps for peak pile-up"));
        } else if (pileUp.activeSteps() < MIN_STEPS) {
            findings.add(Finding.of(ID, Severity.OK).tracks(mix.name())
                    .measured(flatTops, Units.COUNT, "flat-topped runs at full scale (clipped runs)")
                    .target(Target.atMost(maxRuns, Units.COUNT))
                    .message("No sign of bus limiting on " + mix.name() + ": " + noFlatTops
                            + " (too few active steps to "
                            + "judge peak pile-up; " + why + ").")
                    .build());
        } else {
            findings.add(Finding.of(ID, Severity.OK).tracks(mix.name())
                    .measured(pileUp.share(), Units.PERCENT, "share of active steps at the peak ceiling")
                    .target(Target.atMost(pileUpShare, Units.PERCENT))
                    .message("No sign of bus limiting on " + mix.name() + ": " + noFlatTops
                            + ", and peaks do not pile up ("
                            + RuleSupport.f1(pileUp.share()) + " % of active steps within "
                            + RuleSupport.f1(context.parameter("pileUpRangeDb")) + " dB of the highest peak; " + why
                            + ").")
                    .build());
        }
        if (dense && signs.isEmpty()) {
            findings.add(Finding.of(ID, Severity.INFO).tracks(mix.name())
                    .measured(plr.getAsDouble(), Units.LU, "PLR (true peak minus integrated loudness)")
                    .target(Target.atLeast(context.parameter("lowPlr"), Units.LU))
                    .message(mix.name() + " is dense (PLR " + RuleSupport.f1(plr.getAsDouble())
                            + " LU); alone that is no sign of bus limiting, dense genres have it.")
                    .build());
        }
        return findings;
    }

    /**
     * How the mix's 100 ms step peaks crowd its highest one.
     *
     * @param share steps within range of the highest, % of the active steps with a peak
     * @param activeSteps active steps with a finite peak
     * @param peakDbfs the highest step peak, dBFS (NaN without steps)
     */
    record PileUp(double share, int activeSteps, double peakDbfs) {
    }

    static PileUp pileUp(MeasuredTrack mix, double rangeDb) {
        Optional<Series> peaks = mix.series(MeasurementIds.PEAK_SERIES);
        if (peaks.isEmpty()) {
            return new PileUp(0, 0, Double.NaN);
        }
        Optional<Series> activity = mix.series(MeasurementIds.ACTIVITY);
        Series p = peaks.get();
        double highest = Double.NEGATIVE_INFINITY;
        int active = 0;
        for (int i = 0; i < p.size(); i++) {
            if (isActive(activity, i) && Float.isFinite(p.get(i))) {
                highest = Math.max(highest, p.get(i));
                active++;
            }
        }
        if (active == 0) {
            return new PileUp(0, 0, Double.NaN);
        }
        int near = 0;
        for (int i = 0; i < p.size(); i++) {
            if (isActive(activity, i) && Float.isFinite(p.get(i)) && p.get(i) >= highest - rangeDb) {
                near++;
            }
        }
        return new PileUp(100.0 * near / active, active, highest);
    }

    private static boolean isActive(Optional<Series> activity, int i) {
        return activity.isEmpty() || i < activity.get().size() && activity.get().get(i) >= 0.5f;
    }
}
