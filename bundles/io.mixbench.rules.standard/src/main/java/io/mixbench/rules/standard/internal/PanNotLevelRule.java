package io.mixbench.rules.standard.internal;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.StereoEnergies;
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
import io.mixbench.rules.standard.internal.RuleSupport.Element;
import io.mixbench.session.ExportKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Pan is not level: a hard-panned element must still sit below the loudest centred element where both play.
 * Panning moves a part, it does not make it quieter: BS.1770 loudness (and the ear) sums both channels, so a part
 * hard left is as loud as the same part in the centre.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + PanNotLevelRule.ID)
public final class PanNotLevelRule implements Rule {

    static final String ID = "pan.notLevel";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Pan is not level",
            "A hard-panned element against the loudest centred element, short-term loudness (pan-law corrected, "
                    + "power mean where both play): it must stay below it by a margin.",
            Set.of(), false, ExportKind.STEMS,
            List.of(new Parameter("hardPanPercent", "Pan position beyond which an element counts as hard-panned",
                    Units.PERCENT, 0, 100, 80),
                    new Parameter("centredPanPercent", "Pan position within which an element counts as centred",
                            Units.PERCENT, 0, 100, 20),
                    new Parameter("belowCentredDb",
                            "Least distance of a hard-panned element below the loudest centred element", Units.DB, -24,
                            24, 3),
                    RuleSupport.warnMargin(), RuleSupport.problemMargin(),
                    new Parameter("maxTimeRanges", "Most time ranges listed per finding", Units.COUNT, 0, 100, 10)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** An element and its energy pan position, %. */
    private record Placed(Element element, double pan) {
    }

    /** A hard-panned element against one centred element over the steps where both play. */
    private record Comparison(Placed centred, double differenceDb, double seconds, boolean[] both, double[] hard,
            double[] other) {
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        List<String> cannot = new ArrayList<>();
        List<String> cannotTracks = new ArrayList<>();
        List<Placed> hard = new ArrayList<>();
        List<Placed> centred = new ArrayList<>();
        double hardPan = context.parameter("hardPanPercent");
        double centredPan = context.parameter("centredPanPercent");
        double widest = 0;
        List<String> judged = new ArrayList<>();
        for (Element element : RuleSupport.elements(context.parts())) {
            OptionalDouble pan = pan(context, element);
            if (pan.isEmpty()) {
                cannot.add(element.name() + " (" + (element.tracks().size() == 1
                        ? RuleSupport.missingScalar(element.tracks().get(0), MeasurementIds.PAN, "pan position")
                        : "its tracks' pan positions and RMS levels are missing") + ")");
                cannotTracks.addAll(element.trackNames());
                continue;
            }
            double p = pan.getAsDouble();
            judged.addAll(element.trackNames());
            widest = Math.abs(p) > Math.abs(widest) ? p : widest;
            if (Math.abs(p) > hardPan + RuleSupport.EPSILON_DB) {
                hard.add(new Placed(element, p));
            } else if (Math.abs(p) <= centredPan + RuleSupport.EPSILON_DB) {
                centred.add(new Placed(element, p));
            }
        }
        if (hard.isEmpty() && !judged.isEmpty()) {
            findings.add(Finding.of(ID, Severity.OK).tracks(judged)
                    .message("No part is panned hard (beyond ±" + RuleSupport.f1(hardPan) + " %); the widest sits "
                            + position(widest) + ".")
                    .measured(Math.abs(widest), Units.PERCENT, "largest energy pan position")
                    .target(Target.atMost(hardPan, Units.PERCENT)).build());
        }
        for (Placed element : hard) {
            findings.add(judge(context, element, centred));
        }
        if (!cannot.isEmpty()) {
            findings.add(Finding.of(ID, Severity.INFO).tracks(cannotTracks)
                    .message("Cannot judge the pan position of " + RuleSupport.joinNames(cannot) + ".").build());
        }
        return RuleSupport.orNothing(findings, DESCRIPTOR, "the session has no stems.");
    }

    private static Finding judge(RuleContext context, Placed hard, List<Placed> centred) {
        Element element = hard.element();
        String what = element.name() + "'s level against the centred parts";
        if (centred.isEmpty()) {
            return RuleSupport.cannotJudge(ID, element.trackNames(), what,
                    "no part is centred (within ±" + RuleSupport.f1(context.parameter("centredPanPercent")) + " %)");
        }
        Optional<double[]> loudness = RuleSupport.loudnessSeries(context, element, MeasurementIds.SHORT_TERM_SERIES);
        Optional<boolean[]> active = RuleSupport.activity(element);
        if (loudness.isEmpty() || active.isEmpty()) {
            return RuleSupport.cannotJudge(ID, element.trackNames(), what,
                    "its short-term loudness or activity series is missing");
        }
        double step = RuleSupport.stepSeconds(element, MeasurementIds.SHORT_TERM_SERIES);
        Comparison loudest = null;
        for (Placed other : centred) {
            Optional<double[]> otherLoudness = RuleSupport.loudnessSeries(context, other.element(),
                    MeasurementIds.SHORT_TERM_SERIES);
            Optional<boolean[]> otherActive = RuleSupport.activity(other.element());
            if (otherLoudness.isEmpty() || otherActive.isEmpty()) {
                continue;
            }
            Comparison c = compare(other, loudness.get(), active.get(), otherLoudness.get(), otherActive.get(), step);
            if (c != null && (loudest == null || meanOf(c.other(), c.both()) > meanOf(loudest.other(),
                    loudest.both()))) {
                loudest = c;
            }
        }
        if (loudest == null) {
            return RuleSupport.cannotJudge(ID, element.trackNames(), what,
                    "no centred part plays (with a short-term loudness) while it plays");
        }
        double below = context.parameter("belowCentredDb");
        Target target = Target.atMost(-below, Units.DB);
        double difference = loudest.differenceDb();
        double excess = target.excess(difference);
        Severity severity = RuleSupport.severityFromMargins(context, excess);
        String centredName = loudest.centred().element().name();
        String relation = difference >= 0
                ? RuleSupport.f1(difference) + " dB above " + centredName
                : RuleSupport.f1(-difference) + " dB below " + centredName;
        StringBuilder message = new StringBuilder().append(element.name()).append(" is panned ")
                .append(position(hard.pan())).append(severity == Severity.OK ? " and sits " : " yet sits ")
                .append(relation).append(", the loudest centred part where both play (short-term loudness, pan-law ")
                .append("corrected, power mean over ").append(RuleSupport.f1(loudest.seconds()))
                .append(" s); target at least ").append(RuleSupport.f1(below)).append(" dB below it")
                .append(excess > RuleSupport.EPSILON_DB ? ", so " + RuleSupport.f1(excess) + " dB too loud" : "")
                .append('.');
        if (severity != Severity.OK) {
            message.append(" Panning does not make a part quieter in the mix.");
        }
        Finding.Builder builder = Finding.of(ID, severity).tracks(element.trackNames()).message(message.toString())
                .measured(difference, Units.DB,
                        "short-term loudness minus the loudest centred part's, power mean where both play")
                .target(target);
        if (severity == Severity.WARN || severity == Severity.PROBLEM) {
            // round the cut up to the next 0.1 dB so the fix really reaches the target
            double gain = -Math.ceil(excess * 10 - 1e-9) / 10;
            String sentence = RuleSupport.gainSentence(RuleSupport.joinNames(element.trackNames()), gain);
            builder.fix(Fix.gain(element.tracks().get(0).name(), gain),
                    sentence.substring(0, sentence.length() - 1) + ": panning it " + side(hard.pan())
                            + " does not make it quieter in the mix.");
            builder.timeRanges(above(loudest, -below, step, StereoSupport.count(context, "maxTimeRanges")));
        }
        return builder.build();
    }

    /** The comparison over the steps where both play and both have a value; null when there are none. */
    private static Comparison compare(Placed other, double[] hard, boolean[] hardActive, double[] centred,
            boolean[] centredActive, double step) {
        int n = Math.min(Math.min(hard.length, hardActive.length), Math.min(centred.length, centredActive.length));
        boolean[] both = new boolean[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            both[i] = hardActive[i] && centredActive[i] && Double.isFinite(hard[i]) && Double.isFinite(centred[i]);
            count += both[i] ? 1 : 0;
        }
        if (count == 0) {
            return null;
        }
        double difference = RuleSupport.powerMean(hard, both) - RuleSupport.powerMean(centred, both);
        return new Comparison(other, difference, count * step, both, hard, centred);
    }

    private static double meanOf(double[] values, boolean[] use) {
        return RuleSupport.powerMean(values, use);
    }

    /** The runs of common steps where the hard-panned element is above {@code limitDb} relative to the other. */
    private static List<TimeRange> above(Comparison c, double limitDb, double step, int limit) {
        boolean[] flags = new boolean[c.both().length];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = c.both()[i] && c.hard()[i] - c.other()[i] > limitDb + RuleSupport.EPSILON_DB;
        }
        return RuleSupport.longest(RuleSupport.runs(flags, step), limit);
    }

