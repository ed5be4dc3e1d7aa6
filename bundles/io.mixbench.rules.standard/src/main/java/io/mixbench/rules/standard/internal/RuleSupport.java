package io.mixbench.rules.standard.internal;

import io.mixbench.meter.LoudnessSums;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Series;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.rule.TimeRange;
import io.mixbench.meter.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Measures and wording shared by the standard rules: robust hit peaks, power means and sums of loudness, runs of
 * steps as time ranges, severity from margins, and the sentences of findings and fixes.
 */
final class RuleSupport {

    /** Scalar id of the estimated pan position (%); the meters provide it, MeasurementIds 1.0.0 has no constant. */
    static final String PAN = MeasurementIds.PAN;
    /** The low-end crossover of the standard meters, Hz: lowEndPan and lowEndSide are measured below it. */
    static final double LOW_END_CROSSOVER_HZ = 200;
    /** Percentile of hit peaks that makes the robust peak, %. */
    static final double DEFAULT_PERCENTILE = 95;
    /** Hits are steps within this many dB of the track's highest step. */
    static final double DEFAULT_HIT_RANGE_DB = 20;
    /** Values closer than this to a bound count as on it: the series are floats, and reports show 0.1 dB. */
    static final double EPSILON_DB = 1e-4;

    static final String WARN_MARGIN = "warnMarginDb";
    static final String PROBLEM_MARGIN = "problemMarginDb";
    /** The default of {@link #PROBLEM_MARGIN}, dB. */
    static final double DEFAULT_PROBLEM_MARGIN_DB = 5;

    private RuleSupport() {
    }

    // ---- parameters -------------------------------------------------------------------------------------------

    static Parameter warnMargin() {
        return new Parameter(WARN_MARGIN, "Distance outside the target from which it is a WARN", Units.DB, 0, 20, 1.0);
    }

    /**
     * The distance outside the target that turns a WARN into a PROBLEM, dB. 5 dB by default: a level a few dB out
     * is a fader move (WARN); beyond that the part is lost in or dominates the balance (docs/severity.md).
     */
    static Parameter problemMargin() {
        return problemMargin(DEFAULT_PROBLEM_MARGIN_DB);
    }

    static Parameter problemMargin(double defaultDb) {
        return new Parameter(PROBLEM_MARGIN, "Distance outside the target from which it is a PROBLEM", Units.DB, 0, 40,
                defaultDb);
    }

    static Parameter percentile() {
        return new Parameter("percentile", "Percentile of the hit peaks taken as the robust peak", Units.PERCENT, 50,
                100, DEFAULT_PERCENTILE);
    }

    static Parameter hitRange() {
        return new Parameter("hitRangeDb", "Hits are peaks within this distance of the loudest step", Units.DB, 1, 60,
                DEFAULT_HIT_RANGE_DB);
    }

    // ---- severity ---------------------------------------------------------------------------------------------

    /**
     * The shared policy of the level rules: inside the target OK; outside by less than the WARN margin INFO; by
     * at least the WARN margin and less than the PROBLEM margin WARN; else PROBLEM.
     *
     * @param excess how far the value lies outside the target, in its unit (see {@code Target.excess})
     */
    static Severity severityFromMargins(double excess, double warnMargin, double problemMargin) {
        double distance = Math.abs(excess);
        if (distance <= EPSILON_DB) {
            return Severity.OK;
        }
        if (distance < warnMargin - EPSILON_DB) {
            return Severity.INFO;
        }
        if (distance < Math.max(warnMargin, problemMargin) - EPSILON_DB) {
            return Severity.WARN;
        }
        return Severity.PROBLEM;
    }

    static Severity severityFromMargins(RuleContext context, double excess) {
        return severityFromMargins(excess, context.parameter(WARN_MARGIN), context.parameter(PROBLEM_MARGIN));
    }

    // ---- robust hit peak --------------------------------------------------------------------------------------

    /**
     * A robust peak of a percussive track, or why there is none.
     *
     * @param peakDbfs the chosen percentile of the hit peaks, dBFS; NaN when there is none
     * @param hits how many hit peaks were found
     * @param reason why there is no value ("it never plays"), or null
     */
    record HitPeak(double peakDbfs, int hits, String reason) {

        boolean present() {
            return reason == null;
        }

        static HitPeak none(String reason) {
            return new HitPeak(Double.NaN, 0, reason);
        }
    }

