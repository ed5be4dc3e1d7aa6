package io.mixbench.report.standard.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.AppliedRule;
import io.mixbench.analysis.MoveKind;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.PerChannel;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Spectrum;
import io.mixbench.meter.Units;
import io.mixbench.plan.GainPoint;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlannedMove;
import io.mixbench.plan.RenderedSession;
import io.mixbench.plan.TrackChanges;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSet;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.rule.TimeRange;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Analysis results built in code: every measurement shape, a failed track, findings of every severity. */
final class Fixtures {

    static final String BASS_FIX = "Lower Kick by 1.0 dB and Bass DI by 2.5 dB.";
    static final Path ROOT = Path.of("/sessions/Song Ä");
    static final double KICK_LOUDNESS = -16.123456789012345;
    static final String KICK_PROBLEM = "Kick peaks at -6.3 dBFS, above the kick range.";
    static final String KICK_FIX = "Lower Kick by 4.3 dB.";
    static final String VOCAL_WARN = "Lead Vox sits 1.2 dB above the loudest other element.";
    static final String VOCAL_FIX = "Raise Lead Vox by 2.3 dB.";
    static final String KICK_WARN = "Kick and Bass DI overlap below 120 Hz.";
    static final String BASS_INFO = "Bass DI is near the lower limit of its range.";
    static final String RULE_ERROR = "Rule threw IllegalStateException: no onsets.";
    static final String BROKEN_ERROR = "broken.wav: file is truncated: the data stops after 10 of 480000 sample frames"
            + " the header declares";

    private Fixtures() {
    }

    static Track kickTrack() {
        return new Track("Kick", ROOT.resolve("01 Kick.wav"), Role.KICK, "Kick");
    }

    /** With a mix; findings most severe first. */
    static AnalysisResult withMix() {
        return result(true);
    }

    /** {@link #withMix()} with one more finding, last: rule "kick.alt" asks for the kick finding's very fix. */
    static AnalysisResult withKickFixAskedTwice() {
        AnalysisResult base = withMix();
        List<Finding> findings = new ArrayList<>(base.findings());
        findings.add(Finding.of("kick.alt", Severity.WARN).tracks("Kick").message("Kick is hot too.")
                .fix(findings.get(1).fix(), KICK_FIX).build());
        return new AnalysisResult(base.session(), base.ruleSet(), base.tracks(), base.rules(), findings,
                base.startedAt(), base.elapsed(), base.versions());
    }

    static AnalysisResult withoutMix() {
        return result(false);
    }

    /** A mix bounce analysed on its own: the withMix result with every other track and its findings left out. */
    static AnalysisResult mixOnly() {
        AnalysisResult full = withMix();
        Session session = full.session();
        List<Track> tracks = session.tracks().stream().filter(t -> t.role() == Role.MIX).toList();
        return new AnalysisResult(
                new Session(session.location(), tracks, session.exportKind(), session.panLaw(), session.ruleSet(),
                        Map.of()),
                full.ruleSet(), full.tracks().stream().filter(t -> t.track().role() == Role.MIX).toList(),
                full.rules(), full.findings().stream().filter(f -> f.tracks().equals(List.of("Mix"))).toList(),
                full.startedAt(), full.elapsed(), full.versions());
    }

