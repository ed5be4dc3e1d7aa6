package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Spectrum;
import io.mixbench.meter.TonalBands;
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
import io.mixbench.rule.TonalTarget;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Tonal balance: the mix's long-term spectrum in the seven tonal-balance bands against the session's reference
 * tracks (each level-matched by integrated loudness) when there are any, else against the rule set's genre tilt
 * (band levels relative to the mid band, placed where they fit the mix best).
 */
@Component(service = Rule.class, property = Rule.ID + "=" + TonalBalanceRule.ID)
public final class TonalBalanceRule implements Rule {

    static final String ID = "tonal.balance";

    /** The number of tonal-balance bands ({@link TonalBands}). */
    static final int BANDS = TonalBands.count();
    static final int MID = TonalBands.MID;
    /** The default tilt, dB relative to the mid band (docs/rules.md explains where it comes from). */
    static final double[] DEFAULT_TILT_DB = {2, 4.5, -1, 0, -5.5, -6, -13};
    /**
     * With stems, a band out of a generic genre tilt is usually a part at the wrong level, which the level rules
     * name with a fader move; so against the tilt (not against references) the default only informs. Genre sets
     * whose tilt is specific enough set it to 1.
     */
    static final String TILT_WARNS_WITH_STEMS = "tiltWarnsWithStems";
    /**
     * A band is judged on a track whose bandwidth reaches this share of the band's upper edge: the air band (10-20
     * kHz) needs content up to 18 kHz. Above a lossy encoder's low-pass or a low sample rate's Nyquist frequency a
     * band is empty whatever the mix, and EQ cannot put back what the file does not hold.
     */
    static final double COVERED_SHARE = 0.9;

    private static final RuleDescriptor DESCRIPTOR;

