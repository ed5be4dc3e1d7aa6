package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Spectrum;
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
import io.mixbench.rule.TimeRange;
import io.mixbench.session.ExportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Mono compatibility: how much the mix and each stem lose when folded to mono (M = (L + R) / 2), overall and per
 * octave band, beyond the -3 dB that decorrelation (or hard panning) explains; more is lost only where the
 * channels are in opposite polarity. Stems that cancel are named with their bands; when the mix loses too, those
 * stems are its cause and are reported instead of the mix.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + MonoCompatibilityRule.ID)
public final class MonoCompatibilityRule implements Rule {

    static final String ID = "mono.compatibility";
    /** The loss of decorrelated or hard-panned content, dB: 10 log10(1/2). */
    static final double DECORRELATED_LOSS_DB = -10 * Math.log10(2);

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Mono compatibility",
            "The mono-sum loss (level change when folded to mono, M = (L + R) / 2) of the mix and each stem, "
                    + "overall and per octave band, against the -3 dB that decorrelation explains; names the "
                    + "stems whose channels cancel and where.",
            Set.of(), false, null,
            List.of(new Parameter("warnLossDb", "Overall mono-sum loss at or below which it is a WARN", Units.DB, -100,
                    0, -4),
                    new Parameter("problemLossDb", "Overall mono-sum loss at or below which it is a PROBLEM", Units.DB,
                            -100, 0, -6),
                    new Parameter("bandWarnLossDb", "Octave-band mono-sum loss at or below which it is a WARN",
                            Units.DB, -100, 0, -6),
                    new Parameter("bandProblemLossDb", "Octave-band mono-sum loss at or below which it is a PROBLEM",
                            Units.DB, -100, 0, -10),
                    new Parameter("bandRangeDb",
                            "Octave bands more than this below the track's strongest band are not judged", Units.DB, 0,
                            100, 30),
                    new Parameter("loudWithinLu",
                            "Stems quieter than the loudest part by more than this are reported as INFO only",
                            Units.LU, 0, 100, 20),
                    new Parameter("minWidthPercent",
                            "Narrowest width the fix proposes; a track that needs less gets a polarity fix",
                            Units.PERCENT, 0, 100, 20),
                    new Parameter("maxTimeRanges", "Most time ranges listed per finding", Units.COUNT, 0, 100, 10)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** One octave band of a track's mono-sum loss. */
    private record Band(double frequencyHz, double lossDb, Severity severity) {
    }

    /** What one track's fold to mono gives. */
    private record Judgement(MeasuredTrack track, double lossDb, Severity overall, List<Band> flagged,
            boolean bandsMeasured, Severity severity, double quietBelowLu) {

        Band worstBand() {
            return flagged.stream().min((a, b) -> Double.compare(a.lossDb(), b.lossDb())).orElse(null);
        }

        boolean isIssue() {
            return severity == Severity.WARN || severity == Severity.PROBLEM;
        }
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        List<String> cannot = new ArrayList<>();
        List<String> cannotTracks = new ArrayList<>();
        // raw tracks are not panned or widened yet: only the mix says what folds
        List<MeasuredTrack> parts = context.session().exportKind() == ExportKind.STEMS ? context.parts() : List.of();
        double loudest = Double.NEGATIVE_INFINITY;
        for (MeasuredTrack part : parts) {
            OptionalDouble loudness = StereoSupport.loudness(context, part);
            if (loudness.isPresent()) {
                loudest = Math.max(loudest, loudness.getAsDouble());
            }
        }
        List<Judgement> partJudgements = new ArrayList<>();
        for (MeasuredTrack part : parts) {
            Optional<Judgement> judged = judge(context, part, loudest, cannot);
            if (judged.isPresent()) {
                partJudgements.add(judged.get());
            } else {
                cannotTracks.add(part.name());
            }
        }
        Optional<Judgement> mix = Optional.empty();
        if (context.mix().isPresent()) {
            mix = judge(context, context.mix().get(), Double.NaN, cannot);
            if (mix.isEmpty()) {
                cannotTracks.add(context.mix().get().name());
            }
        }
        List<Judgement> culprits = partJudgements.stream().filter(Judgement::isIssue).toList();
        String mixNote = "";
        if (mix.isPresent() && mix.get().isIssue() && !culprits.isEmpty()) {
            mixNote = " " + mixNote(mix.get());
        } else if (mix.isPresent()) {
            findings.add(mix.get().isIssue()
                    ? issue(context, mix.get(),
                            " No single stem explains it: parts panned apart may be in opposite polarity to each "
                                    + "other (a double-tracked part, a stereo pair of mics).")
                    : passed(context, mix.get()));
        }
        List<Judgement> fine = new ArrayList<>();
        for (Judgement judgement : partJudgements) {
            if (judgement.isIssue()) {
                findings.add(issue(context, judgement, mixNote));
            } else if (judgement.severity() == Severity.INFO) {
                findings.add(quiet(context, judgement));
            } else {
                fine.add(judgement);
            }
        }
        if (!fine.isEmpty()) {
            findings.add(stemsPassed(context, fine));
        }
        if (!cannot.isEmpty()) {
            findings.add(Finding.of(ID, Severity.INFO).tracks(cannotTracks)
                    .message("Cannot judge the mono compatibility of " + RuleSupport.joinNames(cannot) + ".").build());
        }
        return RuleSupport.orNothing(findings, DESCRIPTOR,
                "the session has no mix and no stems (raw tracks are not panned yet).");
    }

    private static Optional<Judgement> judge(RuleContext context, MeasuredTrack track, double loudest,
            List<String> cannot) {
        OptionalDouble loss = track.scalar(StereoSupport.MONO_SUM_LOSS);
        if (track.isMono() && loss.isEmpty()) {
            loss = OptionalDouble.of(0); // one channel folds to itself
        }
        if (loss.isEmpty()) {
            cannot.add(track.name() + " (" + RuleSupport.missingScalar(track, StereoSupport.MONO_SUM_LOSS,
                    "mono-sum loss") + ")");
            return Optional.empty();
        }
        double value = loss.getAsDouble();
        Severity overall = lossSeverity(value, context.parameter("warnLossDb"), context.parameter("problemLossDb"));
        List<Band> flagged = new ArrayList<>();
        boolean bandsMeasured = false;
        if (!track.isMono() && track.measurements().get(MeasurementIds.OCTAVE_MONO_SUM_LOSS) instanceof Spectrum s) {
            bandsMeasured = true;
            flagged = flaggedBands(context, track, s);
        }
        Severity severity = overall;
        for (Band band : flagged) {
            severity = max(severity, band.severity());
        }
        double quietBelow = Double.NaN;
        OptionalDouble loudness = StereoSupport.loudness(context, track);
        if (Double.isFinite(loudest) && loudness.isPresent()) {
            double below = loudest - loudness.getAsDouble();
            if (below > context.parameter("loudWithinLu") + RuleSupport.EPSILON_DB
                    && (severity == Severity.WARN || severity == Severity.PROBLEM)) {
                quietBelow = below;
                severity = Severity.INFO;
            }
        }
        return Optional.of(new Judgement(track, value, overall, flagged, bandsMeasured, severity, quietBelow));
    }

    /** At or below the PROBLEM limit PROBLEM, at or below the WARN limit WARN, else OK. */
    private static Severity lossSeverity(double loss, double warn, double problem) {
        if (loss <= Math.min(warn, problem) + RuleSupport.EPSILON_DB) {
            return Severity.PROBLEM;
        }
        return loss <= warn + RuleSupport.EPSILON_DB ? Severity.WARN : Severity.OK;
    }

    private static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * The octave bands at or below the band WARN limit, among those that hold enough energy: within
     * {@code bandRangeDb} of the track's strongest octave (left plus right power of its 1/3-octave bands). Without
     * the left and right spectra every band with a value is judged.
     */
    private static List<Band> flaggedBands(RuleContext context, MeasuredTrack track, Spectrum losses) {
        double[] f = losses.frequenciesHz();
        double[] v = losses.values();
        double[] energy = octaveEnergies(track, f);
        double strongest = Double.NEGATIVE_INFINITY;
        for (double e : energy) {
            if (Double.isFinite(e)) {
                strongest = Math.max(strongest, e);
            }
        }
        double range = context.parameter("bandRangeDb");
        double warn = context.parameter("bandWarnLossDb");
        double problem = context.parameter("bandProblemLossDb");
        List<Band> flagged = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            if (!Double.isFinite(v[i])) {
                continue;
            }
            if (strongest > Double.NEGATIVE_INFINITY
                    && !(energy[i] >= strongest - range - RuleSupport.EPSILON_DB)) {
                continue; // too little there to be heard, or nothing at all
            }
            Severity severity = lossSeverity(v[i], warn, problem);
            if (severity != Severity.OK) {
                flagged.add(new Band(f[i], v[i], severity));
            }
        }
        return flagged;
    }

