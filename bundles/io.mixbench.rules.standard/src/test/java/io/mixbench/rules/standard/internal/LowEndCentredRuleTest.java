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
        assertEquals(Set.of(Fix.SIDE_HIGH_PASS_HZ, Fix.FILTER_TYPE, Fix.FILTER_SLOPE_DB_PER_OCTAVE),
                monoBelow.fix().actions().keySet());
        assertTrue(monoBelow.suggestion().startsWith("Make the low end of Synth Bass mono: high-pass its side below"),
                monoBelow.suggestion());
    }

    @Test
    void aLoudWideStemIsHighPassedOnItsSide() {
        List<Finding> findings = context(new LowEndCentredRule(), lowEnd("Mix", Role.MIX, 0, -12, -10),
                lowEnd("Synth Pad", Role.PAD, 0, -15, -20), lowEnd("Bass", Role.BASS, 0, -30, -14)).evaluate();
        Finding pad = only(forTrack(findings, "Synth Pad"));
        assertEquals(Severity.WARN, pad.severity());
        // no spectra: the parameter's corner, with the filter named
        assertEquals(new Fix("Synth Pad", Map.of(Fix.SIDE_HIGH_PASS_HZ, 300.0, Fix.FILTER_TYPE,
                Fix.FILTER_LINKWITZ_RILEY, Fix.FILTER_SLOPE_DB_PER_OCTAVE, 24.0)), pad.fix());
        assertEquals("High-pass the side of Synth Pad below 300 Hz, 24 dB/octave (Linkwitz-Riley).",
                pad.suggestion());
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

    /**
     * A stereo part with lowEndSide {@code sideDb} as measured, and mid and side power per 1/3-octave band given in
     * dBFS by {@code midDb} and {@code sideDb} (NaN: none); left and right each carry mid plus side.
     */
    private static MeasuredTrack stereoPart(String name, Role role, double lowEndSideDb,
            java.util.function.DoubleUnaryOperator midDb, java.util.function.DoubleUnaryOperator sideDb) {
        double[] hz = {20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250,
                1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000, 20000};
        double[] channel = new double[hz.length];
        double[] mid = new double[hz.length];
        for (int b = 0; b < hz.length; b++) {
            mid[b] = midDb.applyAsDouble(hz[b]);
            double power = RuleSupport.toPower(mid[b]) + RuleSupport.toPower(sideDb.applyAsDouble(hz[b]));
            channel[b] = power > 0 ? RuleSupport.toDb(power) : Double.NaN;
        }
        return track(name, role).scalar(MeasurementIds.LOW_END_PAN, 0, Units.PERCENT)
                .scalar(MeasurementIds.LOW_END_SIDE, lowEndSideDb, Units.DB)
                .scalar(MeasurementIds.LOW_END_CORRELATION, 0, Units.RATIO)
                .scalar(MeasurementIds.INTEGRATED_LOUDNESS, -20, Units.LUFS)
                .spectrum(MeasurementIds.THIRD_OCTAVE_SPECTRUM, hz, mid, Units.DBFS)
                .spectrum(MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT, hz, channel, Units.DBFS)
                .spectrum(MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT, hz, channel, Units.DBFS).build();
    }

    /** -30 dBFS from {@code fromHz} to {@code toHz}, nothing elsewhere. */
    private static java.util.function.DoubleUnaryOperator between(double fromHz, double toHz) {
        return f -> f >= fromHz && f <= toHz ? -30 : Double.NaN;
    }

    /**
     * Issue 14: a fixed 300 Hz corner left a guitar whose wide low end reaches up to 500 Hz flagged. The corner is
     * computed from the spectra: the lowest (10 Hz steps) at which the predicted low-end side energy falls 3 dB under
     * the limit, and the sentence names the filter.
     */
    @Test
    void theSideHighPassCornerIsTheLowestThatClearsTheLowEnd() {
        // decorrelated channels from 80 to 500 Hz: side as strong as mid
        MeasuredTrack guitar = stereoPart("Guitar", Role.GUITAR, 0, between(80, 500), between(80, 500));
        MeasuredTrack bass = widePart("Bass", Role.BASS, -30, -40, -14);
        Finding finding = only(forTrack(context(new LowEndCentredRule(), bass, guitar).evaluate(), "Guitar"));
        Map<String, Object> actions = finding.fix().actions();
        double corner = ((Number) actions.get(Fix.SIDE_HIGH_PASS_HZ)).doubleValue();
        assertEquals(Fix.FILTER_LINKWITZ_RILEY, actions.get(Fix.FILTER_TYPE));
        assertEquals(24.0, actions.get(Fix.FILTER_SLOPE_DB_PER_OCTAVE));
        assertTrue(corner > 300, "a 300 Hz corner does not clear a low end wide up to 500 Hz: " + corner);
        SideHighPass.Powers powers = SideHighPass.powers(guitar).orElseThrow();
        // under -20 dB, and under -22.1 dB so the low end cannot lean more than 10 %
        double target = LowEndCentredRule.sideDbForPan(10) - SideHighPass.MARGIN_DB;
        assertTrue(SideHighPass.lowEndSideChangeDb(powers, corner) <= target, "clears at " + corner);
        assertTrue(SideHighPass.lowEndSideChangeDb(powers, corner - 10) > target, "lowest corner: " + corner);
        assertEquals("High-pass the side of Guitar below " + SideHighPass.hertz(corner)
                + " Hz, 24 dB/octave (Linkwitz-Riley).", finding.suggestion());
    }

    /**
     * Side energy from 50 Hz up while the mid starts at 2 kHz: no side high-pass up to 1 kHz clears the low end,
     * narrowing does.
     */
    @Test
    void aLowEndWithoutMidIsNarrowedInstead() {
        MeasuredTrack pad = stereoPart("Pad", Role.PAD, 0, between(2000, 20000), between(50, 20000));
        MeasuredTrack bass = widePart("Bass", Role.BASS, -30, -40, -14);
        Finding finding = only(forTrack(context(new LowEndCentredRule(), bass, pad).evaluate(), "Pad"));
        // 0 dB side/mid to -25.1 dB: 10^(-25.1/20) = 5.55 %
        assertEquals(new Fix("Pad", Map.of(StereoSupport.WIDTH_PERCENT, 5.5)), finding.fix());
        assertTrue(finding.suggestion().startsWith("Narrow Pad to 5.5 % width"), finding.suggestion());
    }

    /** The side energy at which a low end can still sit 10 % off centre, whatever the side holds: -22.1 dB. */
    @Test
    void theSideEnergyAtWhichALowEndCanLeanIsBounded() {
        assertEquals(-22.1, LowEndCentredRule.sideDbForPan(10), 0.05);
        assertEquals(-100, LowEndCentredRule.sideDbForPan(0), 1e-9);
    }
}