    static AnalysisResult result(boolean withMix) {
        Track kick = kickTrack();
        Track bass = new Track("Bass DI", ROOT.resolve("02 Bass DI.wav"), Role.BASS, null);
        Track vocal = new Track("Lead Vox", ROOT.resolve("03 Lead Vox.wav"), Role.LEAD_VOCAL, null);
        Track broken = new Track("Broken", ROOT.resolve("broken.wav"), Role.OTHER, null);
        Track mix = new Track("Mix", ROOT.resolve("Mix.wav"), Role.MIX, null);
        List<Track> tracks = new ArrayList<>(List.of(kick, bass, vocal));
        if (withMix) {
            // The mix sits between parts in session order: the report must still take it out of "tracks".
            tracks.add(1, mix);
        }
        tracks.add(broken);
        Session session = new Session(ROOT, tracks, ExportKind.STEMS, PanLaw.MINUS_3_DB, "rock", Map.of());

        AudioFormat mono48 = new AudioFormat(48000, ChannelLayout.MONO, 24, SampleEncoding.PCM_INTEGER, 480000,
                "WAV PCM 24-bit");
        AudioFormat stereo441Float = new AudioFormat(44100, ChannelLayout.STEREO, 32, SampleEncoding.PCM_FLOAT, 441000,
                "WAV float 32-bit");
        AudioFormat stereo48 = new AudioFormat(48000, ChannelLayout.STEREO, 24, SampleEncoding.PCM_INTEGER, 480000,
                "WAV PCM 24-bit");

        Map<String, Measurement> kickMeasurements = new LinkedHashMap<>();
        kickMeasurements.put(MeasurementIds.SAMPLE_PEAK, Scalar.of(-6.25, Units.DBFS));
        kickMeasurements.put(MeasurementIds.TRUE_PEAK, Scalar.of(-5.95, Units.DBTP));
        kickMeasurements.put(MeasurementIds.RMS, Scalar.of(-18.31, Units.DBFS));
        kickMeasurements.put(MeasurementIds.INTEGRATED_LOUDNESS, Scalar.of(KICK_LOUDNESS, Units.LUFS));
        kickMeasurements.put(MeasurementIds.SAMPLE_PEAK_PER_CHANNEL,
                new PerChannel(List.of("MONO"), new double[]{-6.25}, Units.DBFS));
        kickMeasurements.put(MeasurementIds.MOMENTARY_SERIES,
                new Series(0.1, new float[]{Float.NaN, -20.5f, 0.1f, -18f}, Units.LUFS));
        kickMeasurements.put("spectrum",
                new Spectrum(new double[]{31.5, 63, 125}, new double[]{-30.5, Double.NaN, -42.25}, Units.DB));

        Map<String, Measurement> vocalMeasurements = new LinkedHashMap<>();
        vocalMeasurements.put(MeasurementIds.SAMPLE_PEAK, Scalar.of(-3.0, Units.DBFS));
        vocalMeasurements.put(MeasurementIds.INTEGRATED_LOUDNESS,
                Scalar.absent(Units.LUFS, "the track is silent"));
        vocalMeasurements.put(MeasurementIds.TRUE_PEAK_PER_CHANNEL,
                new PerChannel(List.of("LEFT", "RIGHT"), new double[]{-2.5, Double.NaN}, Units.DBTP));

        List<MeasuredTrack> measured = new ArrayList<>();
        for (Track track : tracks) {
            measured.add(switch (track.name()) {
                case "Kick" -> new MeasuredTrack(track, mono48, 10.0, kickMeasurements, null);
                case "Bass DI" -> new MeasuredTrack(track, mono48, 10.0,
                        Map.of(MeasurementIds.SAMPLE_PEAK, Scalar.of(-9.04, Units.DBFS)), null);
                case "Lead Vox" -> new MeasuredTrack(track, stereo441Float, 10.0, vocalMeasurements, null);
                case "Mix" -> new MeasuredTrack(track, stereo48, 10.0,
                        Map.of(MeasurementIds.TRUE_PEAK, Scalar.of(-0.45, Units.DBTP)), null);
                default -> new MeasuredTrack(track, null, Double.NaN, Map.of(), BROKEN_ERROR);
            });
        }

        List<Finding> findings = List.of(
                Finding.of("kick.level", Severity.RULE_ERROR).message(RULE_ERROR).build(),
                Finding.of("kick.level", Severity.PROBLEM).tracks("Kick").message(KICK_PROBLEM)
                        .measured(-6.25, Units.DBFS, "kick hit peak, 95th percentile")
                        .target(Target.between(-12, -10, Units.DBFS))
                        .fix(Fix.gain("Kick", -4.3).and(Fix.INVERT_POLARITY, true).and("note", "after the bus"),
                                KICK_FIX)
                        .timeRanges(List.of(new TimeRange(1.5, 2.25), new TimeRange(62.0, 70.05))).build(),
                Finding.of("vocal.lead", Severity.WARN).tracks("Lead Vox").message(VOCAL_WARN)
                        .measured(1.2, Units.DB, "lead vocal over the loudest other element")
                        .target(Target.between(3, 6, Units.DB)).fix(Fix.gain("Lead Vox", 2.3), VOCAL_FIX).build(),
                Finding.of("bass.under.kick", Severity.WARN).tracks("Kick", "Bass DI").message(KICK_WARN)
                        .target(Target.atMost(-2, Units.DB))
                        .fixes(List.of(Fix.gain("Kick", -1.0), Fix.gain("Bass DI", -2.5)), BASS_FIX).build(),
                Finding.of("bass.under.kick", Severity.INFO).tracks("Bass DI").message(BASS_INFO).build(),
                Finding.of("truepeak", Severity.OK).tracks("Mix").message("True peak is within target.")
                        .measured(-0.45, Units.DBTP, "true peak").target(Target.atMost(-1, Units.DBTP)).build(),
                Finding.of("snare.level", Severity.OK).message("No snare to check.").build(),
                Finding.of("headroom", Severity.OK).tracks("Mix").message("Headroom is fine.").build());

        RuleSet ruleSet = new RuleSet("rock", "Rock", "Rock defaults", "default", Map.of(), "bundle:io.mixbench.rs");
        List<AppliedRule> rules = List.of(
                new AppliedRule("kick.level", "Kick level", "io.mixbench.rules.standard", "0.1.0",
                        Map.of("maxPeak", -10.0, "minPeak", -12.0), "error"),
                new AppliedRule("vocal.lead", "Vocal lead", "io.mixbench.rules.standard", "0.1.0",
                        Map.of("minAbove", 3.0), "applied"));
        Map<String, String> versions = Map.of("mixbench", "0.1.0", "io.mixbench.rules.standard", "0.1.0.SNAPSHOT",
                "io.mixbench.meter.standard", "0.1.0.SNAPSHOT");
        return new AnalysisResult(session, ruleSet, measured, rules, findings,
                Instant.parse("2026-11-26T15:37:07.250Z"), Duration.ofMillis(3250), versions);
    }