    /**
     * The element's energy pan position, %: the track's {@code pan}; for a group, the pan of the summed left and
     * right energies, each track's energy from its AES17 RMS (a mono track sits in the centre at the session's pan
     * law) split by its own pan position. Empty when a value is missing.
     */
    static OptionalDouble pan(RuleContext context, Element element) {
        if (element.tracks().size() == 1) {
            MeasuredTrack track = element.tracks().get(0);
            OptionalDouble pan = track.scalar(MeasurementIds.PAN);
            return pan.isEmpty() && track.isMono() ? OptionalDouble.of(0) : pan;
        }
        double left = 0;
        double right = 0;
        double centreGain = RuleSupport.toPower(context.session().panLaw().centreGainDb());
        for (MeasuredTrack track : element.tracks()) {
            OptionalDouble rms = track.scalar(MeasurementIds.RMS);
            OptionalDouble pan = track.isMono() ? OptionalDouble.of(0) : track.scalar(MeasurementIds.PAN);
            if (rms.isEmpty() || pan.isEmpty()) {
                return OptionalDouble.empty();
            }
            double energy = 2 * RuleSupport.toPower(rms.getAsDouble()) * (track.isMono() ? centreGain : 1);
            double angle = (pan.getAsDouble() / 100 + 1) * Math.PI / 4;
            left += energy * Math.cos(angle) * Math.cos(angle);
            right += energy * Math.sin(angle) * Math.sin(angle);
        }
        if (!(left + right > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(StereoEnergies.panPercent(left, right));
    }

    /** "hard left (92 %)", "42 % right", "in the centre". */
    static String position(double pan) {
        double rounded = Math.round(pan);
        if (rounded == 0) {
            return "in the centre";
        }
        return String.format(Locale.ROOT, "%.0f %% %s", Math.abs(rounded), rounded > 0 ? "right" : "left");
    }

    private static String side(double pan) {
        return pan > 0 ? "right" : "left";
    }
}
