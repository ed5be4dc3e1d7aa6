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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Width is not loudness: one of the loudest stems must not rely on its width to be heard. A wide stem keeps its
 * stereo loudness only while its side signal is played; folded to mono it drops by its mono-sum loss while centred
 * parts keep their level, so the balance shifts.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + WidthNotLoudnessRule.ID)
public final class WidthNotLoudnessRule implements Rule {

    static final String ID = "width.notLoudness";
    private static final String MEASURE = "mono-sum loss from width: mono-sum loss minus the loss of a correlated "
            + "source at the same pan position";

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Width is not loudness",
            "Among the loudest stems (integrated loudness, pan-law corrected), the mono-sum loss that comes from "
                    + "the width rather than the pan position: a loud stem must not drop far when folded to mono.",
            Set.of(), false, ExportKind.STEMS,
            List.of(new Parameter("maxLossDb", "Mono-sum loss from width at or below which a loud stem relies on it",
                    Units.DB, -100, 0, -2),
                    new Parameter("loudWithinLu",
                            "A stem is one of the loudest when within this of the loudest part's loudness", Units.LU,
                            0, 60, 6),
                    new Parameter("minWidthPercent",
                            "Narrowest width the fix proposes; a stem that needs less largely cancels in mono and is "
                                    + "left to mono.compatibility's polarity fix",
                            Units.PERCENT, 0, 100, 20),
                    new Parameter("maxTimeRanges", "Most time ranges listed per finding", Units.COUNT, 0, 100, 10)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * A stem's loudness (LUFS, pan-law corrected), mono-sum loss (dB), and the loss its pan position alone gives
     * (dB): a source panned off-centre loses some level in mono however narrow it is, and that is pan.notLevel's
     * matter, not its width.
     */
    private record Loud(MeasuredTrack track, double loudness, double loss, double panLoss) {

        /** The part of the loss that comes from the width, dB, at most 0. */
        double widthLoss() {
            return Math.min(0, loss - panLoss);
        }

        /** sin(2 theta) of the pan angle: 1 centred, 0 hard left or right. */
        double centredness() {
            return panCentredness(track);
        }
    }

    /** sin(2 theta), theta = (pan / 100 + 1) x 45 degrees: 1 centred, 0 hard-panned; 1 without a pan. */
    static double panCentredness(MeasuredTrack track) {
        double pan = track.scalar(MeasurementIds.PAN).orElse(0);
        return Math.sin((pan / 100 + 1) * Math.PI / 2);
    }

    /**
     * The mono-sum loss of a fully correlated source at this pan position, dB: the fold keeps (1 + r sin 2 theta) / 2
     * of the energy of channels with correlation r, so 0 dB centred and -3.01 dB hard-panned.
     */
    static double panLoss(MeasuredTrack track) {
        return 10 * Math.log10((1 + panCentredness(track)) / 2);
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        List<String> cannot = new ArrayList<>();
        List<String> cannotTracks = new ArrayList<>();
        MeasuredTrack loudestTrack = null;
        double loudest = Double.NEGATIVE_INFINITY;
        for (MeasuredTrack part : context.parts()) {
            OptionalDouble loudness = StereoSupport.loudness(context, part);
            if (loudness.isEmpty()) {
                cannot.add(part.name() + " (" + RuleSupport.missingScalar(part,
                        MeasurementIds.INTEGRATED_LOUDNESS, "integrated loudness") + ")");
                cannotTracks.add(part.name());
            } else if (loudness.getAsDouble() > loudest) {
                loudest = loudness.getAsDouble();
                loudestTrack = part;
            }
        }
        double within = context.parameter("loudWithinLu");
        List<Loud> loud = new ArrayList<>();
        for (MeasuredTrack part : context.parts()) {
            OptionalDouble loudness = StereoSupport.loudness(context, part);
            if (loudness.isEmpty() || loudness.getAsDouble() < loudest - within - RuleSupport.EPSILON_DB) {
                continue;
            }
            OptionalDouble loss = part.scalar(StereoSupport.MONO_SUM_LOSS);
            if (part.isMono() && loss.isEmpty()) {
                loss = OptionalDouble.of(0);
            }
            if (loss.isEmpty()) {
                cannot.add(part.name() + " (" + RuleSupport.missingScalar(part, StereoSupport.MONO_SUM_LOSS,
                        "mono-sum loss") + ")");
                cannotTracks.add(part.name());
                continue;
            }
            loud.add(new Loud(part, loudness.getAsDouble(), loss.getAsDouble(), panLoss(part)));
        }
        double maxLoss = context.parameter("maxLossDb");
        List<Loud> fine = new ArrayList<>();
        for (Loud part : loud) {
            if (part.widthLoss() <= maxLoss + RuleSupport.EPSILON_DB) {
                if (narrowedPercent(context, part) < context.parameter("minWidthPercent") - RuleSupport.EPSILON_DB) {
                    // Narrowing a stem whose channels cancel would remove it from the mix: the fix is its polarity.
                    cannot.add(part.track().name() + " (its channels largely cancel in mono, as in opposite "
                            + "polarity: " + MonoCompatibilityRule.ID + " gives the fix, and narrowing it would "
                            + "remove it)");
                    cannotTracks.add(part.track().name());
                } else {
                    findings.add(wide(context, part, loudest, loudestTrack));
                }
            } else {
                fine.add(part);
            }
        }
        if (!fine.isEmpty()) {
            Loud worst = fine.stream().min((a, b) -> Double.compare(a.widthLoss(), b.widthLoss())).get();
            findings.add(Finding.of(ID, Severity.OK).tracks(fine.stream().map(l -> l.track().name()).toList())
                    .message("No loud stem relies on its width: the stems within " + RuleSupport.f1(within)
                            + " LU of the loudest part lose at most " + RuleSupport.f1(-worst.widthLoss())
                            + " dB through their width when folded to mono (" + worst.track().name()
                            + "); the limit is " + RuleSupport.f1(-maxLoss) + " dB.")
                    .measured(worst.widthLoss(), Units.DB, MEASURE + ", lowest loud stem")
                    .target(Target.atLeast(maxLoss, Units.DB)).build());
        }
        if (!cannot.isEmpty()) {
            findings.add(Finding.of(ID, Severity.INFO).tracks(cannotTracks)
                    .message("Cannot judge the width of " + RuleSupport.joinNames(cannot) + ".").build());
        }
        return RuleSupport.orNothing(findings, DESCRIPTOR, "the session has no stems.");
    }

    /** The width (%) the fix narrows a stem to. */
    private static double narrowedPercent(RuleContext context, Loud part) {
        double width = StereoSupport.width(part.track()).orElse(StereoSupport.widthFromLoss(part.loss()));
        // aim half-way between the limit and no loss from width, so the narrowed stem is clear of the limit
        double targetWidth = StereoSupport.widthFromLoss(part.panLoss() + context.parameter("maxLossDb") / 2);
        return Math.floor(StereoSupport.widthPercentFor(width, targetWidth) * 10) / 10;
    }

    private static Finding wide(RuleContext context, Loud part, double loudest, MeasuredTrack loudestTrack) {
        String name = part.track().name();
        double maxLoss = context.parameter("maxLossDb");
        double width = StereoSupport.width(part.track()).orElse(StereoSupport.widthFromLoss(part.loss()));
        double below = loudest - part.loudness();
        String rank = below <= RuleSupport.EPSILON_DB
                ? "the loudest part"
                : "one of the loudest parts (" + RuleSupport.f1(below) + " LU below " + loudestTrack.name() + ")";
        String message = name + " is " + rank + " at " + RuleSupport.f1(part.loudness())
                + " LUFS (integrated, pan-law corrected) but carries it only in stereo: side "
                + StereoSupport.signed(width) + " dB relative to mid, so it drops " + RuleSupport.f1(-part.loss())
                + " dB when folded to mono" + (part.panLoss() < -0.05
                        ? " (" + RuleSupport.f1(-part.widthLoss()) + " dB of it from its width, the rest from its "
                                + "pan position)"
                        : "")
                + " while centred parts keep their level; target a loss through width of at most "
                + RuleSupport.f1(-maxLoss) + " dB.";
        double percent = narrowedPercent(context, part);
        // the correlation below which a source at this pan position loses maxLossDb through its width
        double s = part.centredness();
        double threshold = s > 1e-6 ? ((1 + s) * Math.pow(10, maxLoss / 10) - 1) / s : -1;
        boolean cancels = part.loss() < MonoCompatibilityRule.DECORRELATED_LOSS_DB - 0.05;
        return Finding.of(ID, Severity.WARN).tracks(name).message(message)
                .measured(part.widthLoss(), Units.DB, MEASURE)
                .target(Target.atLeast(maxLoss, Units.DB))
                .fix(new Fix(name, Map.of(StereoSupport.WIDTH_PERCENT, percent)), (cancels
                        ? "Check the polarity and any stereo widener on " + name + " first (it loses more than "
                                + "decorrelation explains, so its channels partly cancel), then narrow it to "
                        : "Narrow " + name + " to ") + RuleSupport.f1(percent) + " % width (or raise its centre "
                        + "content) so it does not rely on stereo to be heard.")
                .timeRanges(StereoSupport.correlationBelow(part.track(), threshold,
                        StereoSupport.count(context, "maxTimeRanges")))
                .build();
    }
}