    /**
     * Per octave centre, the power sum (dB) of the left and right 1/3-octave bands within half an octave of it; all
     * NaN when the track has no left and right spectra.
     */
    private static double[] octaveEnergies(MeasuredTrack track, double[] octaves) {
        double[] energy = new double[octaves.length];
        java.util.Arrays.fill(energy, Double.NaN);
        if (!(track.measurements().get(MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT) instanceof Spectrum left)
                || !(track.measurements().get(MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT) instanceof Spectrum right)) {
            return energy;
        }
        double[] power = new double[octaves.length];
        for (Spectrum side : List.of(left, right)) {
            double[] f = side.frequenciesHz();
            double[] v = side.values();
            for (int i = 0; i < f.length; i++) {
                if (!Double.isFinite(v[i])) {
                    continue;
                }
                for (int o = 0; o < octaves.length; o++) {
                    if (Math.abs(Math.log(f[i] / octaves[o]) / Math.log(2)) < 0.5) {
                        power[o] += RuleSupport.toPower(v[i]);
                    }
                }
            }
        }
        for (int o = 0; o < octaves.length; o++) {
            energy[o] = power[o] > 0 ? RuleSupport.toDb(power[o]) : Double.NaN;
        }
        return energy;
    }

    // ---- findings ---------------------------------------------------------------------------------------------