    static {
        List<Parameter> parameters = new ArrayList<>();
        for (int b = 0; b < BANDS; b++) {
            if (b != MID) {
                parameters.add(new Parameter(TonalBands.band(b).id() + "Db",
                        "Genre tilt: " + TonalBands.band(b).name() + " band (" + edges(b)
                                + " Hz) relative to the mid band",
                        Units.DB, -40, 40, DEFAULT_TILT_DB[b]));
            }
        }
        parameters.add(new Parameter("toleranceDb", "Largest deviation from the genre tilt in any band", Units.DB, 0,
                24, 4));
        parameters.add(new Parameter("referenceToleranceDb",
                "Largest deviation outside the references' range in any band", Units.DB, 0, 24, 3));
        parameters.add(new Parameter("maxEqGainDb", "Largest cut or boost a fix proposes", Units.DB, 1, 24, 12));
        parameters.add(new Parameter(TILT_WARNS_WITH_STEMS, "Warn about the genre tilt when the session has stems (1)"
                + " or only inform (0)", Units.FLAG, 0, 1, 0));
        DESCRIPTOR = new RuleDescriptor(ID, "Tonal balance",
                "The mix's long-term spectrum in seven bands (sub to air) against the reference tracks, "
                        + "level-matched by integrated loudness, or else against the rule set's genre tilt.",
                Set.of(), true, null, parameters);
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Per band of {@link #BANDS}: the mix's value, the target range and its centre (NaN: not judged). */
    private record Comparison(double[] value, double[] lo, double[] hi, double[] centre, double[] frequencyHz,
            String measure, String against, String relativeTo, String centreName, double tolerance, String note) {
    }

    /**
     * The findings, each declaring the rule set's genre tilt as its tonal target: a report draws it when the session
     * has no reference tracks.
     */
    @Override
    public List<Finding> evaluate(RuleContext context) {
        TonalTarget tilt = genreTilt(context);
        return judged(context).stream()
                .map(f -> new Finding(f.ruleId(), f.severity(), f.tracks(), f.message(), f.measured(), f.target(),
                        f.fix(), f.suggestion(), f.timeRanges(), f.fixes(), f.tags(), tilt))
                .toList();
    }

    /** The genre tilt of the parameters, relative to the mid band, within the tolerance. */
    static TonalTarget genreTilt(RuleContext context) {
        double[] tilt = new double[BANDS];
        for (int b = 0; b < BANDS; b++) {
            tilt[b] = b == MID ? 0 : context.parameter(TonalBands.band(b).id() + "Db");
        }
        return TonalTarget.tilt(tilt, context.parameter("toleranceDb"));
    }

    private List<Finding> judged(RuleContext context) {
        if (context.mix().isEmpty()) {
            return RuleSupport.orNothing(List.of(), DESCRIPTOR, "the session has no mix.");
        }
        MeasuredTrack mix = context.mix().get();
        double[] frequencies = new double[BANDS];
        double[] levels = bandLevels(mix, frequencies);
        if (levels == null) {
            return List.of(RuleSupport.cannotJudge(ID, mix, mix.name() + "'s tonal balance",
                    "its tonal-balance spectrum was not measured"));
        }
        if (!Double.isFinite(levels[MID])) {
            return List.of(RuleSupport.cannotJudge(ID, mix, mix.name() + "'s tonal balance",
                    "its mid band (500-2000 Hz) has no level (silent)"));
        }
        List<Finding> findings = new ArrayList<>();
        List<Integer> uncovered = dropUncovered(mix, levels);
        List<String> unusable = new ArrayList<>();
        List<String> unusableTracks = new ArrayList<>();
        List<double[]> references = new ArrayList<>();
        List<String> referenceNames = new ArrayList<>();
        for (MeasuredTrack reference : context.withRole(Role.REFERENCE)) {
            double[] curve = levelMatched(reference, new double[BANDS]);
            if (curve != null) {
                dropUncovered(reference, curve);
            }
            String why = curve == null ? whyUnusable(reference) : null;
            if (why != null) {
                unusable.add(reference.name() + " (" + why + ")");
                unusableTracks.add(reference.name());
            } else {
                references.add(curve);
                referenceNames.add(reference.name());
            }
        }
        Comparison comparison;
        if (!references.isEmpty()) {
            double[] mixCurve = levelMatched(mix, new double[BANDS]);
            if (mixCurve == null) {
                return List.of(RuleSupport.cannotJudge(ID, mix, mix.name() + "'s tonal balance against the references",
                        RuleSupport.missingScalar(mix, MeasurementIds.INTEGRATED_LOUDNESS, "integrated loudness")));
            }
            dropUncovered(mix, mixCurve);
            comparison = againstReferences(context, mixCurve, frequencies, references, referenceNames);
        } else {
            comparison = againstTilt(context, levels, frequencies, !unusable.isEmpty());
        }
        boolean hint = references.isEmpty() && !context.parts().isEmpty()
                && context.parameter(TILT_WARNS_WITH_STEMS) < 0.5;
        judge(context, mix, comparison, findings, hint ? Severity.INFO : Severity.WARN);
        if (!uncovered.isEmpty()) {
            findings.add(notCovered(mix, uncovered));
        }
        if (!unusable.isEmpty()) {
            findings.add(Finding.of(ID, Severity.INFO).tracks(unusableTracks)
                    .message("Cannot compare with the reference " + RuleSupport.joinNames(unusable)
                            + (references.isEmpty() ? "; the genre tilt is used instead." : "."))
                    .build());
        }
        return findings;
    }

    private static Comparison againstReferences(RuleContext context, double[] mix, double[] frequencies,
            List<double[]> references, List<String> names) {
        double tolerance = context.parameter("referenceToleranceDb");
        int n = BANDS;
        double[] lo = nan(n);
        double[] hi = nan(n);
        double[] centre = nan(n);
        for (int b = 0; b < n; b++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] reference : references) {
                if (Double.isFinite(reference[b])) {
                    min = Math.min(min, reference[b]);
                    max = Math.max(max, reference[b]);
                }
            }
            if (min <= max) {
                lo[b] = min - tolerance;
                hi[b] = max + tolerance;
                centre[b] = (min + max) / 2;
            }
        }
        String against = (names.size() == 1 ? "the reference " : "the references ") + RuleSupport.joinNames(names)
                + ", level-matched by integrated loudness";
        return new Comparison(mix, lo, hi, centre, frequencies, "band level of the mid signal minus integrated "
                + "loudness", against, "relative to the integrated loudness",
                names.size() == 1 ? "the reference's" : "the references'", tolerance, "");
    }

