package io.mixbench.rules.standard.internal;

import io.mixbench.audio.AudioMetadataKeys;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Parameter;
import io.mixbench.rule.Rule;
import io.mixbench.rule.RuleContext;
import io.mixbench.rule.RuleDescriptor;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Session consistency: the session's files (parts and mix, not references) share one sample rate, one length and
 * one start (BWF time reference), and none is all silence. Every file is still analysed; this rule only says
 * what does not fit. Sample rates and start offsets that differ are WARN (rules compare files step by step from
 * their start), lengths that differ INFO (usually trimmed tails), a silent file WARN.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + SessionConsistencyRule.ID)
public final class SessionConsistencyRule implements Rule {

    static final String ID = "session.consistency";
    static final String MAX_LENGTH_DIFFERENCE = "maxLengthDifference";
    static final String MAX_OFFSET_DIFFERENCE = "maxOffsetDifference";
    /** How many tracks a message lists before "and N more". */
    private static final int LISTED = 8;

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Session consistency",
            "The session's files share one sample rate, one length and one start (BWF time reference); files that"
                    + " differ are reported with their figures and still analysed (a silent file is health's).",
            Set.of(), false, null,
            List.of(new Parameter(MAX_LENGTH_DIFFERENCE, "Largest difference of file lengths that counts as equal",
                    Units.SECONDS, 0, 600, 0.05),
                    new Parameter(MAX_OFFSET_DIFFERENCE, "Largest difference of start offsets that counts as equal",
                            Units.MILLISECONDS, 0, 10_000, 1.0)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<MeasuredTrack> tracks = context.tracks().stream().filter(t -> t.track().role() != Role.REFERENCE)
                .toList();
        if (tracks.isEmpty()) {
            return RuleSupport.orNothing(List.of(), DESCRIPTOR, "the session has no measured files.");
        }
        List<Finding> findings = new ArrayList<>();
        sampleRates(tracks).ifPresent(findings::add);
        lengths(context, tracks).ifPresent(findings::add);
        findings.addAll(startOffsets(context, tracks));
        // A file that is all silence is the health rule's (one WARN with its fix), not a second finding here.
        if (findings.stream().noneMatch(f -> f.severity() != Severity.OK)) {
            MeasuredTrack first = tracks.get(0);
            findings.add(Finding.of(ID, Severity.OK).tracks(first.name())
                    .message(String.format(Locale.ROOT, "All %d files share one sample rate (%d Hz) and one length"
                            + " (%.3f s).", tracks.size(), first.format().sampleRateHz(),
                            first.durationSeconds()))
                    .build());
        }
        return findings;
    }

