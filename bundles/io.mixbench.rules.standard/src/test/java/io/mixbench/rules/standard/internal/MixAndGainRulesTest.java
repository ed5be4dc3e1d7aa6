package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.gain;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rules.standard.internal.Fixtures.FakeContext;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MixAndGainRulesTest {

    private static MeasuredTrack mix(double samplePeak, double truePeak) {
        return track("Mix", Role.MIX).scalar(MeasurementIds.SAMPLE_PEAK, samplePeak, Units.DBFS)
                .scalar(MeasurementIds.TRUE_PEAK, truePeak, Units.DBTP).build();
    }

    @ParameterizedTest
    @CsvSource({"-6.0, OK", "-9.0, OK", "-3.0, OK", "-12.0, INFO", "-2.5, WARN", "-1.01, WARN", "-1.0, PROBLEM",
            "-0.1, PROBLEM"})
    void headroomSeverities(double peak, Severity expected) {
        Finding finding = only(context(new MixHeadroomRule(), mix(peak, peak + 0.3)).evaluate());
        assertEquals(expected, finding.severity(), finding.message());
        assertEquals(peak, finding.measured().value(), 1e-9);
        assertTrue(finding.message().contains("true peak " + RuleSupport.f1(peak + 0.3) + " dBTP"),
                finding.message());
        if (expected == Severity.WARN || expected == Severity.PROBLEM) {
            assertEquals(Math.round((-6.0 - peak) * 10) / 10.0, gain(finding), 1e-9);
            assertTrue(finding.suggestion().startsWith("Lower the mix bus"), finding.suggestion());
        } else {
            assertNull(finding.fix());
        }
    }

    @Test
    void headroomFixReachesMinus6() {
        Finding finding = only(context(new MixHeadroomRule(), mix(-2.5, -2.2)).evaluate());
        assertEquals(-3.5, gain(finding), 1e-9);
        assertEquals("Mix", finding.fix().track());
    }

    @Test
    void aLimitedMixBusGetsNoFaderMoveAfterTheLimiter() {
        // +8 dB into a -1 dBFS limiter: the null test measures the gain reduction (bus.limiting reports it).
        GroupMeasurement nullTest = new GroupMeasurement("nullTest", List.of("Mix", "Kick"), Map.of(
                "peakGainReduction", Scalar.of(3.4, Units.DB), "makeUpGain", Scalar.of(8.0, Units.DB),
                "limitedShare", Scalar.of(16.8, Units.PERCENT), "limitedFitResidual", Scalar.of(-42, Units.DB),
                "reductionSpread", Scalar.of(97, Units.PERCENT), "reductionLevelCorrelation",
                Scalar.of(0.55, Units.RATIO), "sumPeak", Scalar.of(-5.6, Units.DBFS)));
        MeasuredTrack kick = track("Kick", Role.KICK).build();
        Finding finding = only(context(new MixHeadroomRule(), mix(-1.0, 0.3), kick).withGroup(nullTest).evaluate());
        assertEquals(Severity.PROBLEM, finding.severity(), "the delivered file still has no headroom");
        assertNull(finding.fix(), "a master fader after the limiter would leave the limiting in");
        assertTrue(finding.message()
                .endsWith("That peak is the ceiling of the limiter/compressor on the mix bus (up to 3.4 dB of "
                        + "gain reduction in the null test), so a master fader after it would not give the headroom back."),
                finding.message());
        assertEquals("Bypass the limiter/compressor on the mix bus and take off its make-up gain (8.0 dB) instead, as "
                + "bus.limiting says: the mix then peaks at -5.6 dBFS.", finding.suggestion());
    }

    @ParameterizedTest
    @CsvSource({"-1.0, OK, 0", "-3.0, OK, 0", "-0.96, PROBLEM, -0.1", "0.5, PROBLEM, -1.5", "-0.6, PROBLEM, -0.4"})
    void truePeak(double truePeak, Severity expected, double expectedGain) {
        Finding finding = only(context(new TruePeakRule(), mix(truePeak - 0.5, truePeak)).evaluate());
        assertEquals(expected, finding.severity(), finding.message());
        assertEquals("dBTP", finding.measured().unit());
        if (expected == Severity.PROBLEM) {
            assertEquals(expectedGain, gain(finding), 1e-9);
        } else {
            assertNull(finding.fix());
        }
    }

    private static Finding staging(double rmsActive) {
        MeasuredTrack part = track("Kick In", Role.KICK).scalar(MeasurementIds.RMS_ACTIVE, rmsActive, Units.DBFS)
                .build();
        return only(new FakeContext(new GainStagingRule(), ExportKind.RAW_TRACKS, PanLaw.MINUS_3_DB, List.of(part))
                .evaluate());
    }

    @ParameterizedTest
    @CsvSource({"-18.0, OK", "-21.0, OK", "-15.0, OK", "-21.5, INFO", "-14.5, INFO", "-22.0, WARN", "-13.0, WARN",
            "-24.0, WARN", "-6.0, WARN", "-38.0, WARN", "-40.9, WARN", "-41.0, PROBLEM", "-50.0, PROBLEM"})
    void gainStagingSeverities(double rms, Severity expected) {
        Finding finding = staging(rms);
        assertEquals(expected, finding.severity(), finding.message());
        assertEquals(-21.0, finding.target().min());
        assertEquals(-15.0, finding.target().max());
    }

    @Test
    void gainStagingFixIsInputGain() {
        Finding finding = staging(-22.0);
        assertEquals(4.0, gain(finding), 1e-9);
        assertEquals("Raise the input gain of Kick In by 4.0 dB.", finding.suggestion());
        assertTrue(finding.message().startsWith("Kick In plays at -22.0 dBFS RMS"), finding.message());
    }

    @Test
    void gainStagingJudgesPartsNotTheMix() {
        List<Finding> findings = new FakeContext(new GainStagingRule(), ExportKind.RAW_TRACKS, PanLaw.MINUS_3_DB,
                List.of(track("Bass DI", Role.BASS).scalar(MeasurementIds.RMS_ACTIVE, -30, Units.DBFS).build(),
                        mix(-6, -6)))
                .evaluate();
        assertEquals(List.of("Bass DI"), only(findings).tracks());
    }
}