    /**
     * The mix relative to its mid band against the tilt, the tilt shifted by the median of the band deviations: a
     * mix whose mid band alone is off then reads as that one band off, not as every other band.
     */
    private static Comparison againstTilt(RuleContext context, double[] levels, double[] frequencies,
            boolean referencesUnusable) {
        int n = BANDS;
        double tolerance = context.parameter("toleranceDb");
        double[] relative = nan(n);
        double[] tilt = new double[n];
        double[] deviations = new double[n];
        int count = 0;
        for (int b = 0; b < n; b++) {
            tilt[b] = b == MID ? 0 : context.parameter(TonalBands.band(b).id() + "Db");
            if (Double.isFinite(levels[b])) {
                relative[b] = levels[b] - levels[MID];
                deviations[count++] = relative[b] - tilt[b];
            }
        }
        double offset = RuleSupport.median(deviations, count);
        double[] lo = nan(n);
        double[] hi = nan(n);
        double[] centre = nan(n);
        for (int b = 0; b < n; b++) {
            if (Double.isFinite(relative[b])) {
                centre[b] = tilt[b] + offset;
                lo[b] = centre[b] - tolerance;
                hi[b] = centre[b] + tolerance;
            }
        }
        String against = "the genre tilt of rule set " + context.ruleSetId()
                + (referencesUnusable ? " (no reference could be used)" : "");
        String note = Math.abs(offset) < 0.05
                ? ""
                : " The tilt is placed on the mix " + StereoSupport.signed(offset) + " dB from the mid band (the "
                        + "median of the bands' deviations), so one band off is reported as that band.";
        return new Comparison(relative, lo, hi, centre, frequencies, "band level of the mid signal relative to the "
                + "mid band (500-2000 Hz)", against, "relative to the mid band", "the tilt's", tolerance, note);
    }

    /**
     * @param outside the severity of a band outside its target: WARN, or INFO when the comparison is only a hint
     */
    private static void judge(RuleContext context, MeasuredTrack mix, Comparison c, List<Finding> findings,
            Severity outside) {
        String name = mix.name();
        double maxEq = context.parameter("maxEqGainDb");
        double largest = 0;
        int largestBand = -1;
        List<String> notMeasured = new ArrayList<>();
        int judged = 0;
        for (int b = 0; b < BANDS; b++) {
            if (!Double.isFinite(c.value()[b]) || !Double.isFinite(c.centre()[b])) {
                notMeasured.add(TonalBands.band(b).name());
                continue;
            }
            judged++;
            double deviation = c.value()[b] - c.centre()[b];
            if (largestBand < 0 || Math.abs(deviation) > Math.abs(largest)) {
                largest = deviation;
                largestBand = b;
            }
            Target target = Target.between(c.lo()[b], c.hi()[b], Units.DB);
            double excess = target.excess(c.value()[b]);
            if (Math.abs(excess) <= RuleSupport.EPSILON_DB) {
                continue;
            }
            double gain = RuleSupport.round1(Math.max(-maxEq, Math.min(maxEq, -deviation)));
            double hz = c.frequencyHz()[b];
            String around = StereoSupport.hertz(hz);
            String sentence = (gain < 0 ? "Cut" : "Boost") + " about " + RuleSupport.f1(Math.abs(gain))
                    + " dB around " + around + " Hz on " + name + " (a bell, Q " + q(b) + ", over the "
                    + TonalBands.band(b).name()
                    + " band, " + edges(b) + " Hz)"
                    + (Math.abs(deviation) > maxEq + RuleSupport.EPSILON_DB
                            ? "; the band is " + RuleSupport.f1(Math.abs(deviation)) + " dB off, more than EQ "
                                    + "should fix: " + (deviation < 0
                                            ? "the parts that play there are missing or far too low."
                                            : "find the part that overloads it.")
                            : ".");
            Map<String, Object> actions = new LinkedHashMap<>();
            actions.put(StereoSupport.EQ_BAND, TonalBands.band(b).id());
            actions.put(StereoSupport.EQ_FREQUENCY_HZ, Math.round(hz * 10) / 10.0);
            actions.put(StereoSupport.EQ_GAIN_DB, gain);
            actions.put(Fix.EQ_Q, bellQ(b));
            // A hint offers no move: an EQ over the whole mix of a session with stems shifts the parts the level
            // rules judge, so applied it would trade a generic tilt for real findings.
            Finding.Builder finding = Finding.of(ID, outside).tracks(name)
                    .message(name + " has " + RuleSupport.f1(Math.abs(deviation)) + " dB "
                            + (deviation > 0 ? "too much " : "too little ") + TonalBands.band(b).name() + " ("
                            + edges(b)
                            + " Hz) against " + c.against() + ": " + StereoSupport.signed(c.value()[b]) + " dB "
                            + c.relativeTo() + ", target " + target.describe() + " (" + centreText(c, b) + ")"
                            + RuleSupport.outside(excess, Units.DB) + "." + c.note()
                            + (outside == Severity.INFO
                                    ? " A hint only: with stems, the level rules judge the"
                                            + " parts, and a generic genre tilt says little about this mix."
                                    : ""))
                    .measured(c.value()[b], Units.DB, c.measure() + ", " + TonalBands.band(b).name() + " band")
                    .target(target);
            if (outside == Severity.INFO) {
                finding.suggestion("If the mix should follow the genre tilt: " + Character.toLowerCase(sentence
                        .charAt(0)) + sentence.substring(1, sentence.length() - 1) + ", or rather on the parts "
                        + "that play there, then check the level rules again.");
            } else {
                finding.fix(new Fix(name, actions), sentence);
            }
            findings.add(finding.build());
        }
        if (judged == 0) {
            findings.add(RuleSupport.cannotJudge(ID, mix, name + "'s tonal balance",
                    "no band has a level in both the mix and its target"));
            return;
        }
        if (findings.isEmpty()) {
            double tolerance = c.hi()[largestBand] - c.centre()[largestBand];
            findings.add(Finding.of(ID, Severity.OK).tracks(name)
                    .message("In every band" + (notMeasured.isEmpty()
                            ? ""
                            : " measured (not: " + RuleSupport.joinNames(notMeasured) + ")") + ", " + name
                            + "'s tonal balance is within ±" + RuleSupport.f1(c.tolerance()) + " dB of "
                            + c.against()
                            + "; largest deviation " + StereoSupport.signed(largest) + " dB in the "
                            + TonalBands.band(largestBand).name() + " band.")
                    .measured(Math.abs(largest), Units.DB, "largest band deviation from the target centre, "
                            + c.measure())
                    .target(Target.atMost(tolerance, Units.DB)).build());
        }
    }