    private static Finding issue(RuleContext context, Judgement j, String note) {
        String name = j.track().name();
        Band worst = j.worstBand();
        boolean overallDecides = worst == null || j.overall().compareTo(worst.severity()) >= 0;
        StringBuilder message = new StringBuilder(name).append(lossText(j.lossDb()))
                .append(" when folded to mono (mono-sum loss; decorrelation alone explains down to ")
                .append(RuleSupport.f1(DECORRELATED_LOSS_DB)).append(" dB)");
        message.append(bandText(j)).append("; target at least ").append(RuleSupport.f1(context.parameter("warnLossDb")))
                .append(" dB overall and ").append(RuleSupport.f1(context.parameter("bandWarnLossDb")))
                .append(" dB per octave band.").append(note);
        Finding.Builder builder = Finding.of(ID, j.severity()).tracks(name).message(message.toString());
        measuredAndTarget(context, builder, j, overallDecides, worst);
        fix(context, builder, j);
        builder.timeRanges(timeRanges(context, j.track()));
        return builder.build();
    }

    private static Finding quiet(RuleContext context, Judgement j) {
        String name = j.track().name();
        Band worst = j.worstBand();
        boolean overallDecides = worst == null || j.overall().compareTo(worst.severity()) >= 0;
        Finding.Builder builder = Finding.of(ID, Severity.INFO).tracks(name)
                .message(name + lossText(j.lossDb()) + " when folded to mono (mono-sum loss)"
                        + bandText(j) + ", but it is " + RuleSupport.f1(j.quietBelowLu())
                        + " LU below the loudest part (integrated loudness, pan-law corrected), too quiet to "
                        + "matter in the mix.");
        measuredAndTarget(context, builder, j, overallDecides, worst);
        return builder.suggestion("Check the polarity and any stereo widener on " + name + ".").build();
    }

    private static void measuredAndTarget(RuleContext context, Finding.Builder builder, Judgement j,
            boolean overallDecides, Band worst) {
        if (overallDecides) {
            builder.measured(j.lossDb(), Units.DB, "mono-sum loss, M = (L + R) / 2, whole signal")
                    .target(Target.atLeast(context.parameter("warnLossDb"), Units.DB));
        } else {
            builder.measured(worst.lossDb(), Units.DB,
                    "mono-sum loss, M = (L + R) / 2, in the " + octave(worst.frequencyHz()) + " Hz octave band")
                    .target(Target.atLeast(context.parameter("bandWarnLossDb"), Units.DB));
        }
    }

    /** ", its channels cancel in the 125 Hz and 250 Hz octaves (-20.0 and -14.0 dB)", or "". */
    private static String bandText(Judgement j) {
        if (j.flagged().isEmpty()) {
            return j.bandsMeasured() || j.track().isMono() ? "" : " (the per-octave loss was not measured)";
        }
        List<String> bands = j.flagged().stream().map(b -> octave(b.frequencyHz()) + " Hz").toList();
        List<String> values = j.flagged().stream().map(b -> RuleSupport.f1(b.lossDb())).distinct().toList();
        String figures = values.size() == 1 && bands.size() > 1
                ? "each " + values.get(0)
                : RuleSupport.joinNames(j.flagged().stream().map(b -> RuleSupport.f1(b.lossDb())).toList());
        return ", its channels cancel in the " + RuleSupport.joinNames(bands)
                + (bands.size() == 1 ? " octave (" : " octaves (") + figures + " dB)";
    }

