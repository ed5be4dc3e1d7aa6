package io.mixbench.plan.internal.export;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.MoveKind;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
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
import io.mixbench.rule.Severity;
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

/**
 * Plans built in code: a session of a kick (48 kHz), a bass (48 kHz, stereo), a lead vocal (44.1 kHz) ridden from
 * 10 s to 14 s, and the mix; a plan with a common move, a fader move, a pan and the ride, rendered and verified.
 */
final class PlanFixtures {

    static final Path ROOT = Path.of("/sessions/Song Ä");
    static final Path RENDERED = Path.of("/renders/Song Ä plan");
    static final String VOCAL = "Lead Vox";
    static final double VOCAL_STATIC_DB = 1.5;
    /** The ride: up 4.5 dB over 0.5 s at 10 s, held to 14 s, back down by 14.5 s. */
    static final List<GainPoint> VOCAL_RIDE = List.of(new GainPoint(9.5, 0), new GainPoint(10, 4.5),
            new GainPoint(14, 4.5), new GainPoint(14.5, 0));
    static final AudioFormat MONO_48K = new AudioFormat(48000, ChannelLayout.MONO, 24, SampleEncoding.PCM_INTEGER,
            960000, "WAV PCM 24-bit");
    static final AudioFormat STEREO_48K = new AudioFormat(48000, ChannelLayout.STEREO, 24,
            SampleEncoding.PCM_INTEGER, 960000, "WAV PCM 24-bit");
    static final AudioFormat MONO_44K = new AudioFormat(44100, ChannelLayout.MONO, 32, SampleEncoding.PCM_FLOAT,
            882000, "WAV float 32-bit");

    private PlanFixtures() {
    }

    static Session session(List<String> parts) {
        List<Track> tracks = new ArrayList<>();
        for (String part : parts) {
            tracks.add(new Track(part, ROOT.resolve(part + ".wav"), part.equals(VOCAL) ? Role.LEAD_VOCAL : Role.OTHER,
                    null));
        }
        tracks.add(new Track("Mix", ROOT.resolve("Mix.wav"), Role.MIX, null));
        return new Session(ROOT, tracks, ExportKind.STEMS, PanLaw.MINUS_3_DB, "default", Map.of());
    }

    static AnalysisResult analysis(Session session, List<Finding> findings, Map<String, AudioFormat> formats,
            Map<String, Double> mixScalars) {
        List<MeasuredTrack> measured = new ArrayList<>();
        for (Track track : session.tracks()) {
            Map<String, io.mixbench.meter.Measurement> measurements = new LinkedHashMap<>();
            if (track.role() == Role.MIX) {
                mixScalars.forEach((id, value) -> measurements.put(id, Scalar.of(value, unitOf(id))));
            }
            measured.add(new MeasuredTrack(track, formats.getOrDefault(track.name(), STEREO_48K), 20.0, measurements,
                    null));
        }
        return new AnalysisResult(session, null, measured, List.of(), findings, Instant.parse("2026-12-03T12:00:00Z"),
                Duration.ofSeconds(2), Map.of("mixbench", "0.1.0"));
    }

    private static String unitOf(String id) {
        return switch (id) {
            case MeasurementIds.TRUE_PEAK -> Units.DBTP;
            case MeasurementIds.INTEGRATED_LOUDNESS -> Units.LUFS;
            default -> Units.DBFS;
        };
    }

    static Finding finding(String rule, Severity severity, String track, String message) {
        return Finding.of(rule, severity).tracks(track).message(message).build();
    }

    static AnalysisResult before() {
        return analysis(session(List.of("Kick", "Bass", VOCAL)),
                List.of(finding("kick.level", Severity.PROBLEM, "Kick", "Kick is 6.1 dB above its range."),
                        finding("vocal.lead", Severity.WARN, VOCAL, "Lead Vox sits 4 dB low from 10 s to 14 s."),
                        finding("bass.centre", Severity.WARN, "Bass", "Bass sits 40 % left."),
                        finding("mix.loudness", Severity.INFO, "Mix", "The mix is at -20 LUFS.")),
                Map.of("Kick", MONO_48K, "Bass", STEREO_48K, VOCAL, MONO_44K), Map.of());
    }

