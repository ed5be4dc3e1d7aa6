package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.track;
import static io.mixbench.rules.standard.internal.StereoFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rules.standard.internal.Fixtures.FakeContext;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LowEndCentredRuleTest {

    private static MeasuredTrack lowEnd(String name, Role role, double pan, double side, double loudness) {
        return track(name, role).scalar(MeasurementIds.LOW_END_PAN, pan, Units.PERCENT)
                .scalar(MeasurementIds.LOW_END_SIDE, side, Units.DB)
                .scalar(MeasurementIds.INTEGRATED_LOUDNESS, loudness, Units.LUFS).build();
    }

    private static List<Finding> forTrack(List<Finding> findings, String name) {
        return findings.stream().filter(f -> f.tracks().equals(List.of(name))).toList();
    }

    @Test
    void theMixsOffCentreLowEndIsAttributedToTheBass() {
        List<Finding> findings = context(new LowEndCentredRule(), lowEnd("Mix", Role.MIX, 25, -15, -10),
                lowEnd("Bass", Role.BASS, 40, -25, -14), lowEnd("Kick", Role.KICK, 0, -30, -15),
                lowEnd("Guitar", Role.GUITAR, -60, -3, -40)).evaluate();
        assertTrue(forTrack(findings, "Mix").isEmpty(), "the mix is not reported again: " + findings);
        Finding bass = only(forTrack(findings, "Bass"));
        assertEquals(Severity.WARN, bass.severity(), "40 % is short of the 50 % PROBLEM limit");
        assertEquals(40, bass.measured().value(), 1e-9);
        assertEquals(Fix.pan("Bass", 0), bass.fix());
        assertEquals("Bass is one source panned 40 % right in a stereo file: pan it to the centre, folding the file "
                + "to mono first (a balance control would only turn one side down).", bass.suggestion());
        assertTrue(bass.message().contains("Mix"), bass.message());
        assertTrue(bass.message().contains("40 % right"), bass.message());
        assertEquals(Severity.OK, only(forTrack(findings, "Kick")).severity());
        assertTrue(forTrack(findings, "Guitar").isEmpty(), "a quiet guitar's low end does not matter");
    }

    /** Pan on a stereo stem is ambiguous: the move depends on what the file holds below the crossover. */
    @Test
    void theMoveThatCentresALowEndDependsOnWhatTheFileHolds() {
        MeasuredTrack mono = track("Bass", Role.BASS).mono().scalar(MeasurementIds.LOW_END_PAN, -60, Units.PERCENT)
                .scalar(MeasurementIds.INTEGRATED_LOUDNESS, -14, Units.LUFS).build();
        Finding panner = only(forTrack(context(new LowEndCentredRule(), mono).evaluate(), "Bass"));
        assertEquals(Fix.pan("Bass", 0), panner.fix());
        assertEquals("Pan Bass to the centre (its panner sits 60 % left).", panner.suggestion());

        MeasuredTrack onePanned = with(lowEnd("Bass", Role.BASS, -60, -6, -14), MeasurementIds.LOW_END_CORRELATION,
                io.mixbench.meter.Scalar.of(0.99, Units.RATIO));
        Finding fold = only(forTrack(context(new LowEndCentredRule(), onePanned).evaluate(), "Bass"));
        assertEquals(Fix.pan("Bass", 0), fold.fix());
        assertTrue(fold.suggestion().contains("folding the file to mono first"), fold.suggestion());

        MeasuredTrack stereo = with(lowEnd("Synth Bass", Role.BASS, -30, -8, -14), MeasurementIds.LOW_END_CORRELATION,
                io.mixbench.meter.Scalar.of(0.4, Units.RATIO));
        Finding monoBelow = only(forTrack(context(new LowEndCentredRule(), stereo).evaluate(), "Synth Bass"));
        assertEquals(Set.of(Fix.SIDE_HIGH_PASS_HZ), monoBelow.fix().actions().keySet());
        assertTrue(monoBelow.suggestion().startsWith("Make the low end of Synth Bass mono: high-pass its side below"),
                monoBelow.suggestion());
    }

    @Test
    void aLoudWideStemIsHighPassedOnItsSide() {
        List<Finding> findings = context(new LowEndCentredRule(), lowEnd("Mix", Role.MIX, 0, -12, -10),
                lowEnd("Synth Pad", Role.PAD, 0, -15, -20), lowEnd("Bass", Role.BASS, 0, -30, -14)).evaluate();
        Finding pad = only(forTrack(findings, "Synth Pad"));
        assertEquals(Severity.WARN, pad.severity());
        assertEquals(new Fix("Synth Pad", Map.of(Fix.SIDE_HIGH_PASS_HZ, 300.0)), pad.fix());
        assertEquals("High-pass the side of Synth Pad below 300 Hz.", pad.suggestion());
        assertTrue(pad.message().contains("Mix"), pad.message());
        assertTrue(forTrack(findings, "Mix").isEmpty());
        assertEquals(Severity.OK, only(forTrack(findings, "Bass")).severity());
    }

    @Test
    void aMixOffCentreWithoutACauseInTheStemsIsReportedOnTheMix() {
        List<Finding> findings = context(new LowEndCentredRule(), lowEnd("Mix", Role.MIX, -15, -30, -10),
                lowEnd("Bass", Role.BASS, 2, -30, -14)).evaluate();
        Finding mix = only(forTrack(findings, "Mix"));
        assertEquals(Severity.WARN, mix.severity());
        assertTrue(mix.message().contains("15 % left"), mix.message());
        assertEquals(300.0, mix.fix().actions().get(Fix.SIDE_HIGH_PASS_HZ));
        assertEquals(Severity.OK, only(forTrack(findings, "Bass")).severity());
    }

    @Test
    void aMonoBassHasNoSideAndIsCentred() {
        MeasuredTrack bass = track("Bass", Role.BASS).mono().scalar(MeasurementIds.LOW_END_PAN, 0, Units.PERCENT)
                .scalar(MeasurementIds.INTEGRATED_LOUDNESS, -14, Units.LUFS).build();
        Finding finding = only(context(new LowEndCentredRule(), bass).evaluate());
        assertEquals(Severity.OK, finding.severity(), finding.message());
    }

    @Test
    void rawTracksOnlyJudgeTheMix() {
        List<Finding> findings = new FakeContext(new LowEndCentredRule(), ExportKind.RAW_TRACKS, PanLaw.MINUS_3_DB,
                List.of(lowEnd("Mix", Role.MIX, 0, -30, -10), lowEnd("Bass", Role.BASS, 80, -3, -14))).evaluate();
        assertEquals(List.of("Mix"), only(findings).tracks());
        assertEquals(Severity.OK, findings.get(0).severity());
    }

    @Test
    void withinTheLimitsIsOk() {
        List<Finding> findings = context(new LowEndCentredRule(), lowEnd("Mix", Role.MIX, 10, -20, -10),
                lowEnd("Kick", Role.KICK, -9, -21, -14)).evaluate();
        assertEquals(2, findings.size());
        assertTrue(findings.stream().allMatch(f -> f.severity() == Severity.OK), findings.toString());
    }

    @Test
    void stemsWithoutLowEndRolesGetAnOkFinding() {
        Finding finding = only(context(new LowEndCentredRule(), lowEnd("Guitar", Role.GUITAR, -60, -30, -20),
                lowEnd("Lead Vox", Role.LEAD_VOCAL, 0, -40, -16)).evaluate());
        assertEquals(Severity.OK, finding.severity(), finding.message());
        assertEquals(List.of("Guitar", "Lead Vox"), finding.tracks());
    }

    /** Left and right 1/3-octave spectra: {@code lowDb} in the bands up to 200 Hz, {@code highDb} above. */
    private static MeasuredTrack widePart(String name, Role role, double lowDb, double highDb, double loudness) {
        double[] hz = {50, 100, 200, 400, 1000, 4000};
        double[] db = {lowDb, lowDb, lowDb, highDb, highDb, highDb};
        return track(name, role).scalar(MeasurementIds.LOW_END_PAN, -100, Units.PERCENT)
                .scalar(MeasurementIds.LOW_END_SIDE, 0, Units.DB)
                .scalar(MeasurementIds.INTEGRATED_LOUDNESS, loudness, Units.LUFS)
                .spectrum(MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT, hz, db, Units.DBFS)
                .spectrum(MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT, hz, db, Units.DBFS).build();
    }

    /** docs/severity.md: a somewhat wide or off-centre low end is WARN; far off (side -6 dB, 50 % pan) PROBLEM. */
    @ParameterizedTest
    @CsvSource({"KEYS, 0, -9, WARN", "KEYS, 0, -6, PROBLEM", "KEYS, 0, -3, PROBLEM", "BASS, 30, -40, WARN",
            "BASS, 49, -40, WARN", "BASS, 50, -40, PROBLEM", "BASS, 100, -40, PROBLEM"})
    void severityFollowsHowFarTheLowEndIsOff(Role role, double panPercent, double sideDb, Severity expected) {
        MeasuredTrack subject = lowEnd("Subject", role, panPercent, sideDb, -14);
        List<Finding> findings = role == Role.BASS
                ? context(new LowEndCentredRule(), subject).evaluate()
                : context(new LowEndCentredRule(), lowEnd("Bass", Role.BASS, 0, -40, -14), subject).evaluate();
        Finding finding = only(forTrack(findings, "Subject"));
        assertEquals(expected, finding.severity(), finding.message());
    }

    @Test
    void aWideStemCountsOnlyWhenItHasALowEndWorthTheName() {
        // Loud overall, hard-panned (so all side), but hardly anything below 200 Hz: not a low-end problem.
        MeasuredTrack guitar = widePart("Gtr R", Role.GUITAR, -70, -15, -12);
        // A pad whose low end is within 15 dB of the bass's: its wide low end matters.
        MeasuredTrack pad = widePart("Pad", Role.PAD, -30, -30, -25);
        MeasuredTrack bass = widePart("Bass", Role.BASS, -20, -40, -14);
        List<Finding> findings = context(new LowEndCentredRule(), bass, guitar, pad)
                .evaluate();
        assertTrue(forTrack(findings, "Gtr R").isEmpty(), "no low end, no low-end finding: " + findings);
        assertEquals(Severity.PROBLEM, forTrack(findings, "Pad").get(0).severity(), findings.toString());
    }
}