    /**
     * The track's bandwidth, Hz: the spectrum meter's, else the file's Nyquist frequency, else unbounded (a track
     * measured by a plug-in meter without a format).
     */
    static double bandwidthHz(MeasuredTrack track) {
        OptionalDouble measured = track.scalar(MeasurementIds.BANDWIDTH);
        if (measured.isPresent()) {
            return measured.getAsDouble();
        }
        return track.format() == null ? Double.POSITIVE_INFINITY : track.format().sampleRateHz() / 2.0;
    }

    /** Whether a track of this bandwidth holds a band. */
    static boolean covers(double bandwidthHz, int band) {
        return bandwidthHz >= COVERED_SHARE * TonalBands.band(band).highHz();
    }

    /** Sets the bands the track's bandwidth does not reach to NaN (not judged); returns them. */
    private static List<Integer> dropUncovered(MeasuredTrack track, double[] levels) {
        double bandwidth = bandwidthHz(track);
        List<Integer> dropped = new ArrayList<>();
        for (int b = 0; b < BANDS; b++) {
            if (!covers(bandwidth, b)) {
                levels[b] = Double.NaN;
                dropped.add(b);
            }
        }
        return dropped;
    }

    /** Says which bands were left out and why: the file's content stops below them. */
    private static Finding notCovered(MeasuredTrack mix, List<Integer> bands) {
        double bandwidth = bandwidthHz(mix);
        List<String> names = new ArrayList<>();
        for (int b : bands) {
            names.add(TonalBands.band(b).name() + " (" + edges(b) + " Hz)");
        }
        String why = mix.format() != null && bandwidth >= mix.format().sampleRateHz() / 2.0 - 1
                ? "at its sample rate, " + new java.math.BigDecimal(mix.format().sampleRateHz())
                        .movePointLeft(3).stripTrailingZeros().toPlainString() + " kHz, it holds nothing above "
                        + RuleSupport.f1(bandwidth / 1000.0) + " kHz"
                : "its content stops at about " + RuleSupport.f1(bandwidth / 1000.0) + " kHz (a lossy encoder's or"
                        + " a resampler's low-pass)";
        return Finding.of(ID, Severity.INFO).tracks(mix.name())
                .message(mix.name() + "'s " + RuleSupport.joinNames(names)
                        + (bands.size() == 1 ? " band is" : " bands are")
                        + " not judged: " + why + ", and no EQ brings back what the file does not hold.")
                .measured(bandwidth, Units.HZ, "audio bandwidth").build();
    }

