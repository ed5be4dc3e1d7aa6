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
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Low end centred: the mix, the bass and the kick must have their low end (below the 200 Hz crossover) in the
 * centre and narrow; other stems only when their wide low end is loud enough to matter. When the mix is off and
 * parts are off too, the parts are the cause and are reported instead of the mix.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + LowEndCentredRule.ID)
public final class LowEndCentredRule implements Rule {

    static final String ID = "lowEnd.centred";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Low end centred",
            "Pan position and side/mid energy below the 200 Hz crossover of the mix, the bass and the kick, and of "
                    + "other stems whose wide low end is loud enough to matter.",
            Set.of(), false, null,
            List.of(new Parameter("maxPanPercent", "Largest low-end pan offset", Units.PERCENT, 0, 100, 10),
                    new Parameter("maxSideDb", "Largest low-end side energy relative to mid", Units.DB, -100, 0, -20),
                    new Parameter("problemPanPercent", "Low-end pan offset from which it is a PROBLEM", Units.PERCENT,
                            0, 100, 50),
                    new Parameter("problemSideDb", "Low-end side energy from which it is a PROBLEM", Units.DB, -100, 20,
                            -6),
                    new Parameter("lowEndWithinDb",
                            "Other stems count when their low end (below the crossover) is within this of the"
                                    + " strongest part's low end",
                            Units.DB, 0, 60, 15),
                    // 1.5 x the crossover: a side high-pass at the crossover itself leaves the side energy between
                    // about 100 Hz and the crossover, which the measure still counts, so the fix would not cure it.
                    new Parameter("sideHighPassHz",
                            "Corner of the side high-pass fix when the track's 1/3-octave spectra were not measured"
                                    + " (else it is computed from them)",
                            Units.HZ, 20, 500, 1.5 * RuleSupport.LOW_END_CROSSOVER_HZ)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** One thing off with one track's low end. */
    /** The highest 1/3-octave band centre counted as low end, Hz (the default crossover). */
    static final double LOW_END_BAND_LIMIT_HZ = 200;
    /**
     * A low end whose channels correlate at least this well is one source at a pan position (a mono bass panned in
     * a stereo file reads 1.0), so a pan centres it.
     */
    static final double ONE_SOURCE_CORRELATION = 0.9;

    private record Issue(MeasuredTrack track, boolean pan, double value, Severity severity) {
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        List<Issue> partIssues = new ArrayList<>();
        // raw tracks are pre-pan: only the mix says where the low end sits
        List<MeasuredTrack> parts = context.session().exportKind() == ExportKind.STEMS ? context.parts() : List.of();
        double strongestLowEnd = Double.NEGATIVE_INFINITY;
        for (MeasuredTrack part : parts) {
            strongestLowEnd = Math.max(strongestLowEnd, lowEndLevel(context, part));
        }
        for (MeasuredTrack part : parts) {
            Role role = part.track().role();
            if (role == Role.BASS || role == Role.KICK) {
                List<Issue> issues = check(context, part, findings);
                if (issues != null) {
                    partIssues.addAll(issues);
                    if (issues.isEmpty()) {
                        findings.add(centred(context, part));
                    }
                }
            } else {
                sideIfLoud(context, part, strongestLowEnd).ifPresent(partIssues::add);
            }
        }
        Optional<MeasuredTrack> mix = context.mix();
        List<Issue> mixIssues = List.of();
        if (mix.isPresent()) {
            mixIssues = check(context, mix.get(), findings);
            if (mixIssues != null && mixIssues.isEmpty()) {
                findings.add(centred(context, mix.get()));
            }
        }
        String mixNote = mixIssues == null || mixIssues.isEmpty() ? "" : " " + mixNote(mix.get(), mixIssues);
        for (Issue issue : partIssues) {
            findings.add(finding(context, issue, mixNote));
        }
        if (partIssues.isEmpty() && mixIssues != null) {
            for (Issue issue : mixIssues) {
                findings.add(finding(context, issue, ""));
            }
        }
        if (findings.isEmpty() && !parts.isEmpty()) {
            findings.add(Finding.of(ID, Severity.OK).tracks(parts.stream().map(MeasuredTrack::name).toList())
                    .message("No stem has a low end that is both wide and loud enough to matter, and there is no "
                            + "mix, bass or kick to check further.")
                    .build());
        }
        return RuleSupport.orNothing(findings, DESCRIPTOR,
                "the session has no mix and no stems (raw tracks are not panned yet).");
    }

    /** The pan and side issues of a track that must be centred; null (with an INFO added) when it cannot judge. */
    private static List<Issue> check(RuleContext context, MeasuredTrack track, List<Finding> findings) {
        OptionalDouble pan = track.scalar(MeasurementIds.LOW_END_PAN);
        OptionalDouble side = track.scalar(MeasurementIds.LOW_END_SIDE);
        String what = track.name() + "'s low end";
        if (pan.isEmpty()) {
            findings.add(RuleSupport.cannotJudge(ID, track, what,
                    RuleSupport.missingScalar(track, MeasurementIds.LOW_END_PAN, "low-end pan")));
            return null;
        }
        if (side.isEmpty() && !track.isMono()) {
            findings.add(RuleSupport.cannotJudge(ID, track, what,
                    RuleSupport.missingScalar(track, MeasurementIds.LOW_END_SIDE, "low-end side energy")));
            return null;
        }
        List<Issue> issues = new ArrayList<>();
        double p = pan.getAsDouble();
        if (Math.abs(p) > context.parameter("maxPanPercent") + RuleSupport.EPSILON_DB) {
            Severity severity = Math.abs(p) >= context.parameter("problemPanPercent") - RuleSupport.EPSILON_DB
                    ? Severity.PROBLEM
                    : Severity.WARN;
            issues.add(new Issue(track, true, p, severity));
        }
        // A mono file has no side signal at all. An off-centre low end has side energy by its nature, and
        // centring it removes both: one cause, one finding.
        if (side.isPresent() && issues.isEmpty()) {
            sideIssue(context, track, side.getAsDouble()).ifPresent(issues::add);
        }
        return issues;
    }

    /**
     * A stem's wide low end matters only when it has a low end worth the name: its energy below the crossover within
     * {@code lowEndWithinDb} of the strongest part's. (Whole-stem loudness would let a hard-panned guitar with hardly
     * anything below 200 Hz count.)
     */
    private static Optional<Issue> sideIfLoud(RuleContext context, MeasuredTrack part, double strongestLowEnd) {
        OptionalDouble side = part.scalar(MeasurementIds.LOW_END_SIDE);
        double lowEnd = lowEndLevel(context, part);
        if (side.isEmpty() || Double.isInfinite(lowEnd)) {
            return Optional.empty(); // silent, mono or no low end: nothing wide to matter
        }
        if (lowEnd < strongestLowEnd - context.parameter("lowEndWithinDb") - RuleSupport.EPSILON_DB) {
            return Optional.empty();
        }
        return sideIssue(context, part, side.getAsDouble());
    }

    /**
     * The part's energy in the 1/3-octave bands centred at or below 200 Hz, dB (left plus right for stereo files,
     * the channel for mono ones, as a centred mono part adds the same power to a stereo mix); when the spectrum was
     * not measured, its pan-law-corrected integrated loudness stands in. -inf when there is none.
     */
    static double lowEndLevel(RuleContext context, MeasuredTrack part) {
        double power = 0;
        boolean measured = false;
        List<String> ids = part.isMono()
                ? List.of(MeasurementIds.THIRD_OCTAVE_SPECTRUM)
                : List.of(MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT, MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT);
        for (String id : ids) {
            if (part.measurements().get(id) instanceof io.mixbench.meter.Spectrum spectrum) {
                double[] hz = spectrum.frequenciesHz();
                double[] db = spectrum.values();
                for (int b = 0; b < hz.length; b++) {
                    if (hz[b] <= LOW_END_BAND_LIMIT_HZ && Double.isFinite(db[b])) {
                        power += Math.pow(10, db[b] / 10);
                        measured = true;
                    }
                }
            }
        }
        if (measured) {
            return power > 0 ? 10 * Math.log10(power) : Double.NEGATIVE_INFINITY;
        }
        OptionalDouble loudness = part.scalar(MeasurementIds.INTEGRATED_LOUDNESS);
        return loudness.isPresent()
                ? loudness.getAsDouble() + RuleSupport.offset(context, part)
                : Double.NEGATIVE_INFINITY;
    }

    private static Optional<Issue> sideIssue(RuleContext context, MeasuredTrack track, double side) {
        if (side <= context.parameter("maxSideDb") + RuleSupport.EPSILON_DB) {
            return Optional.empty();
        }
        Severity severity = side >= context.parameter("problemSideDb") - RuleSupport.EPSILON_DB
                ? Severity.PROBLEM
                : Severity.WARN;
        return Optional.of(new Issue(track, false, side, severity));
    }

    private static Finding centred(RuleContext context, MeasuredTrack track) {
        double pan = track.scalar(MeasurementIds.LOW_END_PAN).orElse(0);
        OptionalDouble side = track.scalar(MeasurementIds.LOW_END_SIDE);
        double maxPan = context.parameter("maxPanPercent");
        String sideText = side.isPresent()
                ? ", side energy " + RuleSupport.f1(side.getAsDouble()) + " dB relative to mid (at most "
                        + RuleSupport.f1(context.parameter("maxSideDb")) + " dB)"
                : " (mono)";
        return Finding.of(ID, Severity.OK).tracks(track.name())
                .message(track.name() + "'s low end is centred: " + position(pan) + " (within ±"
                        + RuleSupport.f1(maxPan) + " %)" + sideText + ".")
                .measured(pan, Units.PERCENT, "low-end pan position below " + crossover() + " Hz")
                .target(Target.between(-maxPan, maxPan, Units.PERCENT)).build();
    }

    private static Finding finding(RuleContext context, Issue issue, String mixNote) {
        MeasuredTrack track = issue.track();
        String name = track.name();
        boolean isMix = track.track().role() == Role.MIX;
        Finding.Builder builder = Finding.of(ID, issue.severity()).tracks(name);
        SideMove move = sideMove(context, track);
        Fix sideFix = move.fix();
        String sideSentence = move.sentence();
        if (issue.pan()) {
            double maxPan = context.parameter("maxPanPercent");
            builder.message(name + "'s low end sits " + position(issue.value()) + " (below " + crossover()
                    + " Hz); target within ±" + RuleSupport.f1(maxPan) + " %." + mixNote)
                    .measured(issue.value(), Units.PERCENT, "low-end pan position below " + crossover() + " Hz")
                    .target(Target.between(-maxPan, maxPan, Units.PERCENT));
            if (isMix) {
                // a mix cannot be panned; folding its low end to mono centres it
                builder.fix(sideFix, "Centre the low end of " + name + ": " + sideSentence.substring(0, 1)
                        .toLowerCase(Locale.ROOT) + sideSentence.substring(1));
            } else if (track.isMono()) {
                builder.fix(Fix.pan(name, 0), "Pan " + name + " to the centre (its panner sits "
                        + position(issue.value()) + ").");
            } else if (stereoLowEnd(track)) {
                // Two different signals below the crossover (a stereo patch, two mics): panning or balancing
                // would move one of them; making the low end mono centres it and keeps the top's width.
                builder.fix(sideFix, "Make the low end of " + name + " mono: " + move.clause()
                        + ", so both channels carry the same low end (it is a stereo signal there, not one "
                        + "panned source, so a pan or balance move would not centre it).");
            } else {
                builder.fix(Fix.pan(name, 0), name + " is one source panned " + position(issue.value())
                        + " in a stereo file: pan it to the centre, folding the file to mono first (a balance "
                        + "control would only turn one side down).");
            }
        } else {
            double maxSide = context.parameter("maxSideDb");
            builder.message(name + " has a wide low end: side energy " + RuleSupport.f1(issue.value())
                    + " dB relative to mid below " + crossover() + " Hz; target at most " + RuleSupport.f1(maxSide)
                    + " dB." + mixNote)
                    .measured(issue.value(), Units.DB, "low-end side/mid energy below " + crossover() + " Hz")
                    .target(Target.atMost(maxSide, Units.DB)).fix(sideFix, sideSentence);
        }
        return builder.build();
    }

    /** The move that takes a track's low-end side energy away: its fix, its sentence, and the sentence's verb clause. */
    private record SideMove(Fix fix, String sentence, String clause) {
    }

    /**
     * The side high-pass at the lowest corner (5 or 10 Hz steps) at which the track's low-end side energy, predicted
     * from its 1/3-octave spectra, falls {@link SideHighPass#MARGIN_DB} under both {@code maxSideDb} and the side
     * energy at which the low end could still sit {@code maxPanPercent} off centre; when no corner up to
     * {@link SideHighPass#HIGHEST_HZ} does, narrowing the track by the needed amount. Without the spectra, the
     * {@code sideHighPassHz} parameter.
     */
    private static SideMove sideMove(RuleContext context, MeasuredTrack track) {
        String name = track.name();
        OptionalDouble side = track.scalar(MeasurementIds.LOW_END_SIDE);
        Optional<SideHighPass.Powers> powers = SideHighPass.powers(track);
        double hz = context.parameter("sideHighPassHz");
        if (side.isPresent() && powers.isPresent()) {
            double target = Math.min(context.parameter("maxSideDb"),
                    sideDbForPan(context.parameter("maxPanPercent"))) - SideHighPass.MARGIN_DB;
            double measured = side.getAsDouble();
            Optional<Double> corner = SideHighPass.lowestCorner(
                    f -> measured + SideHighPass.lowEndSideChangeDb(powers.get(), f) <= target);
            if (corner.isEmpty()) {
                // Side narrowing scales every band's side/mid ratio alike (StereoSupport).
                double percent = Math.floor(StereoSupport.widthPercentFor(measured, target) * 10) / 10;
                String width = " to " + RuleSupport.f1(percent) + " % width (its side energy reaches so far up "
                        + "that a side high-pass below " + SideHighPass.hertz(SideHighPass.HIGHEST_HZ)
                        + " Hz would not clear its low end)";
                return new SideMove(new Fix(name, Map.of(StereoSupport.WIDTH_PERCENT, percent)),
                        "Narrow " + name + width + ".", "narrow it" + width);
            }
            hz = corner.get();
        }
        String clause = "high-pass its side below " + SideHighPass.describe(hz);
        return new SideMove(SideHighPass.fix(name, hz),
                "High-pass the side of " + name + " below " + SideHighPass.describe(hz) + ".", clause);
    }

    /**
     * The side/mid energy (dB) at which a low end can sit at most {@code panPercent} off centre: with L = M + S and
     * R = M - S, E_R / E_L is at least ((1 - s) / (1 + s))^2 for s = sqrt(E_S / E_M), whatever S holds.
     */
    static double sideDbForPan(double panPercent) {
        double t = Math.tan((1 - Math.min(100, panPercent) / 100) * Math.PI / 4);
        double s = (1 - t) / (1 + t);
        return s > 0 ? Math.max(-StereoSupport.FLOOR_DB, 20 * Math.log10(s)) : -StereoSupport.FLOOR_DB;
    }

    /**
     * Whether the part's channels carry different signals below the crossover (correlation under
     * {@link #ONE_SOURCE_CORRELATION}): then no pan position centres it. Without the correlation (one channel
     * silent there, or not measured) it is taken as one panned source.
     */
    static boolean stereoLowEnd(MeasuredTrack track) {
        OptionalDouble r = track.scalar(MeasurementIds.LOW_END_CORRELATION);
        return r.isPresent() && r.getAsDouble() < ONE_SOURCE_CORRELATION;
    }

    private static String mixNote(MeasuredTrack mix, List<Issue> issues) {
        List<String> parts = new ArrayList<>();
        for (Issue issue : issues) {
            parts.add(issue.pan()
                    ? "sits " + position(issue.value())
                    : "has side energy " + RuleSupport.f1(issue.value()) + " dB relative to mid");
        }
        return "This is why the low end of " + mix.name() + " is off too: it " + RuleSupport.joinNames(parts) + ".";
    }

    /** "40 % right", "12 % left", "in the centre". */
    private static String position(double pan) {
        double rounded = Math.round(pan);
        if (rounded == 0) {
            return "in the centre";
        }
        return String.format(Locale.ROOT, "%.0f %% %s", Math.abs(rounded), rounded > 0 ? "right" : "left");
    }

    private static String crossover() {
        return hertz(RuleSupport.LOW_END_CROSSOVER_HZ);
    }

    /** "200", "62.5". */
    private static String hertz(double hz) {
        return hz == Math.rint(hz) ? String.format(Locale.ROOT, "%.0f", hz) : RuleSupport.f1(hz);
    }
}