    /** " loses 5.0 dB", or " cancels completely (-100.0 dB, the meter's floor)". */
    private static String lossText(double lossDb) {
        return lossDb <= -StereoSupport.FLOOR_DB + 0.05
                ? " cancels completely (" + RuleSupport.f1(lossDb) + " dB, the meter's floor)"
                : " loses " + RuleSupport.f1(-lossDb) + " dB";
    }

    /**
     * The structured fix: a side high-pass when only octaves below the low-end crossover cancel (at the lowest corner
     * that clears every octave band, from the 1/3-octave spectra, or twice the highest one's centre frequency without
     * them); else narrowing the width so every flagged
     * measure comes back to the decorrelation point (width 0 dB, loss -3 dB), unless that leaves less than
     * {@code minWidthPercent}: then the channels are largely in opposite polarity and narrowing would silence the
     * part, so the fix is a polarity check.
     */
    private static void fix(RuleContext context, Finding.Builder builder, Judgement j) {
        String name = j.track().name();
        boolean overallFlagged = j.overall() != Severity.OK;
        double highestLowHz = 0;
        boolean onlyLow = !overallFlagged && !j.flagged().isEmpty();
        double widest = overallFlagged
                ? StereoSupport.width(j.track()).orElse(StereoSupport.widthFromLoss(j.lossDb()))
                : -StereoSupport.FLOOR_DB;
        for (Band band : j.flagged()) {
            double upperEdge = band.frequencyHz() * Math.sqrt(2);
            if (upperEdge <= RuleSupport.LOW_END_CROSSOVER_HZ) {
                highestLowHz = Math.max(highestLowHz, band.frequencyHz());
            } else {
                onlyLow = false;
            }
            widest = Math.max(widest, StereoSupport.widthFromLoss(band.lossDb()));
        }
        Optional<SideHighPass.Powers> powers = SideHighPass.powers(j.track());
        Optional<Double> corner = Optional.empty();
        if (onlyLow && powers.isPresent()
                && j.track().measurements().get(MeasurementIds.OCTAVE_MONO_SUM_LOSS) instanceof Spectrum losses) {
            corner = SideHighPass.lowestCorner(hz -> foldsAfter(context, losses, powers.get(), hz));
            onlyLow = corner.isPresent();
        }
        if (onlyLow) {
            // Without the spectra: an octave above the band's centre, so the filter's slope leaves the whole band mono.
            double hz = corner.orElse(Math.ceil(2 * highestLowHz / 10) * 10);
            builder.fix(SideHighPass.fix(name, hz),
                    "Check the polarity of the low end of " + name + " (a stereo bass patch, two bass mics): "
                            + "high-pass its side below " + SideHighPass.describe(hz)
                            + ", so the low end folds to mono.");
            return;
        }
        // floor to 0.1 % so the narrowed width really reaches the decorrelation point
        double percent = Math.floor(StereoSupport.widthPercentFor(widest, 0) * 10) / 10;
        if (percent >= context.parameter("minWidthPercent") - RuleSupport.EPSILON_DB) {
            builder.fix(new Fix(name, Map.of(StereoSupport.WIDTH_PERCENT, percent)),
                    "Check the polarity and any stereo widener on " + name + "; if the width is intended, narrow it "
                            + "to " + RuleSupport.f1(percent) + " % so it folds to mono without cancelling.");
        } else {
            OptionalDouble r = j.track().scalar(StereoSupport.CORRELATION);
            String correlation = r.isPresent()
                    ? " (correlation " + String.format(Locale.ROOT, "%.2f", r.getAsDouble()) + ")"
                    : "";
            builder.fix(new Fix(name, Map.of(StereoSupport.MONO_COMPATIBLE, true)),
                    "Check the polarity of " + name + "'s channels and any stereo widener on it: they largely "
                            + "cancel when folded to mono" + correlation
                            + "; invert the polarity of one channel or bypass the widener.");
        }
    }

