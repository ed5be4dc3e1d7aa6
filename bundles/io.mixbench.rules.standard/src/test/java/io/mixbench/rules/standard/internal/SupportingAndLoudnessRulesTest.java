package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.gain;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rules.standard.internal.Fixtures.FakeContext;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** supporting.level and premaster.loudness on both sides of every threshold. */
class SupportingAndLoudnessRulesTest {

    private static MeasuredTrack part(String name, Role role, double peak) {
        return track(name, role).scalar(MeasurementIds.SAMPLE_PEAK, peak, Units.DBFS).build();
    }

    @ParameterizedTest
    @CsvSource({"-30.0, OK", "-18.0, OK", "-17.5, INFO", "-17.01, INFO", "-17.0, WARN", "-15.01, WARN",
            "-15.0, WARN", "-13.01, WARN", "-13.0, PROBLEM", "-3.0, PROBLEM"})
    void supportingPeakSeverities(double peak, Severity expected) {
        for (Role role : List.of(Role.PAD, Role.BACKING_VOCALS, Role.PERCUSSION, Role.FX_RETURN)) {
            Finding finding = only(context(new SupportingLevelRule(), part("Part", role, peak)).evaluate());
            assertEquals(expected, finding.severity(), finding.message());
            assertEquals(peak, finding.measured().value(), 1e-9);
            assertEquals("sample peak", finding.measured().measure());
            assertEquals(-18, finding.target().max(), 1e-9);
            if (expected == Severity.WARN || expected == Severity.PROBLEM) {
                assertEquals(Math.round((-18 - peak) * 10) / 10.0, gain(finding), 1e-9);
                assertTrue(finding.suggestion().startsWith("Lower Part by"), finding.suggestion());
            } else {
                assertNull(finding.fix());
            }
        }
    }

    @Test
    void supportingJudgesOnlySupportingRolesAndHonoursItsParameter() {
        List<Finding> findings = context(new SupportingLevelRule(), part("Kick", Role.KICK, -3),
                part("Pad", Role.PAD, -16)).with("maxPeak", -15).evaluate();
        Finding pad = only(findings);
        assertEquals(List.of("Pad"), pad.tracks());
        assertEquals(Severity.OK, pad.severity());

        Finding nothing = only(context(new SupportingLevelRule(), part("Kick", Role.KICK, -3)).evaluate());
        assertEquals(Severity.INFO, nothing.severity());
        assertTrue(nothing.message().contains(" not checked: "), nothing.message());
    }

    @Test
    void supportingCannotJudgeASilentStem() {
        MeasuredTrack silent = track("Pad", Role.PAD).absent(MeasurementIds.SAMPLE_PEAK, Units.DBFS, "silent").build();
        Finding finding = only(context(new SupportingLevelRule(), silent).evaluate());
        assertEquals(Severity.INFO, finding.severity());
        assertTrue(finding.message().contains("Cannot judge") && finding.message().contains("silent"),
                finding.message());
    }

    private static MeasuredTrack mix(double loudness, double samplePeak) {
        return track("Mix", Role.MIX).scalar(MeasurementIds.INTEGRATED_LOUDNESS, loudness, Units.LUFS)
                .scalar(MeasurementIds.SAMPLE_PEAK, samplePeak, Units.DBFS).build();
    }

    @ParameterizedTest
    @CsvSource({"-20.0, OK", "-18.0, OK", "-23.0, OK", "-17.5, INFO", "-23.5, INFO", "-17.0, WARN", "-24.0, WARN",
            "-6.0, WARN", "-40.0, WARN"})
    void premasterSeveritiesNeverProblem(double loudness, Severity expected) {
        Finding finding = only(context(new PremasterLoudnessRule(), mix(loudness, -30)).evaluate());
        assertEquals(expected, finding.severity(), finding.message());
        assertEquals(loudness, finding.measured().value(), 1e-9);
        assertEquals(Units.LUFS, finding.measured().unit());
        if (expected == Severity.WARN) {
            assertTrue(finding.fix() != null, finding.toString());
        } else {
            assertNull(finding.fix());
        }
    }

    @Test
    void loudPremasterIsTurnedDownToTheCentre() {
        Finding finding = only(context(new PremasterLoudnessRule(), mix(-12, -0.5)).evaluate());
        assertEquals(-8.5, gain(finding), 1e-9);
        assertTrue(finding.suggestion().contains("limiter"), finding.suggestion());
        // applied: -20.5 LUFS is OK
        Finding after = only(context(new PremasterLoudnessRule(), mix(-12 + gain(finding), -9)).evaluate());
        assertEquals(Severity.OK, after.severity());
    }

    @Test
    void quietPremasterIsRaisedOnlyAsFarAsItsPeaksAllow() {
        Finding free = only(context(new PremasterLoudnessRule(), mix(-28, -20)).evaluate());
        assertEquals(7.5, gain(free), 1e-9);
        Finding limited = only(context(new PremasterLoudnessRule(), mix(-28, -8)).evaluate());
        assertEquals(Severity.WARN, limited.severity());
        assertEquals(5.0, gain(limited), 1e-9);
        assertTrue(limited.suggestion().contains("as far as its peaks allow"), limited.suggestion());
        Finding stuck = only(context(new PremasterLoudnessRule(), mix(-28, -3)).evaluate());
        assertEquals(Severity.INFO, stuck.severity());
        assertNull(stuck.fix());
    }

    @Test
    void premasterCannotJudge() {
        MeasuredTrack silent = track("Mix", Role.MIX)
                .absent(MeasurementIds.INTEGRATED_LOUDNESS, Units.LUFS, "below the absolute gate").build();
        Finding finding = only(context(new PremasterLoudnessRule(), silent).evaluate());
        assertEquals(Severity.INFO, finding.severity());
        assertTrue(finding.message().contains("below the absolute gate"), finding.message());
        assertNull(finding.measured());
        Finding noMix = only(new FakeContext(new PremasterLoudnessRule(), ExportKind.STEMS, PanLaw.MINUS_3_DB,
                List.of(part("Pad", Role.PAD, -20))).evaluate());
        assertEquals(Severity.INFO, noMix.severity());
    }
}