    private static Optional<Finding> sampleRates(List<MeasuredTrack> tracks) {
        Map<Integer, List<String>> byRate = new LinkedHashMap<>();
        for (MeasuredTrack t : tracks) {
            byRate.computeIfAbsent(t.format().sampleRateHz(), r -> new ArrayList<>()).add(t.name());
        }
        if (byRate.size() < 2) {
            return Optional.empty();
        }
        // the most common rate first; the tracks to change are the others
        List<Map.Entry<Integer, List<String>>> groups = new ArrayList<>(byRate.entrySet());
        groups.sort(Comparator.comparingInt((Map.Entry<Integer, List<String>> e) -> -e.getValue().size()));
        List<String> odd = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Map.Entry<Integer, List<String>> g = groups.get(i);
            parts.add(g.getKey() + " Hz (" + listed(g.getValue()) + ")");
            if (i > 0) {
                odd.addAll(g.getValue());
            }
        }
        return Optional.of(Finding.of(ID, Severity.WARN).tracks(odd)
                .message("The files have different sample rates: " + String.join(", ", parts)
                        + ". Each is analysed at its own rate, but the stems of one session should share one.")
                .measured(groups.size(), Units.COUNT, "distinct sample rates")
                .suggestion("Export " + listed(odd) + " again at " + groups.get(0).getKey() + " Hz.").build());
    }

    private static Optional<Finding> lengths(RuleContext context, List<MeasuredTrack> tracks) {
        double tolerance = context.parameter(MAX_LENGTH_DIFFERENCE);
        MeasuredTrack longest = tracks.stream().max(Comparator.comparingDouble(MeasuredTrack::durationSeconds))
                .orElseThrow();
        double difference = longest.durationSeconds()
                - tracks.stream().mapToDouble(MeasuredTrack::durationSeconds).min().orElseThrow();
        if (difference <= tolerance) {
            return Optional.empty();
        }
        List<MeasuredTrack> shorter = tracks.stream()
                .filter(t -> longest.durationSeconds() - t.durationSeconds() > tolerance)
                .sorted(Comparator.comparingDouble(MeasuredTrack::durationSeconds)).toList();
        List<String> figures = shorter.stream()
                .map(t -> String.format(Locale.ROOT, "%s %.3f s", t.name(), t.durationSeconds())).toList();
        return Optional.of(Finding.of(ID, Severity.INFO)
                .tracks(shorter.stream().map(MeasuredTrack::name).toList())
                .message(String.format(Locale.ROOT, "The files differ in length by up to %.3f s: %s, while %s is"
                        + " %.3f s long. Rules compare them from their start, so only the ends are affected.",
                        difference, listed(figures), longest.name(), longest.durationSeconds()))
                .measured(difference, Units.SECONDS, "largest length difference")
                .target(Target.atMost(tolerance, Units.SECONDS)).build());
    }

    private List<Finding> startOffsets(RuleContext context, List<MeasuredTrack> tracks) {
        Map<MeasuredTrack, Double> startSeconds = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        for (MeasuredTrack t : tracks) {
            String reference = t.metadata().get(AudioMetadataKeys.BEXT_TIME_REFERENCE);
            double samples = parseUnsigned(reference);
            if (Double.isNaN(samples)) {
                without.add(t.name());
            } else {
                startSeconds.put(t, samples / t.format().sampleRateHz());
            }
        }
        if (startSeconds.size() < 2) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        double earliest = startSeconds.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double toleranceMs = context.parameter(MAX_OFFSET_DIFFERENCE);
        double spreadMs = (startSeconds.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - earliest) * 1000;
        if (spreadMs > toleranceMs) {
            List<Map.Entry<MeasuredTrack, Double>> late = startSeconds.entrySet().stream()
                    .filter(e -> (e.getValue() - earliest) * 1000 > toleranceMs)
                    .sorted(Map.Entry.comparingByValue()).toList();
            List<String> figures = late.stream().map(e -> String.format(Locale.ROOT, "%s +%.3f s", e.getKey().name(),
                    e.getValue() - earliest)).toList();
            findings.add(Finding.of(ID, Severity.WARN).tracks(late.stream().map(e -> e.getKey().name()).toList())
                    .message(String.format(Locale.ROOT, "The files start at different times (BWF time reference):"
                            + " %s after the earliest. Rules compare files from their first sample, so levels over"
                            + " time are compared out of step by up to %.1f ms.", listed(figures), spreadMs))
                    .measured(spreadMs, Units.MILLISECONDS, "largest start offset difference")
                    .target(Target.atMost(toleranceMs, Units.MILLISECONDS))
                    .suggestion("Export every stem from the same session start, or trim them to a common start.")
                    .build());
        }
        if (!without.isEmpty()) {
            findings.add(RuleSupport.cannotJudge(ID, without, "the start offset of " + listed(without),
                    "they carry no BWF time reference while other files do"));
        }
        return findings;
    }

    private static double parseUnsigned(String value) {
        if (value == null || value.isBlank()) {
            return Double.NaN;
        }
        try {
            long v = Long.parseUnsignedLong(value.trim());
            return v >= 0 ? v : v + 0x1p64;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String listed(List<String> items) {
        if (items.size() <= LISTED) {
            return RuleSupport.joinNames(items);
        }
        return String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED) + " more";
    }
}