    /**
     * Whether, after a side high-pass at {@code cornerHz}, every octave band folds {@link SideHighPass#MARGIN_DB}
     * better than {@code bandWarnLossDb} or falls that much further out of the judged range. A band's side/mid ratio
     * follows from its measured loss (loss = -10 log10(1 + E_S / E_M)) and shrinks by the filter's response over its
     * 1/3-octave bands, weighted by their side power.
     */
    static boolean foldsAfter(RuleContext context, Spectrum losses, SideHighPass.Powers p, double cornerHz) {
        double[] octaves = losses.frequenciesHz();
        double[] energy = new double[octaves.length];
        double[] ratio = new double[octaves.length];
        double strongest = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < octaves.length; o++) {
            double sideBefore = 0;
            double sideAfter = 0;
            double mid = 0;
            for (int b = 0; b < p.hz().length; b++) {
                if (Math.abs(Math.log(p.hz()[b] / octaves[o]) / Math.log(2)) < 0.5) {
                    double h = SideHighPass.bandMean(p.hz()[b], cornerHz, false);
                    sideBefore += p.side()[b];
                    sideAfter += p.side()[b] * h;
                    mid += p.mid()[b];
                }
            }
            double lossDb = losses.values()[o];
            ratio[o] = Double.isFinite(lossDb)
                    ? (Math.pow(10, -lossDb / 10) - 1) * (sideBefore > 0 ? sideAfter / sideBefore : 1)
                    : Double.NaN;
            // left plus right = 2 (mid + side)
            energy[o] = mid + sideAfter > 0 ? RuleSupport.toDb(2 * (mid + sideAfter)) : Double.NEGATIVE_INFINITY;
            strongest = Math.max(strongest, energy[o]);
        }
        double range = context.parameter("bandRangeDb") + SideHighPass.MARGIN_DB;
        double limit = context.parameter("bandWarnLossDb") + SideHighPass.MARGIN_DB;
        for (int o = 0; o < octaves.length; o++) {
            if (Double.isNaN(ratio[o]) || energy[o] < strongest - range) {
                continue;
            }
            if (-10 * Math.log10(1 + ratio[o]) < limit) {
                return false;
            }
        }
        return true;
    }

    private static List<TimeRange> timeRanges(RuleContext context, MeasuredTrack track) {
        double threshold = StereoSupport.correlationAtLoss(context.parameter("warnLossDb"));
        return StereoSupport.correlationBelow(track, threshold, StereoSupport.count(context, "maxTimeRanges"));
    }

    private static String mixNote(Judgement mix) {
        Band worst = mix.worstBand();
        return "It drops out of " + mix.track().name() + " in mono, which loses " + RuleSupport.f1(-mix.lossDb())
                + " dB overall" + (worst == null
                        ? ""
                        : " and " + RuleSupport.f1(-worst.lossDb()) + " dB in the " + octave(worst.frequencyHz())
                                + " Hz octave")
                + ".";
    }

    private static Finding passed(RuleContext context, Judgement j) {
        String name = j.track().name();
        String bands = j.bandsMeasured()
                ? ", no octave band at or below " + RuleSupport.f1(context.parameter("bandWarnLossDb")) + " dB"
                : j.track().isMono() ? " (mono)" : " (the per-octave loss was not measured)";
        return Finding.of(ID, Severity.OK).tracks(name)
                .message(name + " folds to mono with " + RuleSupport.f1(j.lossDb()) + " dB (mono-sum loss; "
                        + "decorrelation alone explains down to " + RuleSupport.f1(DECORRELATED_LOSS_DB) + " dB)"
                        + bands + ".")
                .measured(j.lossDb(), Units.DB, "mono-sum loss, M = (L + R) / 2, whole signal")
                .target(Target.atLeast(context.parameter("warnLossDb"), Units.DB)).build();
    }

    private static Finding stemsPassed(RuleContext context, List<Judgement> fine) {
        Judgement worst = fine.stream().min((a, b) -> Double.compare(a.lossDb(), b.lossDb())).get();
        List<String> names = fine.stream().map(j -> j.track().name()).toList();
        String subject = names.size() == 1 ? names.get(0) + " folds" : "Every one of " + names.size() + " stems folds";
        return Finding.of(ID, Severity.OK).tracks(names)
                .message(subject + " to mono without cancelling: mono-sum loss at least " + RuleSupport.f1(
                        context.parameter("warnLossDb")) + " dB overall and "
                        + RuleSupport.f1(context.parameter("bandWarnLossDb")) + " dB per octave band (lowest overall "
                        + RuleSupport.f1(worst.lossDb()) + " dB, " + worst.track().name() + ").")
                .measured(worst.lossDb(), Units.DB, "mono-sum loss, M = (L + R) / 2, whole signal, lowest stem")
                .target(Target.atLeast(context.parameter("warnLossDb"), Units.DB)).build();
    }

    /** "31.5", "125", "1000". */
    private static String octave(double hz) {
        return hz == Math.rint(hz) ? String.format(Locale.ROOT, "%.0f", hz) : RuleSupport.f1(hz);
    }
}