    /** "the tilt's -1.0 ± 4.0 dB", "the references' -3.0 to +1.0 dB ± 3.0 dB". */
    private static String centreText(Comparison c, int band) {
        double low = c.lo()[band] + c.tolerance();
        double high = c.hi()[band] - c.tolerance();
        String centre = high - low > RuleSupport.EPSILON_DB
                ? StereoSupport.signed(low) + " to " + StereoSupport.signed(high)
                : StereoSupport.signed(c.centre()[band]);
        return c.centreName() + " " + centre + " ± " + RuleSupport.f1(c.tolerance()) + " dB";
    }

    /**
     * The track's tonal-balance band levels in {@link #BANDS} order (NaN where a band has none), filling
     * {@code frequencies} with each band's reported frequency; null without a tonal-balance spectrum.
     */
    static double[] bandLevels(MeasuredTrack track, double[] frequencies) {
        if (!(track.measurements().get(MeasurementIds.TONAL_BALANCE) instanceof Spectrum spectrum)) {
            return null;
        }
        double[] levels = nan(BANDS);
        double[] f = spectrum.frequenciesHz();
        double[] v = spectrum.values();
        for (int b = 0; b < BANDS; b++) {
            frequencies[b] = TonalBands.band(b).centreHz();
        }
        for (int i = 0; i < f.length; i++) {
            int band = bandOf(f[i]);
            if (band >= 0) {
                levels[band] = v[i];
                frequencies[band] = f[i];
            }
        }
        return levels;
    }

    /**
     * Band levels minus integrated loudness (a mono file compared as dual-mono: its loudness +3.01 dB, its mid
     * unchanged); null when either is missing or no band has a value.
     */
    private static double[] levelMatched(MeasuredTrack track, double[] frequencies) {
        double[] levels = bandLevels(track, frequencies);
        OptionalDouble loudness = track.scalar(MeasurementIds.INTEGRATED_LOUDNESS);
        if (levels == null || loudness.isEmpty()) {
            return null;
        }
        double matched = loudness.getAsDouble() + (track.isMono() ? 10 * Math.log10(2) : 0);
        boolean any = false;
        for (int b = 0; b < levels.length; b++) {
            levels[b] -= matched;
            any |= Double.isFinite(levels[b]);
        }
        return any ? levels : null;
    }

    private static String whyUnusable(MeasuredTrack reference) {
        if (!(reference.measurements().get(MeasurementIds.TONAL_BALANCE) instanceof Spectrum)) {
            return "its tonal-balance spectrum was not measured";
        }
        if (reference.scalar(MeasurementIds.INTEGRATED_LOUDNESS).isEmpty()) {
            return RuleSupport.missingScalar(reference, MeasurementIds.INTEGRATED_LOUDNESS, "integrated loudness");
        }
        return "no band has a level (silent)";
    }

    /** The band whose edges hold the frequency, or -1. */
    static int bandOf(double hz) {
        return TonalBands.indexOf(hz);
    }

    /**
     * The Q of a bell as wide as the band (RBJ cookbook: N octaves wide, Q = sqrt(2^N) / (2^N - 1)), to 0.01: 1.41 for
     * the one-octave low-mid band.
     */
    static double bellQ(int band) {
        double ratio = TonalBands.band(band).highHz() / TonalBands.band(band).lowHz();
        return Math.round(Math.sqrt(ratio) / (ratio - 1) * 100) / 100.0;
    }

    /** "1.41". */
    private static String q(int band) {
        return String.format(java.util.Locale.ROOT, "%.2f", bellQ(band));
    }

    /** "250-500". */
    static String edges(int band) {
        return String.format(java.util.Locale.ROOT, "%.0f-%.0f", TonalBands.band(band).lowHz(),
                TonalBands.band(band).highHz());
    }

    private static double[] nan(int n) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, Double.NaN);
        return values;
    }
}
