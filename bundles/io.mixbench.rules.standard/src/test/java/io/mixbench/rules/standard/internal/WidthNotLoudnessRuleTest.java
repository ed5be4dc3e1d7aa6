package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WidthNotLoudnessRuleTest {

    private static MeasuredTrack monoVox(double loudness) {
        return track("Vox", Role.LEAD_VOCAL).mono().scalar(MeasurementIds.INTEGRATED_LOUDNESS, loudness, Units.LUFS)
                .build();
    }

    private static MeasuredTrack pad(double loudness, double loss) {
        return track("Pad", Role.PAD).scalar(MeasurementIds.INTEGRATED_LOUDNESS, loudness, Units.LUFS)
                .scalar(StereoSupport.MONO_SUM_LOSS, loss, Units.DB).build();
    }

    private static List<Finding> forTrack(List<Finding> findings, String name) {
        return findings.stream().filter(f -> f.tracks().contains(name)).toList();
    }

    private static Finding padAt(double loudness, double loss) {
        return only(forTrack(context(new WidthNotLoudnessRule(), monoVox(-14), pad(loudness, loss)).evaluate(),
                "Pad"));
    }

    @Test
    void lossBoundaries() {
        assertEquals(Severity.WARN, padAt(-16, -3.01).severity());
        assertEquals(Severity.WARN, padAt(-16, -2.0).severity());
        Finding ok = padAt(-16, -1.99);
        assertEquals(Severity.OK, ok.severity());
        assertEquals(List.of("Vox", "Pad"), ok.tracks());
        assertEquals(-1.99, ok.measured().value(), 1e-9);
    }

    @Test
    void onlyTheLoudestPartsAreJudged() {
        // the mono vocal's -14 LUFS count as -13.99 (+0.0103 dB) at the -3 dB pan law
        assertEquals(Severity.WARN, padAt(-19.98, -3).severity());
        List<Finding> quiet = context(new WidthNotLoudnessRule(), monoVox(-14), pad(-20.01, -3)).evaluate();
        assertTrue(forTrack(quiet, "Pad").isEmpty(), quiet.toString());
        assertEquals(Severity.OK, only(quiet).severity());
        // at the 0 dB pan law the vocal counts 3 dB louder
        List<Finding> zeroDb = new FakeContext(new WidthNotLoudnessRule(), ExportKind.STEMS, PanLaw.ZERO_DB,
                List.of(monoVox(-14), pad(-18, -3))).evaluate();
        assertTrue(forTrack(zeroDb, "Pad").isEmpty(), zeroDb.toString());
    }

    /** A vocal with one channel inverted: narrowing it would remove it; mono.compatibility gives the polarity fix. */
    @Test
    void aStemWhoseChannelsCancelIsLeftToThePolarityFix() {
        MeasuredTrack inverted = track("Vox", Role.LEAD_VOCAL)
                .scalar(MeasurementIds.INTEGRATED_LOUDNESS, -14, Units.LUFS)
                .scalar(StereoSupport.MONO_SUM_LOSS, -100, Units.DB).scalar(StereoSupport.WIDTH, 100, Units.DB).build();
        List<Finding> findings = context(new WidthNotLoudnessRule(), inverted).evaluate();
        Finding finding = only(findings);
        assertEquals(Severity.INFO, finding.severity());
        assertEquals(null, finding.fix(), "no move that removes the part");
        assertTrue(finding.message().contains("Vox (its channels largely cancel in mono, as in opposite polarity: "
                + "mono.compatibility gives the fix"), finding.message());
        // Half cancelled: still narrowed, never below the narrowest width the rule proposes.
        MeasuredTrack partly = track("Pad", Role.PAD).scalar(MeasurementIds.INTEGRATED_LOUDNESS, -14, Units.LUFS)
                .scalar(StereoSupport.MONO_SUM_LOSS, -6, Units.DB).build();
        Finding narrowed = only(context(new WidthNotLoudnessRule(), partly).evaluate());
        assertEquals(Severity.WARN, narrowed.severity());
        assertTrue(((Number) narrowed.fix().actions().get(StereoSupport.WIDTH_PERCENT)).doubleValue() >= 20,
                narrowed.fix().toString());
    }

    @Test
    void theFixNarrowsItClearOfTheLimit() {
        Finding finding = padAt(-13, -3.01);
        assertEquals(Severity.WARN, finding.severity());
        assertTrue(finding.message().startsWith("Pad is the loudest part at -13.0 LUFS"), finding.message());
        assertTrue(finding.message().contains("drops 3.0 dB when folded to mono"), finding.message());
        assertEquals(-2, finding.target().min(), 1e-9);
        double percent = ((Number) finding.fix().actions().get(StereoSupport.WIDTH_PERCENT)).doubleValue();
        double width = StereoSupport.widthFromLoss(-3.01);
        double after = StereoSupport.lossFromWidth(width + 20 * Math.log10(percent / 100));
        assertEquals(-1.0, after, 0.01);
        assertTrue(finding.suggestion().startsWith("Narrow Pad to " + RuleSupport.f1(percent) + " % width"),
                finding.suggestion());
        assertEquals(Severity.OK, padAt(-13, after).severity());
        Finding second = padAt(-15, -2.5);
        assertTrue(second.message().contains("one of the loudest parts (1.0 LU below Vox)"), second.message());
    }

    @Test
    void theLossOfAPanPositionIsNotWidth() {
        // hard left: -3.01 dB in mono from the pan alone, nothing from width (that is pan.notLevel's matter)
        MeasuredTrack hard = StereoFixtures.with(pad(-14, -3.01), MeasurementIds.PAN,
                io.mixbench.meter.Scalar.of(-100, Units.PERCENT));
        Finding ok = only(forTrack(context(new WidthNotLoudnessRule(), monoVox(-14), hard).evaluate(), "Pad"));
        assertEquals(Severity.OK, ok.severity(), ok.message());
        assertEquals(0, ok.measured().value(), 0.01);
        // half right: a correlated source loses 10 log10((1 + sin 135 deg) / 2) = -0.69 dB
        assertEquals(-0.688, WidthNotLoudnessRule.panLoss(StereoFixtures.with(pad(-14, -3), MeasurementIds.PAN,
                io.mixbench.meter.Scalar.of(50, Units.PERCENT))), 0.001);
        MeasuredTrack halfRight = StereoFixtures.with(pad(-14, -2.7), MeasurementIds.PAN,
                io.mixbench.meter.Scalar.of(50, Units.PERCENT));
        Finding wide = only(forTrack(context(new WidthNotLoudnessRule(), monoVox(-14), halfRight).evaluate(),
                "Pad"));
        assertEquals(Severity.WARN, wide.severity());
        assertEquals(-2.01, wide.measured().value(), 0.01);
        assertTrue(wide.message().contains("(2.0 dB of it from its width, the rest from its pan position)"),
                wide.message());
        MeasuredTrack lessWide = StereoFixtures.with(pad(-14, -2.6), MeasurementIds.PAN,
                io.mixbench.meter.Scalar.of(50, Units.PERCENT));
        assertEquals(Severity.OK, only(forTrack(context(new WidthNotLoudnessRule(), monoVox(-14), lessWide)
                .evaluate(), "Pad")).severity());
    }

    @Test
    void theMetersWidthIsQuoted() {
        MeasuredTrack pad = StereoFixtures.with(pad(-14, -4.77), StereoSupport.WIDTH,
                io.mixbench.meter.Scalar.of(3, Units.DB));
        Finding finding = only(forTrack(context(new WidthNotLoudnessRule(), monoVox(-14), pad).evaluate(), "Pad"));
        assertTrue(finding.message().contains("side +3.0 dB relative to mid"), finding.message());
        // beyond the decorrelation point the channels partly cancel: polarity first
        assertTrue(finding.suggestion().startsWith("Check the polarity and any stereo widener on Pad first"),
                finding.suggestion());
        assertTrue(padAt(-14, -3.01).suggestion().startsWith("Narrow Pad to "));
    }

    @Test
    void timeRangesAreWhereItIsWide() {
        double[] correlation = Fixtures.constant(100, 0.8);
        Arrays.fill(correlation, 20, 40, 0.1);
        MeasuredTrack pad = track("Pad", Role.PAD).scalar(MeasurementIds.INTEGRATED_LOUDNESS, -14, Units.LUFS)
                .scalar(StereoSupport.MONO_SUM_LOSS, -2.5, Units.DB)
                .series(StereoSupport.CORRELATION_SERIES, correlation, Units.RATIO).build();
        Finding finding = only(context(new WidthNotLoudnessRule(), pad).evaluate());
        assertEquals(1, finding.timeRanges().size());
        assertEquals(2.0, finding.timeRanges().get(0).startSeconds(), 1e-9);
        assertEquals(4.0, finding.timeRanges().get(0).endSeconds(), 1e-9);
    }

    @Test
    void missingLoudnessOrLossIsInfo() {
        MeasuredTrack silent = track("Pad", Role.PAD).absent(MeasurementIds.INTEGRATED_LOUDNESS, Units.LUFS, "silent")
                .build();
        MeasuredTrack noLoss = track("Keys", Role.KEYS).scalar(MeasurementIds.INTEGRATED_LOUDNESS, -14, Units.LUFS)
                .build();
        List<Finding> findings = context(new WidthNotLoudnessRule(), silent, noLoss).evaluate();
        Finding info = only(findings);
        assertEquals(Severity.INFO, info.severity());
        assertEquals(List.of("Pad", "Keys"), info.tracks());
        assertTrue(info.message().contains("Pad (its integrated loudness has no value (silent))"), info.message());
        assertTrue(info.message().contains("Keys (its mono-sum loss was not measured)"), info.message());
    }

    @Test
    void noStemsNothingToJudge() {
        Finding finding = only(context(new WidthNotLoudnessRule(), track("Mix", Role.MIX).build()).evaluate());
        assertTrue(finding.message().contains(" not checked: "), finding.message());
    }
}
