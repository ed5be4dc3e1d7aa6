package io.mixbench.rules.standard.internal;

import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.MeasurementReasons;
import io.mixbench.meter.Scalar;
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
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Health of every part and the mix (not references, which are someone else's masters): clipped runs, float
 * samples above full scale (not clipped, but flagged for export), DC offset, silence, and on the mix inter-sample
 * overs. Reads the levels meter's health measurements.
 */
@Component(service = Rule.class, property = Rule.ID + "=" + HealthRule.ID)
public final class HealthRule implements Rule {

    static final String ID = "health";

    /** Ids of the standard levels meter (docs/measurements.md). */
    static final String CLIPPED_RUNS = MeasurementIds.CLIPPED_RUNS;
    static final String OVER_FULL_SCALE_SAMPLES = MeasurementIds.OVER_FULL_SCALE_SAMPLES;
    static final String DC_OFFSET = MeasurementIds.DC_OFFSET;
    static final String INTER_SAMPLE_OVERS = MeasurementIds.INTER_SAMPLE_OVERS;
    /** The levels meter's reason for a file of digital silence. */
    static final String SILENT = MeasurementReasons.SILENT;
    /** Fix action: remove the track from the session. Boolean. */
    static final String REMOVE_FROM_SESSION = Fix.REMOVE_FROM_SESSION;
    /** Fix action: high-pass the whole signal at this frequency, Hz. Number. */
    static final String HIGH_PASS_HZ = Fix.HIGH_PASS_HZ;
    /** The corner of the DC-removal high-pass the fix asks for, Hz: far below any musical content. */
    static final double DC_HIGH_PASS_HZ = 5;
    /** Its slope, dB/octave: a 2nd-order Butterworth filter, as a DC-removal filter is. */
    static final double DC_HIGH_PASS_SLOPE_DB_PER_OCTAVE = 12;

    private static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(ID, "Health",
            "Clipped runs (full-scale flat tops), float samples above full scale (not clipped, but clipped by any "
                    + "fixed-point export), DC offset and silence on every part and the mix; inter-sample overs on "
                    + "the mix.",
            Set.of(), false, null,
            List.of(new Parameter("maxClippedRuns", "Most clipped runs a file may have", Units.COUNT, 0, 100000, 0),
                    new Parameter("problemClippedRuns", "Clipped runs from which it is a PROBLEM", Units.COUNT, 1,
                            100000, 10),
                    new Parameter("maxOverFullScaleSamples", "Most float samples above full scale", Units.COUNT, 0,
                            100000, 0),
                    new Parameter("maxDcOffset", "Largest DC offset, either sign", Units.PERCENT, 0, 50, 0.5),
                    new Parameter("silentPeak", "A file peaking at or below this is silent", Units.DBFS, -200, -20,
                            -70),
                    new Parameter("maxInterSampleOvers", "Most inter-sample overs (above 0 dBTP) in the mix",
                            Units.COUNT, 0, 100000, 0),
                    new Parameter("exportHeadroomDb", "How far below full scale the fixes put the peak", Units.DB, 0,
                            12, 1)));

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        List<MeasuredTrack> tracks = new ArrayList<>(context.parts());
        context.mix().ifPresent(tracks::add);
        if (tracks.isEmpty()) {
            return RuleSupport.orNothing(List.of(), DESCRIPTOR, "the session has no parts and no mix.");
        }
        List<Finding> findings = new ArrayList<>();
        List<String> healthy = new ArrayList<>();
        for (MeasuredTrack track : tracks) {
            int before = findings.size();
            List<String> unknown = new ArrayList<>();
            check(context, track, findings, unknown);
            if (!unknown.isEmpty()) {
                findings.add(RuleSupport.cannotJudge(ID, track, "the " + RuleSupport.joinNames(unknown) + " of "
                        + track.name(), "the levels meter gave no value (" + reason(track, unknown) + ")"));
            }
            if (findings.size() == before) {
                healthy.add(track.name());
            }
        }
        if (!healthy.isEmpty()) {
            findings.add(Finding.of(ID, Severity.OK).tracks(healthy)
                    .message(healthy.size() + (healthy.size() == 1 ? " file is" : " files are")
                            + " healthy: no clipped runs, no samples above full scale, DC offset within "
                            + RuleSupport.f1(context.parameter("maxDcOffset")) + " %, not silent"
                            + (context.mix().isPresent() && healthy.contains(context.mix().get().name())
                                    ? ", and no inter-sample overs in the mix."
                                    : "."))
                    .build());
        }
        return findings;
    }

    private static void check(RuleContext context, MeasuredTrack track, List<Finding> findings, List<String> unknown) {
        boolean isMix = track.track().role() == Role.MIX;
        double headroom = context.parameter("exportHeadroomDb");
        OptionalDouble samplePeak = track.scalar(MeasurementIds.SAMPLE_PEAK);
        boolean digitalSilence = track.measurements().get(MeasurementIds.SAMPLE_PEAK) instanceof Scalar s
                && SILENT.equals(s.reason());
        double silentPeak = context.parameter("silentPeak");
        if (digitalSilence
                || samplePeak.isPresent() && samplePeak.getAsDouble() <= silentPeak + RuleSupport.EPSILON_DB) {
            String what = digitalSilence
                    ? "is all digital silence"
                    : "is silent: it peaks at " + RuleSupport.f1(samplePeak.getAsDouble()) + " dBFS";
            Finding.Builder b = Finding.of(ID, Severity.WARN).tracks(track.name())
                    .message(track.name() + " " + what + " (silent at or below " + RuleSupport.f1(silentPeak)
                            + " dBFS); it was probably exported from a muted or empty track.")
                    .fix(new Fix(track.name(), Map.of(REMOVE_FROM_SESSION, true)), "Export " + track.name()
                            + " again from the right track, or remove it from the session.");
            if (samplePeak.isPresent()) {
                b.measured(samplePeak.getAsDouble(), Units.DBFS, "sample peak")
                        .target(Target.atLeast(silentPeak, Units.DBFS));
            } else {
                // the meter found every sample zero: no level to state, but a count
                b.measured(0, Units.COUNT, "non-zero samples").target(Target.atLeast(1, Units.COUNT));
            }
            findings.add(b.build());
            return;
        }
        if (samplePeak.isEmpty()) {
            unknown.add("sample peak");
        }
        boolean fixedPoint = track.format() == null || track.format().encoding() == SampleEncoding.PCM_INTEGER;

        OptionalDouble clipped = track.scalar(CLIPPED_RUNS);
        if (clipped.isEmpty()) {
            unknown.add("clipped runs");
        } else if (clipped.getAsDouble() > context.parameter("maxClippedRuns") + RuleSupport.EPSILON_DB) {
            double runs = clipped.getAsDouble();
            Severity severity = runs >= context.parameter("problemClippedRuns") - RuleSupport.EPSILON_DB
                    ? Severity.PROBLEM
                    : Severity.WARN;
            String source = isMix
                    ? "the mix bus"
                    : context.session().exportKind().id().equals("raw-tracks")
                            ? "the input (record it again with less input gain)"
                            : "its channel before the export";
            findings.add(Finding.of(ID, severity).tracks(track.name())
                    .message(track.name() + " is clipped: " + count(runs) + " run" + (runs == 1 ? "" : "s")
                            + " of 3 or more consecutive samples at full scale (flat tops"
                            + (fixedPoint ? "" : ", in a " + encoding(track) + " file") + ").")
                    .measured(runs, Units.COUNT, "clipped runs (3+ consecutive full-scale samples)")
                    .target(Target.atMost(context.parameter("maxClippedRuns"), Units.COUNT))
                    .fix(Fix.gain(track.name(), -headroom), "Lower " + source + " by at least "
                            + RuleSupport.f1(headroom) + " dB and export " + track.name()
                            + " again; turning the clipped file down leaves its flat tops in.")
                    .build());
        }

        OptionalDouble overs = track.scalar(OVER_FULL_SCALE_SAMPLES);
        if (overs.isEmpty()) {
            unknown.add("samples above full scale");
        } else if (overs.getAsDouble() > context.parameter("maxOverFullScaleSamples") + RuleSupport.EPSILON_DB) {
            double peak = samplePeak.orElse(0);
            double gain = -(peak + headroom);
            findings.add(Finding.of(ID, Severity.WARN).tracks(track.name())
                    .message(track.name() + " has " + count(overs.getAsDouble()) + " samples above full scale (peak "
                            + RuleSupport.f1(peak) + " dBFS). As a " + encoding(track)
                            + " file it is not clipped, but any fixed-point export or converter will clip them.")
                    .measured(overs.getAsDouble(), Units.COUNT, "samples above full scale")
                    .target(Target.atMost(context.parameter("maxOverFullScaleSamples"), Units.COUNT))
                    .fix(Fix.gain(track.name(), gain), RuleSupport.gainSentence(track.name(), RuleSupport.round1(gain))
                            .replaceFirst("\\.$", "") + " before exporting it to a fixed-point format (or keep "
                            + "it 32-bit float all the way).")
                    .build());
        }

        OptionalDouble dc = track.scalar(DC_OFFSET);
        if (dc.isEmpty()) {
            unknown.add("DC offset");
        } else if (Math.abs(dc.getAsDouble()) > context.parameter("maxDcOffset") + RuleSupport.EPSILON_DB) {
            double max = context.parameter("maxDcOffset");
            if (!(isMix && dcFromParts(context, track, dc.getAsDouble(), findings))) {
                findings.add(Finding.of(ID, Severity.WARN).tracks(track.name())
                        .message(track.name() + " has a DC offset of " + String.format(java.util.Locale.ROOT, "%.2f",
                                dc.getAsDouble())
                                + " % of full scale (its most offset channel); it wastes headroom and "
                                + "clicks at edits.")
                        .measured(dc.getAsDouble(), Units.PERCENT, "DC offset, mean sample value")
                        .target(Target.between(-max, max, Units.PERCENT))
                        .fix(dcFix(track.name()), "Remove the DC offset of " + track.name()
                                + " (a DC-removal filter, or a high-pass at " + RuleSupport.f1(DC_HIGH_PASS_HZ)
                                + " Hz, 12 dB/octave (Butterworth)).")
                        .build());
            }
        }

        if (isMix) {
            OptionalDouble isp = track.scalar(INTER_SAMPLE_OVERS);
            if (isp.isEmpty()) {
                unknown.add("inter-sample overs");
            } else if (isp.getAsDouble() > context.parameter("maxInterSampleOvers") + RuleSupport.EPSILON_DB) {
                OptionalDouble truePeak = track.scalar(MeasurementIds.TRUE_PEAK);
                double gain = truePeak.isPresent() ? -(truePeak.getAsDouble() + headroom) : -headroom;
                findings.add(Finding.of(ID, Severity.WARN).tracks(track.name())
                        .message(track.name() + " has " + count(isp.getAsDouble())
                                + " inter-sample over" + (isp.getAsDouble() == 1 ? "" : "s")
                                + " above 0 dBTP" + (truePeak.isPresent()
                                        ? " (true peak "
                                                + RuleSupport.f1(truePeak.getAsDouble()) + " dBTP)"
                                        : "")
                                + ": a DAC or a lossy encoder clips them.")
                        .measured(isp.getAsDouble(), Units.COUNT, "inter-sample overs above 0 dBTP")
                        .target(Target.atMost(context.parameter("maxInterSampleOvers"), Units.COUNT))
                        .fix(Fix.gain(track.name(), gain), RuleSupport.gainSentence("the mix bus of " + track.name(),
                                RuleSupport.round1(gain)).replaceFirst("\\.$", "")
                                + " (or use a true-peak limiter) so no inter-sample peak goes over.")
                        .build());
            }
        }
    }

    /**
     * A mix's DC offset that parts with an offset of the same sign explain (their offsets add up to at least half of
     * the mix's, as they do in a bounce of the parts) is theirs: one INFO finding names them, and their own findings
     * carry the fix, which removes it from the mix too. Returns whether it added that finding.
     */
    private static boolean dcFromParts(RuleContext context, MeasuredTrack mix, double mixDc, List<Finding> findings) {
        double max = context.parameter("maxDcOffset");
        double explained = 0;
        List<String> sources = new ArrayList<>();
        for (MeasuredTrack part : context.parts()) {
            OptionalDouble dc = part.scalar(DC_OFFSET);
            if (dc.isPresent() && Math.abs(dc.getAsDouble()) > max + RuleSupport.EPSILON_DB
                    && Math.signum(dc.getAsDouble()) == Math.signum(mixDc)) {
                explained += dc.getAsDouble();
                sources.add(part.name());
            }
        }
        if (sources.isEmpty() || Math.abs(explained) < 0.5 * Math.abs(mixDc)) {
            return false;
        }
        List<String> tracks = new ArrayList<>();
        tracks.add(mix.name());
        tracks.addAll(sources);
        findings.add(Finding.of(ID, Severity.INFO).tracks(tracks)
                .message(mix.name() + " has a DC offset of " + String.format(java.util.Locale.ROOT, "%.2f", mixDc)
                        + " % of full scale, which comes from " + RuleSupport.joinNames(sources)
                        + ": removing it there removes it from the mix as well.")
                .measured(mixDc, Units.PERCENT, "DC offset, mean sample value")
                .target(Target.between(-max, max, Units.PERCENT)).build());
        return true;
    }

    private static String encoding(MeasuredTrack track) {
        if (track.format() == null) {
            return "decoded";
        }
        return switch (track.format().encoding()) {
            case PCM_FLOAT -> "floating-point";
            case LOSSY -> "lossy";
            case PCM_INTEGER -> "fixed-point";
        };
    }

    private static String count(double value) {
        return String.format(java.util.Locale.ROOT, "%.0f", value);
    }

    private static String reason(MeasuredTrack track, List<String> unknown) {
        for (String id : List.of(CLIPPED_RUNS, OVER_FULL_SCALE_SAMPLES, DC_OFFSET, MeasurementIds.SAMPLE_PEAK,
                INTER_SAMPLE_OVERS)) {
            if (track.measurements().get(id) instanceof Scalar s && s.reason() != null) {
                return s.reason();
            }
        }
        return "not measured";
    }

    /** The DC-removal fix: the high-pass with its filter named. */
    static Fix dcFix(String track) {
        Map<String, Object> actions = new java.util.LinkedHashMap<>();
        actions.put(HIGH_PASS_HZ, DC_HIGH_PASS_HZ);
        actions.put(Fix.FILTER_TYPE, Fix.FILTER_BUTTERWORTH);
        actions.put(Fix.FILTER_SLOPE_DB_PER_OCTAVE, DC_HIGH_PASS_SLOPE_DB_PER_OCTAVE);
        return new Fix(track, actions);
    }
}