    /** The frozen-bubble master's guess, as the engine words it. */
    static final io.mixbench.rule.JudgedDeliverable GUESSED_MASTER = new io.mixbench.rule.JudgedDeliverable(
            io.mixbench.session.Deliverable.MASTER, io.mixbench.rule.JudgedDeliverable.Source.GUESSED,
            "from the audio (-13.4 LUFS, PLR 12.6 LU, median PSR 11.9 LU, true peak -0.8 dBTP)");

    /** The result judged as another deliverable. */
    static AnalysisResult judgedAs(AnalysisResult r, io.mixbench.rule.JudgedDeliverable deliverable) {
        return new AnalysisResult(r.session(), r.ruleSet(), r.tracks(), r.rules(), r.findings(), r.startedAt(),
                r.elapsed(), r.versions(), r.groups(), deliverable);
    }

    static final String PLAN_UNRESOLVED = "bass.under.kick (Bass DI): no fader move places Bass DI 2 dB under Kick"
            + " without pushing Kick past its peak target.";

    /**
     * A plan of {@link #withMix()}, not rendered: lower the kick, ride the vocal, centre the bass; one WARN it does
     * not clear (1 PROBLEM, 2 WARN before, 0 PROBLEM, 1 WARN predicted).
     */
    static VerifiedPlan plan(AnalysisResult before) {
        List<GainPoint> ride = List.of(new GainPoint(0.5, 0),
                new GainPoint(1.0, 4.0), new GainPoint(3.0, 4.0),
                new GainPoint(3.5, -1.5));
        List<PlannedMove> moves = List.of(
                new PlannedMove("level:Kick", MoveKind.LEVEL,
                        List.of(Fix.gain("Kick", -4.3)), List.of("kick.level", "bass.under.kick"),
                        "Lower Kick by 4.3 dB", List.of()),
                new PlannedMove("ride:Lead Vox", MoveKind.RIDE,
                        List.of(Fix.gain("Lead Vox", 4.0).and(Fix.START_SECONDS, 0.5).and(Fix.END_SECONDS, 3.5)),
                        List.of("vocal.lead"), "Ride Lead Vox up by as much as 4.0 dB in 1 phrase", ride),
                new PlannedMove("pan:Bass DI", MoveKind.PAN,
                        List.of(Fix.pan("Bass DI", 0)), List.of("lowEnd.centred"), "Pan Bass DI to the centre",
                        List.of()));
        List<Finding> predicted = List.of(Finding.of("bass.under.kick", Severity.WARN).tracks("Bass DI")
                .message("Bass DI sits 1.5 dB too close under Kick.").build(),
                Finding.of("kick.level", Severity.OK).tracks("Kick").message("Kick is in range.").build());
        Plan plan = new Plan("rock", moves,
                List.of(TrackChanges.none("Kick")), 0, 0, predicted, List.of(PLAN_UNRESOLVED),
                Set.of());
        return VerifiedPlan.unrendered(plan, before);
    }

    /** {@link #plan(AnalysisResult)} rendered into /renders/Song, whose analysis has one PROBLEM and nothing else. */
    static VerifiedPlan renderedPlan(AnalysisResult before) {
        VerifiedPlan planned = plan(before);
        Path folder = Path.of("/renders/Song");
        RenderedSession rendered = new RenderedSession(
                folder.resolve("Song.mixbench"), Map.of("Kick", folder.resolve("Kick.wav")),
                folder.resolve("Mix.wav"), -3.5);
        AnalysisResult after = new AnalysisResult(before.session(), before.ruleSet(), before.tracks(),
                before.rules(), List.of(Finding.of("headroom", Severity.PROBLEM).tracks("Mix")
                        .message("The rendered mix peaks too high.").build()),
                before.startedAt(), before.elapsed(), before.versions());
        return new VerifiedPlan(planned.plan(), before, rendered, after);
    }
}
