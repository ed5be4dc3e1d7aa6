package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.gain;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.ofSeverity;
import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rules.standard.internal.Fixtures.TrackBuilder;
import io.mixbench.session.Role;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HealthRuleTest {

    /** A healthy file; tests change one measurement at a time. */
    private static TrackBuilder healthy(String name, Role role) {
        return track(name, role).scalar(MeasurementIds.SAMPLE_PEAK, -6, Units.DBFS)
                .scalar(MeasurementIds.TRUE_PEAK, -5.8, Units.DBTP).scalar(HealthRule.CLIPPED_RUNS, 0, Units.COUNT)
                .scalar(HealthRule.OVER_FULL_SCALE_SAMPLES, 0, Units.COUNT)
                .scalar(HealthRule.DC_OFFSET, 0.01, Units.PERCENT)
                .scalar(HealthRule.INTER_SAMPLE_OVERS, 0, Units.COUNT);
    }

    private static MeasuredTrack asFloat(MeasuredTrack t) {
        AudioFormat f = new AudioFormat(48000, ChannelLayout.STEREO, 32, SampleEncoding.PCM_FLOAT, 480000,
                "WAV float 32-bit");
        return new MeasuredTrack(t.track(), f, t.durationSeconds(), t.measurements(), null);
    }

    @Test
    void healthyFilesGetOneOkFinding() {
        Finding ok = only(context(new HealthRule(), healthy("Kick", Role.KICK).build(), healthy("Mix", Role.MIX)
                .build(), healthy("Ref", Role.REFERENCE).scalar(HealthRule.CLIPPED_RUNS, 50, Units.COUNT).build())
                .evaluate());
        assertEquals(Severity.OK, ok.severity());
        assertEquals(List.of("Kick", "Mix"), ok.tracks()); // references are someone else's masters
    }

    @ParameterizedTest
    @CsvSource({"0, OK", "1, WARN", "9, WARN", "10, PROBLEM", "500, PROBLEM"})
    void clippedRuns(double runs, Severity expected) {
        Finding finding = context(new HealthRule(), healthy("Gtr", Role.GUITAR)
                .scalar(HealthRule.CLIPPED_RUNS, runs, Units.COUNT).build()).evaluate().get(0);
        assertEquals(expected, finding.severity(), finding.message());
        if (expected != Severity.OK) {
            assertEquals(runs, finding.measured().value(), 1e-9);
            assertEquals(-1.0, gain(finding), 1e-9);
            assertTrue(finding.message().contains("clipped"), finding.message());
        }
    }

    @Test
    void floatAboveFullScaleIsFlaggedForExportNotClipping() {
        MeasuredTrack hot = asFloat(healthy("Synth", Role.SYNTH).scalar(MeasurementIds.SAMPLE_PEAK, 2.3, Units.DBFS)
                .scalar(HealthRule.OVER_FULL_SCALE_SAMPLES, 1234, Units.COUNT).build());
        Finding finding = only(context(new HealthRule(), hot).evaluate());
        assertEquals(Severity.WARN, finding.severity());
        assertTrue(finding.message().contains("not clipped") && finding.message().contains("floating-point"),
                finding.message());
        assertEquals(-3.3, gain(finding), 1e-9);
        assertEquals(1234, finding.measured().value(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"0.5, OK", "-0.5, OK", "0.51, WARN", "-0.6, WARN", "12, WARN"})
    void dcOffset(double percent, Severity expected) {
        Finding finding = context(new HealthRule(), healthy("Bass", Role.BASS)
                .scalar(HealthRule.DC_OFFSET, percent, Units.PERCENT).build()).evaluate().get(0);
        assertEquals(expected, finding.severity(), finding.message());
        if (expected == Severity.WARN) {
            assertEquals(HealthRule.DC_HIGH_PASS_HZ, finding.fix().actions().get(HealthRule.HIGH_PASS_HZ));
            assertEquals(Units.PERCENT, finding.measured().unit());
        }
    }

    /** A mix whose DC offset comes from a part is told so once; the part's finding carries the fix. */
    @Test
    void mixDcOffsetFromAPartIsThePartsToFix() {
        MeasuredTrack bass = healthy("Bass", Role.BASS).scalar(HealthRule.DC_OFFSET, 0.9, Units.PERCENT).build();
        MeasuredTrack mix = healthy("Mix", Role.MIX).scalar(HealthRule.DC_OFFSET, 0.8, Units.PERCENT).build();
        List<Finding> findings = context(new HealthRule(), bass, mix).evaluate();
        Finding part = only(ofSeverity(findings, Severity.WARN));
        assertEquals(List.of("Bass"), part.tracks());
        assertEquals(HealthRule.DC_HIGH_PASS_HZ, part.fix().actions().get(HealthRule.HIGH_PASS_HZ));
        Finding info = only(ofSeverity(findings, Severity.INFO));
        assertEquals(List.of("Mix", "Bass"), info.tracks());
        assertEquals(null, info.fix());
        assertTrue(info.message().contains("comes from Bass"), info.message());
        assertEquals(0.8, info.measured().value(), 1e-9);

        // An offset of the other sign, or too small a share, does not explain the mix's: both are the mix's own.
        for (double partDc : new double[]{-0.9, 0.6}) {
            MeasuredTrack other = healthy("Bass", Role.BASS).scalar(HealthRule.DC_OFFSET, partDc, Units.PERCENT)
                    .build();
            MeasuredTrack hot = healthy("Mix", Role.MIX).scalar(HealthRule.DC_OFFSET, 2.0, Units.PERCENT).build();
            List<Finding> own = ofSeverity(context(new HealthRule(), other, hot).evaluate(), Severity.WARN);
            assertEquals(2, own.size(), own.toString());
            assertTrue(own.stream().allMatch(f -> f.fix() != null), own.toString());
        }
    }

    @ParameterizedTest
    @CsvSource({"-69.9, OK", "-70.0, WARN", "-90.0, WARN"})
    void quietFilesAreSilentAtTheThreshold(double peak, Severity expected) {
        Finding finding = context(new HealthRule(), healthy("Clap", Role.PERCUSSION)
                .scalar(MeasurementIds.SAMPLE_PEAK, peak, Units.DBFS).build()).evaluate().get(0);
        assertEquals(expected, finding.severity(), finding.message());
    }

    @Test
    void digitalSilenceIsOneWarnWithARemoveFix() {
        MeasuredTrack silent = track("Clap", Role.PERCUSSION).absent(MeasurementIds.SAMPLE_PEAK, Units.DBFS,
                "silent").scalar(HealthRule.CLIPPED_RUNS, 0, Units.COUNT).build();
        Finding finding = only(context(new HealthRule(), silent).evaluate());
        assertEquals(Severity.WARN, finding.severity());
        assertTrue(finding.message().contains("all digital silence"), finding.message());
        assertEquals(Boolean.TRUE, finding.fix().actions().get(HealthRule.REMOVE_FROM_SESSION));
    }

    @Test
    void interSampleOversCountOnTheMixOnly() {
        MeasuredTrack part = healthy("Kick", Role.KICK).scalar(HealthRule.INTER_SAMPLE_OVERS, 7, Units.COUNT).build();
        MeasuredTrack mix = healthy("Mix", Role.MIX).scalar(HealthRule.INTER_SAMPLE_OVERS, 12, Units.COUNT)
                .scalar(MeasurementIds.TRUE_PEAK, 0.4, Units.DBTP).build();
        List<Finding> findings = context(new HealthRule(), part, mix).evaluate();
        Finding warn = only(ofSeverity(findings, Severity.WARN));
        assertEquals(List.of("Mix"), warn.tracks());
        assertEquals(12, warn.measured().value(), 1e-9);
        assertEquals(-1.4, gain(warn), 1e-9);
        assertEquals(List.of("Kick"), only(ofSeverity(findings, Severity.OK)).tracks());
        MeasuredTrack clean = healthy("Mix", Role.MIX).scalar(HealthRule.INTER_SAMPLE_OVERS, 12 - 12, Units.COUNT)
                .build();
        assertEquals(Severity.OK, only(context(new HealthRule(), clean).evaluate()).severity());
    }

    @Test
    void missingMeasurementsAreOneInfoPerTrack() {
        MeasuredTrack broken = track("Gtr", Role.GUITAR)
                .absent(MeasurementIds.SAMPLE_PEAK, Units.DBFS, "non-finite samples")
                .absent(HealthRule.CLIPPED_RUNS, Units.COUNT, "non-finite samples").build();
        Finding finding = only(context(new HealthRule(), broken).evaluate());
        assertEquals(Severity.INFO, finding.severity());
        assertTrue(finding.message().startsWith("Cannot judge") && finding.message().contains("non-finite"),
                finding.message());
        Finding nothing = only(context(new HealthRule()).evaluate());
        assertTrue(nothing.message().contains(" not checked: "), nothing.message());
    }
}