    /** A plan with a common move, a fader move on two tracks' worth of fixes, a pan and the vocal ride. */
    static Plan plan() {
        List<PlannedMove> moves = List.of(
                new PlannedMove("common", MoveKind.LEVEL, List.of(Fix.gain("Mix", 2).and(Fix.ALL_PARTS, true)),
                        List.of("mix.loudness"), "Raise every part by 2.0 dB", List.of()),
                new PlannedMove("level:Kick", MoveKind.LEVEL, List.of(Fix.gain("Kick", -6)), List.of("kick.level"),
                        "Lower Kick by 6.0 dB", List.of()),
                new PlannedMove("pan:Bass", MoveKind.PAN,
                        List.of(new Fix("Bass", Map.of(Fix.BALANCE_DB, -3.5)),
                                new Fix("Bass", Map.of(Fix.SIDE_HIGH_PASS_HZ, 120.0, Fix.FILTER_TYPE,
                                        Fix.FILTER_LINKWITZ_RILEY, Fix.FILTER_SLOPE_DB_PER_OCTAVE, 24))),
                        List.of("bass.centre", "bass.mono"), "Centre Bass: balance -3.5 dB, mono below 120 Hz",
                        List.of()),
                new PlannedMove("ride:" + VOCAL, MoveKind.RIDE,
                        List.of(Fix.gain(VOCAL, 4.5).and(Fix.START_SECONDS, 10.0).and(Fix.END_SECONDS, 14.0)),
                        List.of("vocal.lead"), "Ride Lead Vox up 4.5 dB from 10.0 s to 14.0 s", VOCAL_RIDE));
        List<TrackChanges> changes = List.of(TrackChanges.none("Kick").withGainDb(-4),
                TrackChanges.none("Bass").withGainDb(2).withStereo(false, null, null, -3.5, null, 120.0, 24),
                TrackChanges.none(VOCAL).withGainDb(VOCAL_STATIC_DB).withRide(VOCAL_RIDE));
        return new Plan("default", moves, changes, 2, -0.5,
                List.of(finding("vocal.lead", Severity.WARN, VOCAL, "Lead Vox sits 1.1 dB low at 31 s."),
                        finding("mix.loudness", Severity.INFO, "Mix", "The mix is at -18 LUFS.")),
                List.of("vocal.lead on Lead Vox: no ride within 8 dB places it at 31 s."), Set.of("eq:Keys", "bus"));
    }

    static VerifiedPlan unrendered() {
        return VerifiedPlan.unrendered(plan(), before());
    }

    static VerifiedPlan rendered() {
        AnalysisResult before = before();
        Map<String, Path> stems = new LinkedHashMap<>();
        for (String part : List.of("Kick", "Bass", VOCAL)) {
            stems.put(part, RENDERED.resolve(part + ".wav"));
        }
        RenderedSession rendered = new RenderedSession(RENDERED.resolve("Song.mixbench"), stems,
                RENDERED.resolve("Mix.wav"), -1.25);
        AnalysisResult after = analysis(session(List.of("Kick", "Bass", VOCAL)),
                List.of(finding("vocal.lead", Severity.WARN, VOCAL, "Lead Vox sits 1.0 dB low at 31 s."),
                        finding("mix.loudness", Severity.INFO, "Mix", "The mix is at -18 LUFS.")),
                Map.of("Kick", MONO_48K, "Bass", STEREO_48K, VOCAL, MONO_44K),
                Map.of(MeasurementIds.SAMPLE_PEAK, -1.25, MeasurementIds.TRUE_PEAK, -0.75,
                        MeasurementIds.INTEGRATED_LOUDNESS, -14.5));
        return new VerifiedPlan(plan(), before, rendered, after);
    }

    /** {@link #unrendered()} with the vocal's file not decoded: its breakpoints have no sample positions. */
    static VerifiedPlan vocalNotDecoded() {
        AnalysisResult before = before();
        List<MeasuredTrack> tracks = before.tracks().stream()
                .map(t -> t.name().equals(VOCAL)
                        ? new MeasuredTrack(t.track(), null, Double.NaN, Map.of(), "Lead Vox.wav: not a WAV file")
                        : t)
                .toList();
        return VerifiedPlan.unrendered(plan(), new AnalysisResult(before.session(), null, tracks, List.of(),
                before.findings(), before.startedAt(), before.elapsed(), before.versions()));
    }

    /** A plan with no moves: every part left as it is. */
    static VerifiedPlan empty() {
        AnalysisResult before = analysis(session(List.of("Kick", "Bass")), List.of(), Map.of(), Map.of());
        Plan plan = new Plan("default", List.of(), List.of(TrackChanges.none("Kick"), TrackChanges.none("Bass")), 0, 0,
                List.of(), List.of(), Set.of());
        return VerifiedPlan.unrendered(plan, before);
    }

    /** A plan that rides {@code count} parts, each up 3 dB from 1 s to 2 s. */
    static VerifiedPlan ridingParts(int count) {
        List<String> parts = new ArrayList<>();
        List<TrackChanges> changes = new ArrayList<>();
        List<PlannedMove> moves = new ArrayList<>();
        List<GainPoint> ride = List.of(new GainPoint(1, 0), new GainPoint(2, 3));
        for (int i = 1; i <= count; i++) {
            String part = "Part " + i;
            parts.add(part);
            changes.add(TrackChanges.none(part).withRide(ride));
            moves.add(new PlannedMove("ride:" + part, MoveKind.RIDE,
                    List.of(Fix.gain(part, 3).and(Fix.START_SECONDS, 1.0).and(Fix.END_SECONDS, 2.0)), List.of("r"),
                    "Ride " + part, ride));
        }
        AnalysisResult before = analysis(session(parts), List.of(), Map.of(), Map.of());
        return VerifiedPlan.unrendered(new Plan("default", moves, changes, 0, 0, List.of(), List.of(), Set.of()),
                before);
    }
}