    /**
     * The robust peak of a percussive track: the {@code percentile} (nearest rank) of its hit peaks (the levels meter's
     * {@link MeasurementIds#HIT_PEAK_SERIES}: local maxima of the peak series on active steps) within {@code rangeDb}
     * of the track's highest step. Nearest rank takes the sorted hit at index round(p/100 (n-1)), so at the 95th
     * percentile one flam among 11 or more hits never decides.
     */
    static HitPeak robustHitPeak(MeasuredTrack track, double percentile, double rangeDb) {
        Optional<Series> peaks = track.series(MeasurementIds.PEAK_SERIES);
        if (peaks.isEmpty()) {
            return HitPeak.none("its peak series is missing");
        }
        Optional<Series> activity = track.series(MeasurementIds.ACTIVITY);
        if (activity.isEmpty()) {
            return HitPeak.none("its activity series is missing");
        }
        Series p = peaks.get();
        Series a = activity.get();
        int n = Math.min(p.size(), a.size());
        if (n == 0) {
            return HitPeak.none("it has no measured steps (zero length)");
        }
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.size(); i++) {
            float v = p.get(i);
            if (Float.isFinite(v) && v > highest) {
                highest = v;
            }
        }
        if (highest == Double.NEGATIVE_INFINITY) {
            return HitPeak.none("it is silent (no peak values)");
        }
        boolean anyActive = false;
        for (int i = 0; i < n && !anyActive; i++) {
            anyActive = a.get(i) >= 0.5f;
        }
        if (!anyActive) {
            return HitPeak.none("it never plays");
        }
        Optional<Series> hitSeries = track.series(MeasurementIds.HIT_PEAK_SERIES);
        if (hitSeries.isEmpty()) {
            return HitPeak.none("its hit-peak series is missing");
        }
        Series h = hitSeries.get();
        double floor = highest - rangeDb;
        double[] hits = new double[n];
        int count = 0;
        for (int i = 0; i < Math.min(n, h.size()); i++) {
            float v = h.get(i);
            if (Float.isFinite(v) && v >= floor) {
                hits[count++] = v;
            }
        }
        if (count == 0) {
            return HitPeak.none("no hit peaks were found where it plays");
        }
        Arrays.sort(hits, 0, count);
        int index = (int) Math.rint(Math.max(0, Math.min(100, percentile)) / 100 * (count - 1));
        return new HitPeak(hits[index], count, null);
    }

    // ---- elements and loudness --------------------------------------------------------------------------------

    /**
     * One element of the arrangement: a track, or the tracks of one multi-mic group, judged as their sum.
     *
     * @param name the group's name, the track's name, or the names joined when unrelated tracks are combined
     * @param tracks the tracks, in session order; never empty
     */
    record Element(String name, List<MeasuredTrack> tracks) {

        List<String> trackNames() {
            return tracks.stream().map(MeasuredTrack::name).toList();
        }

        boolean contains(MeasuredTrack track) {
            return tracks.stream().anyMatch(t -> t.name().equals(track.name()));
        }
    }

    /** The parts as elements: the tracks of one {@code Track.group()} form one element, in session order. */
    static List<Element> elements(List<MeasuredTrack> parts) {
        Map<String, List<MeasuredTrack>> byKey = new LinkedHashMap<>();
        for (MeasuredTrack t : parts) {
            String group = t.track().group();
            String key = group == null || group.isBlank() ? "track:" + t.name() : "group:" + group;
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        }
        return byKey.values().stream().map(RuleSupport::combined).toList();
    }

    /** The tracks taken as one element (e.g. every kick mic). */
    static Element combined(List<MeasuredTrack> tracks) {
        if (tracks.size() == 1) {
            return new Element(tracks.get(0).name(), List.copyOf(tracks));
        }
        String group = tracks.get(0).track().group();
        boolean oneGroup = group != null && !group.isBlank()
                && tracks.stream().allMatch(t -> group.equals(t.track().group()));
        String name = oneGroup ? group : joinNames(tracks.stream().map(MeasuredTrack::name).toList());
        return new Element(name, List.copyOf(tracks));
    }

    /**
     * The element's loudness at each step: the power sum of its tracks' series ({@link LoudnessSums}, each corrected
     * to stereo with the session's pan law), NaN where no track has a value. Empty when no track has the series.
     */
    static Optional<double[]> loudnessSeries(RuleContext context, Element element, String seriesId) {
        List<Series> series = new ArrayList<>();
        List<Double> offsets = new ArrayList<>();
        for (MeasuredTrack t : element.tracks()) {
            Optional<Series> s = t.series(seriesId);
            if (s.isPresent()) {
                series.add(s.get());
                offsets.add(offset(context, t));
            }
        }
        if (series.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LoudnessSums.powerSum(series, offsets.stream().mapToDouble(Double::doubleValue)
                .toArray()));
    }

    /** Where any of the element's tracks plays. Empty when no track has an activity series. */
    static Optional<boolean[]> activity(Element element) {
        int length = -1;
        for (MeasuredTrack t : element.tracks()) {
            Optional<Series> s = t.series(MeasurementIds.ACTIVITY);
            if (s.isPresent()) {
                length = Math.max(length, s.get().size());
            }
        }
        if (length < 0) {
            return Optional.empty();
        }
        boolean[] active = new boolean[length];
        for (MeasuredTrack t : element.tracks()) {
            Optional<Series> s = t.series(MeasurementIds.ACTIVITY);
            if (s.isPresent()) {
                Series series = s.get();
                for (int i = 0; i < series.size(); i++) {
                    active[i] |= series.get(i) >= 0.5f;
                }
            }
        }
        return Optional.of(active);
    }

    /** The step of the element's series, in seconds (0.1 for the standard series). */
    static double stepSeconds(Element element, String seriesId) {
        for (MeasuredTrack t : element.tracks()) {
            Optional<Series> s = t.series(seriesId);
            if (s.isPresent()) {
                return s.get().stepSeconds();
            }
        }
        return 0.1;
    }

    /** The session's pan-law offset for a mono track; 0 when the context gives nonsense. */
    static double offset(RuleContext context, MeasuredTrack track) {
        double offset = context.stereoLoudnessOffsetDb(track);
        return Double.isFinite(offset) ? offset : 0;
    }

    static double toPower(double db) {
        return Math.pow(10, db / 10);
    }

    static double toDb(double power) {
        return 10 * Math.log10(power);
    }

    /** The power mean, in dB, of the finite values at the flagged steps; NaN when there are none. */
    static double powerMean(double[] db, boolean[] use) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < Math.min(db.length, use.length); i++) {
            if (use[i] && Double.isFinite(db[i])) {
                sum += toPower(db[i]);
                count++;
            }
        }
        return count == 0 || sum <= 0 ? Double.NaN : toDb(sum / count);
    }

    /** The median of the first {@code count} values (mean of the two middle ones for an even count). */
    static double median(double[] values, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int middle = count / 2;
        return count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // ---- time ranges ------------------------------------------------------------------------------------------

    /** The runs of flagged consecutive steps as time ranges, in time order. */
    static List<TimeRange> runs(boolean[] flags, double stepSeconds) {
        List<TimeRange> ranges = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= flags.length; i++) {
            boolean on = i < flags.length && flags[i];
            if (on && start < 0) {
                start = i;
            } else if (!on && start >= 0) {
                ranges.add(new TimeRange(start * stepSeconds, i * stepSeconds));
                start = -1;
            }
        }
        return ranges;
    }

    /** The {@code limit} longest ranges, in time order. */
    static List<TimeRange> longest(List<TimeRange> ranges, int limit) {
        return ranges.stream().sorted(Comparator.comparingDouble(TimeRange::durationSeconds).reversed()
                .thenComparingDouble(TimeRange::startSeconds)).limit(Math.max(0, limit))
                .sorted(Comparator.comparingDouble(TimeRange::startSeconds)).toList();
    }

    // ---- wording ----------------------------------------------------------------------------------------------

    /** A value rounded to 0.1 as reports show it, never "-0.0". */
    static double round1(double value) {
        return Math.round(value * 10) / 10.0 + 0.0;
    }

    /** E.g. "-5.0". */
    static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", round1(value));
    }

    /** E.g. "95th", "51st". */
    static String ordinal(double percent) {
        long n = Math.round(percent);
        long lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** "A", "A and B", "A, B and C". */
    static String joinNames(List<String> names) {
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** A raise may not take a part's true peak above this, dBTP: past it the part clips once exported. */
    static final double PART_CEILING_DBTP = 0;
    /** The true-peak limiter a raise past the ceiling brings, dBTP: a margin for the limiter's own overshoot. */
    static final double PART_LIMITER_DBTP = -1;

    /**
     * The fix of a gain change on tracks moved together ({@code tracks.get(0)} names the structured fix). A raise
     * that would take their true peak (else sample peak) above {@link #PART_CEILING_DBTP} never stands alone: the
     * fix adds a true-peak limiter at {@link #PART_LIMITER_DBTP}, and the sentence says so and names the other
     * move that works (lower everything else instead). A raise that could take the mix bus above mix.headroom's
     * {@code maxPeak} ({@link #mixPeakAfterRaise}) brings a second fix, the master fader down by the excess.
     */
    static Finding.Builder gainFix(RuleContext context, Finding.Builder builder, List<MeasuredTrack> tracks,
            double gainDb, String sentence) {
        Fix plain = Fix.gain(tracks.get(0).name(), gainDb);
        OptionalDouble mixBound = gainDb > 0
                ? mixPeakAfterRaise(context, tracks, round1(gainDb))
                : OptionalDouble.empty();
        OptionalDouble mixMax = context.parameterOf(MixHeadroomRule.ID, "maxPeak");
        if (mixBound.isPresent() && mixMax.isPresent()
                && mixBound.getAsDouble() > mixMax.getAsDouble() + EPSILON_DB) {
            // Lower the master fader by what keeps even coinciding peaks under the headroom target.
            String mix = context.mix().get().name();
            double lower = Math.ceil((mixBound.getAsDouble() - mixMax.getAsDouble()) * 10 - 1e-6) / 10;
            Move part = partMove(tracks, gainDb, sentence, plain);
            return builder.fixes(List.of(part.fix(), Fix.gain(mix, -lower)), part.sentence() + " Raised alone, "
                    + joinNames(names(tracks)) + " could take the mix bus of " + mix + " to "
                    + f1(mixBound.getAsDouble()) + " dBFS where the peaks meet, above the "
                    + f1(mixMax.getAsDouble()) + " dBFS the mix's headroom allows: lower its master fader by "
                    + f1(lower) + " dB with it.");
        }
        Move part = partMove(tracks, gainDb, sentence, plain);
        return builder.fix(part.fix(), part.sentence());
    }

    private record Move(Fix fix, String sentence) {
    }

    private static List<String> names(List<MeasuredTrack> tracks) {
        return tracks.stream().map(MeasuredTrack::name).toList();
    }

    /**
     * The mix bus's sample peak after raising {@code tracks} by {@code gainDb}, at most, dBFS: per 100 ms step the
     * mix's peak plus the raised tracks' added peak amplitude, as if their peaks met in phase (else from the whole
     * files' peaks). Empty without a mix or its peaks.
     */
    static OptionalDouble mixPeakAfterRaise(RuleContext context, List<MeasuredTrack> tracks, double gainDb) {
        Optional<MeasuredTrack> mix = context.mix();
        if (mix.isEmpty()) {
            return OptionalDouble.empty();
        }
        double added = Math.pow(10, gainDb / 20) - 1;
        Optional<Series> mixSteps = mix.get().series(MeasurementIds.PEAK_SERIES);
        List<Optional<Series>> partSteps = tracks.stream().map(t -> t.series(MeasurementIds.PEAK_SERIES)).toList();
        if (mixSteps.isPresent() && partSteps.stream().allMatch(Optional::isPresent)) {
            Series m = mixSteps.get();
            double worst = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m.size(); i++) {
                double amplitude = amplitude(m.get(i));
                for (Optional<Series> part : partSteps) {
                    if (i < part.get().size()) {
                        amplitude += amplitude(part.get().get(i)) * added;
                    }
                }
                worst = Math.max(worst, amplitude);
            }
            return worst > 0 ? OptionalDouble.of(20 * Math.log10(worst)) : OptionalDouble.empty();
        }
        OptionalDouble mixPeak = mix.get().scalar(MeasurementIds.SAMPLE_PEAK);
        if (mixPeak.isEmpty()) {
            return OptionalDouble.empty();
        }
        double amplitude = amplitude(mixPeak.getAsDouble());
        for (MeasuredTrack track : tracks) {
            OptionalDouble peak = track.scalar(MeasurementIds.SAMPLE_PEAK);
            if (peak.isEmpty()) {
                return OptionalDouble.empty();
            }
            amplitude += amplitude(peak.getAsDouble()) * added;
        }
        return amplitude > 0 ? OptionalDouble.of(20 * Math.log10(amplitude)) : OptionalDouble.empty();
    }

    private static double amplitude(double dbfs) {
        return Double.isFinite(dbfs) ? Math.pow(10, dbfs / 20) : 0;
    }

    /** The part's own move, with a true-peak limiter when the raise alone would clip it. */
    private static Move partMove(List<MeasuredTrack> tracks, double gainDb, String sentence, Fix plain) {
        double peak = Double.NEGATIVE_INFINITY;
        for (MeasuredTrack track : tracks) {
            OptionalDouble p = track.scalar(MeasurementIds.TRUE_PEAK);
            if (p.isEmpty()) {
                p = track.scalar(MeasurementIds.SAMPLE_PEAK);
            }
            if (p.isPresent()) {
                peak = Math.max(peak, p.getAsDouble());
            }
        }
        double after = peak + round1(gainDb);
        if (gainDb <= 0 || !(after > PART_CEILING_DBTP + EPSILON_DB)) {
            return new Move(plain, sentence);
        }
        String names = joinNames(names(tracks));
        return new Move(plain.and(Fix.TRUE_PEAK_LIMIT_DBTP, PART_LIMITER_DBTP), sentence.replaceFirst("\\.$", "")
                + ", with a true-peak limiter at " + f1(PART_LIMITER_DBTP) + " dBTP on " + names + ": raised alone, "
                + (tracks.size() == 1 ? "its" : "their") + " true peak would reach " + signed(after)
                + " dBTP and clip, and the limiter takes about " + f1(after - PART_LIMITER_DBTP) + " dB off the "
                + "loudest peaks. Or lower everything else by " + f1(round1(gainDb)) + " dB instead.");
    }

    /** "+1.3", "-0.4". */
    private static String signed(double value) {
        return (value >= 0 ? "+" : "-") + f1(Math.abs(value));
    }

    /** "Lower Kick by 4.0 dB." or "Raise Kick by 4.0 dB."; {@code what} names what to move. */
    static String gainSentence(String what, double gainDb) {
        return (gainDb < 0 ? "Lower " : "Raise ") + what + " by " + f1(Math.abs(gainDb)) + " dB.";
    }

    /**
     * A gain change for an element: the structured fix names its first track (a fix has one track), the sentence
     * names every track so a group moves together.
     */
    static Finding.Builder withGainFix(RuleContext context, Finding.Builder builder, Element element,
            double gainDb) {
        return gainFix(context, builder, element.tracks(), gainDb, gainSentence(joinNames(element.trackNames()),
                round1(gainDb)));
    }

    /** An INFO finding saying why a rule cannot judge something; {@code because} starts lower case. */
    static Finding cannotJudge(String ruleId, List<String> tracks, String what, String because) {
        return Finding.of(ruleId, Severity.INFO).tracks(tracks)
                .message("Cannot judge " + what + " because " + because + ".").build();
    }

    static Finding cannotJudge(String ruleId, MeasuredTrack track, String what, String because) {
        return cannotJudge(ruleId, List.of(track.name()), what, because);
    }

    /**
     * The findings, or one INFO saying there was nothing to judge: an empty answer would be reported as a rule
     * error, and the analysis normally does not run a rule whose tracks are missing anyway.
     */
    static List<Finding> orNothing(List<Finding> findings, RuleDescriptor rule, String why) {
        // Worded as the engine words a rule whose declared needs the session does not meet.
        return findings.isEmpty()
                ? List.of(Finding.of(rule.id(), Severity.INFO).message(rule.title() + " not checked: " + why).build())
                : findings;
    }

    /** Why a scalar is missing: the meter's reason when it gave one. */
    static String missingScalar(MeasuredTrack track, String id, String label) {
        if (track.measurements().get(id) instanceof io.mixbench.meter.Scalar s && s.reason() != null) {
            return "its " + label + " has no value (" + s.reason() + ")";
        }
        return "its " + label + " was not measured";
    }

    /** How far outside the target, in words: "4.0 dB above it", "" when inside. */
    static String outside(double excess, String unit) {
        if (Math.abs(excess) <= EPSILON_DB) {
            return "";
        }
        return ", " + f1(Math.abs(excess)) + " " + unit + (excess > 0 ? " above it" : " below it");
    }

    /**
     * The finding of a level against its target under the shared margin policy; WARN and PROBLEM carry a gain fix
     * to the centre of the target.
     *
     * @param offset the whole mix's common offset: the target moves with it ({@link LevelOffset#NONE}: it does not)
     * @param statement what was measured, e.g. "Kick peaks at -5.0 dBFS (95th percentile of 16 hits)"
     * @param fixWhat what the fix moves, e.g. "Kick" or "the input gain of Kick In"
     */
    static Finding judgeLevel(RuleContext context, String ruleId, MeasuredTrack track, double value, Target target,
            LevelOffset offset, String measure, String statement, String fixWhat) {
        Target judged = offset.shift(target);
        double excess = judged.excess(value);
        Severity severity = severityFromMargins(context, excess);
        String moved = offset.applies() ? offset.note(target) : "";
        Finding.Builder builder = Finding.of(ruleId, severity).tracks(track.name())
                .message(statement + "; target " + judged.describe() + outside(excess, Units.DB) + "." + moved)
                .measured(value, judged.unit(), measure).target(judged);
        if (severity == Severity.WARN || severity == Severity.PROBLEM) {
            double gain = judged.centre() - value;
            gainFix(context, builder, List.of(track), gain, gainSentence(fixWhat, round1(gain)));
        }
        return builder.build();
    }
}
