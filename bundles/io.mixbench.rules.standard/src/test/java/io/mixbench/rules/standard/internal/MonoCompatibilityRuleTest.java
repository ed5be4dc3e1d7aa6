package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.track;
import static io.mixbench.rules.standard.internal.StereoFixtures.octaveLoss;
import static io.mixbench.rules.standard.internal.StereoFixtures.sides;
import static io.mixbench.rules.standard.internal.StereoFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Spectrum;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rule.TimeRange;
import io.mixbench.rules.standard.internal.Fixtures.FakeContext;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonoCompatibilityRuleTest {

    /** A stereo track with an overall loss, -14 LUFS, every octave at -1 dB. */
    private static MeasuredTrack folded(String name, Role role, double loss) {
        return folded(name, role, loss, -14);
    }

    private static MeasuredTrack folded(String name, Role role, double loss, double loudness) {
        MeasuredTrack t = track(name, role).scalar(StereoSupport.MONO_SUM_LOSS, loss, Units.DB)
                .scalar(MeasurementIds.INTEGRATED_LOUDNESS, loudness, Units.LUFS).build();
        return with(t, MeasurementIds.OCTAVE_MONO_SUM_LOSS, octaveLoss(-1, 1000, -1));
    }

    private static MeasuredTrack withBand(MeasuredTrack t, double octaveHz, double bandLoss) {
        return with(t, MeasurementIds.OCTAVE_MONO_SUM_LOSS, octaveLoss(-1, octaveHz, bandLoss));
    }

    private static List<Finding> forTrack(List<Finding> findings, String name) {
        return findings.stream().filter(f -> f.tracks().contains(name)).toList();
    }

    private static Severity severityOf(double loss) {
        return only(forTrack(context(new MonoCompatibilityRule(), folded("Synth", Role.SYNTH, loss),
                folded("Vox", Role.LEAD_VOCAL, 0)).evaluate(), "Synth")).severity();
    }

    @Test
    void overallLossBoundaries() {
        assertEquals(Severity.OK, severityOf(-3.01));
        assertEquals(Severity.OK, severityOf(-3.99));
        assertEquals(Severity.WARN, severityOf(-4.0));
        assertEquals(Severity.WARN, severityOf(-5.99));
        assertEquals(Severity.PROBLEM, severityOf(-6.0));
    }

    private static Severity bandSeverityOf(double bandLoss) {
        MeasuredTrack synth = withBand(folded("Synth", Role.SYNTH, -2), 1000, bandLoss);
        return only(context(new MonoCompatibilityRule(), synth).evaluate()).severity();
    }

    @Test
    void octaveBandBoundaries() {
        assertEquals(Severity.OK, bandSeverityOf(-5.99));
        assertEquals(Severity.WARN, bandSeverityOf(-6.0));
        assertEquals(Severity.WARN, bandSeverityOf(-9.99));
        assertEquals(Severity.PROBLEM, bandSeverityOf(-10));
    }

    @Test
    void aBandWithLittleEnergyIsNotJudged() {
        MeasuredTrack synth = withBand(folded("Synth", Role.SYNTH, -2), 8000, -40);
        assertEquals(Severity.PROBLEM,
                only(context(new MonoCompatibilityRule(), sides(synth, -20, 8000, -49)).evaluate()).severity());
        assertEquals(Severity.PROBLEM,
                only(context(new MonoCompatibilityRule(), sides(synth, -20, 8000, -50)).evaluate()).severity(),
                "exactly 30 dB below the strongest band still counts");
        Finding quiet = only(context(new MonoCompatibilityRule(), sides(synth, -20, 8000, -51)).evaluate());
        assertEquals(Severity.OK, quiet.severity(), quiet.message());
        Finding wider = only(new FakeContext(new MonoCompatibilityRule(), ExportKind.STEMS, PanLaw.MINUS_3_DB,
                List.of(sides(synth, -20, 8000, -51))).with("bandRangeDb", 40).evaluate());
        assertEquals(Severity.PROBLEM, wider.severity());
    }

    @Test
    void aStemThatCancelsIsNamedWithItsBandsAndTheMixIsNotReportedTwice() {
        MeasuredTrack synth = withBand(folded("Synth", Role.SYNTH, -12), 1000, -30);
        MeasuredTrack mix = withBand(folded("Mix", Role.MIX, -5, -10), 1000, -12);
        List<Finding> findings = context(new MonoCompatibilityRule(), mix, synth, folded("Bass", Role.BASS, -0.2),
                folded("Vox", Role.LEAD_VOCAL, 0)).evaluate();
        Finding finding = only(forTrack(findings, "Synth"));
        assertEquals(Severity.PROBLEM, finding.severity());
        assertEquals(List.of("Synth"), finding.tracks());
        assertTrue(finding.message().contains("1000 Hz octave (-30.0 dB)"), finding.message());
        assertTrue(finding.message().contains("It drops out of Mix in mono, which loses 5.0 dB overall and 12.0 dB "
                + "in the 1000 Hz octave."), finding.message());
        assertEquals(-12, finding.measured().value(), 1e-9);
        assertTrue(forTrack(findings, "Mix").isEmpty(), "the mix is not reported again: " + findings);
        Finding fine = only(forTrack(findings, "Bass"));
        assertEquals(Severity.OK, fine.severity());
        assertEquals(List.of("Bass", "Vox"), fine.tracks());
        assertEquals(-0.2, fine.measured().value(), 1e-9);
        assertEquals(2, findings.size());
    }

    @Test
    void aMixThatCancelsWithoutACauseInTheStemsIsReportedOnTheMix() {
        MeasuredTrack mix = folded("Mix", Role.MIX, -4.5, -10);
        List<Finding> findings = context(new MonoCompatibilityRule(), mix, folded("Gtr L", Role.GUITAR, -3.01),
                folded("Gtr R", Role.GUITAR, -3.01)).evaluate();
        Finding finding = only(forTrack(findings, "Mix"));
        assertEquals(Severity.WARN, finding.severity());
        assertTrue(finding.message().contains("No single stem explains it"), finding.message());
        assertEquals("Mix", finding.fix().track());
        assertEquals(Severity.OK, only(forTrack(findings, "Gtr L")).severity());
    }

    @Test
    void aQuietStemIsOnlyInfo() {
        List<Finding> findings = context(new MonoCompatibilityRule(), folded("Vox", Role.LEAD_VOCAL, 0, -14),
                folded("Verb", Role.FX_RETURN, -12, -34.01)).evaluate();
        Finding verb = only(forTrack(findings, "Verb"));
        assertEquals(Severity.INFO, verb.severity());
        assertNull(verb.fix());
        assertTrue(verb.message().contains("20.0 LU below the loudest part"), verb.message());
        Finding loudEnough = only(forTrack(context(new MonoCompatibilityRule(), folded("Vox", Role.LEAD_VOCAL, 0, -14),
                folded("Verb", Role.FX_RETURN, -12, -34)).evaluate(), "Verb"));
        assertEquals(Severity.PROBLEM, loudEnough.severity());
    }

    @Test
    void aWideStemIsNarrowedToTheDecorrelationPoint() {
        // width +6 dB: loss -6.97 dB
        MeasuredTrack synth = with(folded("Synth", Role.SYNTH, StereoSupport.lossFromWidth(6)), StereoSupport.WIDTH,
                io.mixbench.meter.Scalar.of(6, Units.DB));
        Finding finding = only(context(new MonoCompatibilityRule(), synth).evaluate());
        assertEquals(Severity.PROBLEM, finding.severity());
        double percent = ((Number) finding.fix().actions().get(StereoSupport.WIDTH_PERCENT)).doubleValue();
        assertEquals(50.1, percent, 1e-9);
        assertTrue(finding.suggestion().startsWith("Check the polarity and any stereo widener on Synth"),
                finding.suggestion());
        // applied: the side drops by 20 log10(percent / 100) dB
        double after = StereoSupport.lossFromWidth(6 + 20 * Math.log10(percent / 100));
        assertTrue(after >= -3.02 && after > -4, "after the fix: " + after);
    }

    @Test
    void channelsInOppositePolarityGetAPolarityFix() {
        MeasuredTrack synth = with(folded("Synth", Role.SYNTH, -25), StereoSupport.CORRELATION,
                io.mixbench.meter.Scalar.of(-0.99, Units.RATIO));
        Finding finding = only(context(new MonoCompatibilityRule(), synth).evaluate());
        assertEquals(new Fix("Synth", Map.of(StereoSupport.MONO_COMPATIBLE, true)), finding.fix());
        assertTrue(finding.suggestion().contains("(correlation -0.99)"), finding.suggestion());
        assertTrue(finding.suggestion().contains("invert the polarity of one channel"), finding.suggestion());
        MeasuredTrack cancelled = with(folded("Synth", Role.SYNTH, -100), MeasurementIds.OCTAVE_MONO_SUM_LOSS,
                octaveLoss(-100, -100, -100, -100, -100, -100, -100, -100, -100, -100));
        Finding gone = only(context(new MonoCompatibilityRule(), cancelled).evaluate());
        assertTrue(gone.message().startsWith("Synth cancels completely (-100.0 dB, the meter's floor) when folded to "
                + "mono"), gone.message());
        assertTrue(gone.message().contains("8000 Hz and 16000 Hz octaves (each -100.0 dB)"), gone.message());
        // with a lower floor the same stem is narrowed instead
        Finding narrowed = only(new FakeContext(new MonoCompatibilityRule(), ExportKind.STEMS, PanLaw.MINUS_3_DB,
                List.of(synth)).with("minWidthPercent", 1).evaluate());
        assertTrue(narrowed.fix().actions().containsKey(StereoSupport.WIDTH_PERCENT), narrowed.toString());
    }

    @Test
    void onlyLowOctavesCancellingGetASideHighPass() {
        MeasuredTrack bass = withBand(folded("Bass", Role.BASS, -1.5), 63, -20);
        Finding finding = only(context(new MonoCompatibilityRule(), bass).evaluate());
        assertEquals(Severity.PROBLEM, finding.severity());
        assertEquals(SideHighPass.fix("Bass", 130.0), finding.fix());
        assertTrue(finding.suggestion().contains("high-pass its side below 130 Hz, 24 dB/octave (Linkwitz-Riley)"),
                finding.suggestion());
        assertTrue(finding.message().contains("63 Hz octave (-20.0 dB)"), finding.message());
        assertTrue(finding.measured().measure().contains("63 Hz octave band"), finding.measured().measure());
        assertEquals(-6, finding.target().min(), 1e-9);
        // a cancelling band above the crossover: the width is the fix
        Finding mid = only(context(new MonoCompatibilityRule(), withBand(folded("Bass", Role.BASS, -1.5), 500, -7))
                .evaluate());
        assertTrue(mid.fix().actions().containsKey(StereoSupport.WIDTH_PERCENT), mid.toString());
    }

    @Test
    void timeRangesAreWhereTheChannelsCancel() {
        double[] correlation = Fixtures.constant(100, 0.3);
        Arrays.fill(correlation, 10, 20, -0.5);
        Arrays.fill(correlation, 40, 45, -0.21); // just beyond the correlation of a -4 dB loss (-0.204)
        Arrays.fill(correlation, 60, 70, -0.2);
        MeasuredTrack synth = track("Synth", Role.SYNTH).scalar(StereoSupport.MONO_SUM_LOSS, -5, Units.DB)
                .series(StereoSupport.CORRELATION_SERIES, correlation, Units.RATIO)
                .series(MeasurementIds.ACTIVITY, Fixtures.constant(100, 1), Units.FLAG).build();
        Finding finding = only(context(new MonoCompatibilityRule(), synth).evaluate());
        assertEquals(2, finding.timeRanges().size(), finding.timeRanges().toString());
        assertEquals(1.0, finding.timeRanges().get(0).startSeconds(), 1e-9);
        assertEquals(2.0, finding.timeRanges().get(0).endSeconds(), 1e-9);
        assertEquals(new TimeRange(4.0, 4.5).startSeconds(), finding.timeRanges().get(1).startSeconds(), 1e-9);
        assertTrue(finding.message().contains("the per-octave loss was not measured"), finding.message());
    }

    @Test
    void monoStemsFoldToThemselves() {
        MeasuredTrack vox = track("Vox", Role.LEAD_VOCAL).mono().scalar(MeasurementIds.INTEGRATED_LOUDNESS, -16,
                Units.LUFS).build();
        Finding finding = only(context(new MonoCompatibilityRule(), vox).evaluate());
        assertEquals(Severity.OK, finding.severity());
        assertEquals(0, finding.measured().value(), 1e-9);
    }

    @Test
    void tracksWithoutTheLossAreListedOnceAsInfo() {
        MeasuredTrack silent = track("Pad", Role.PAD).absent(StereoSupport.MONO_SUM_LOSS, Units.DB, "silent").build();
        MeasuredTrack surround = track("Atmos", Role.OTHER).absent(StereoSupport.MONO_SUM_LOSS, Units.DB, "not stereo")
                .build();
        List<Finding> findings = context(new MonoCompatibilityRule(), silent, surround, folded("Vox", Role.LEAD_VOCAL,
                0)).evaluate();
        Finding info = only(findings.stream().filter(f -> f.severity() == Severity.INFO).toList());
        assertEquals(List.of("Pad", "Atmos"), info.tracks());
        assertTrue(info.message().startsWith("Cannot judge the mono compatibility of Pad"), info.message());
        assertTrue(info.message().contains("(silent)") && info.message().contains("(not stereo)"), info.message());
        assertEquals(2, findings.size());
    }

    @Test
    void rawTracksOnlyJudgeTheMix() {
        List<Finding> findings = new FakeContext(new MonoCompatibilityRule(), ExportKind.RAW_TRACKS,
                PanLaw.MINUS_3_DB, List.of(folded("Mix", Role.MIX, -1), folded("Synth", Role.SYNTH, -20)))
                .evaluate();
        Finding mix = only(findings);
        assertEquals(List.of("Mix"), mix.tracks());
        assertEquals(Severity.OK, mix.severity());
        assertTrue(mix.message().contains("no octave band at or below -6.0 dB"), mix.message());
    }

    @Test
    void referencesAreNotJudgedAndAnEmptySessionSaysSo() {
        Finding nothing = only(context(new MonoCompatibilityRule(), folded("Ref", Role.REFERENCE, -20)).evaluate());
        assertEquals(Severity.INFO, nothing.severity());
        assertTrue(nothing.message().contains(" not checked: "), nothing.message());
        assertFalse(nothing.tracks().contains("Ref"));
    }

    /**
     * Issue 14: the side high-pass must clear the cancellation when applied. A bass whose 160 Hz band is in opposite
     * polarity 30 dB above its mid: an octave above the 125 Hz octave's centre (250 Hz) leaves that band cancelling
     * (the side, 20 log10(1 / (1 + (250 / 160)^4)) = -16.8 dB down, still outweighs the mid), so the corner is
     * computed from the spectra: the lowest at which every octave folds 3 dB better than the WARN limit.
     */
    @Test
    void theSideHighPassCornerClearsTheCancellingBand() {
        double[] mid = new double[StereoFixtures.THIRDS.length];
        double[] channel = new double[mid.length];
        for (int b = 0; b < mid.length; b++) {
            mid[b] = -40;
            double side = StereoFixtures.THIRDS[b] == 160 ? -10 : Double.NaN;
            channel[b] = RuleSupport.toDb(RuleSupport.toPower(mid[b]) + (Double.isNaN(side)
                    ? 0
                    : RuleSupport.toPower(
                            side)));
        }
        // the 125 Hz octave holds three bands of mid and one of side: loss -10 log10(1 + 1000 / 3)
        MeasuredTrack bass = withBand(folded("Bass", Role.BASS, -1.5), 125, -10 * Math.log10(1 + 1000.0 / 3));
        bass = with(bass, MeasurementIds.THIRD_OCTAVE_SPECTRUM,
                new Spectrum(StereoFixtures.THIRDS, mid, Units.DBFS));
        bass = with(bass, MeasurementIds.THIRD_OCTAVE_SPECTRUM_LEFT,
                new Spectrum(StereoFixtures.THIRDS, channel, Units.DBFS));
        bass = with(bass, MeasurementIds.THIRD_OCTAVE_SPECTRUM_RIGHT,
                new Spectrum(StereoFixtures.THIRDS, channel, Units.DBFS));
        FakeContext context = context(new MonoCompatibilityRule(), bass);
        Finding finding = only(context.evaluate());
        double corner = ((Number) finding.fix().actions().get(Fix.SIDE_HIGH_PASS_HZ)).doubleValue();
        assertTrue(corner > 250, "above what twice the octave's centre gives: " + corner);
        Spectrum losses = (Spectrum) bass.measurements().get(MeasurementIds.OCTAVE_MONO_SUM_LOSS);
        SideHighPass.Powers powers = SideHighPass.powers(bass).orElseThrow();
        assertTrue(MonoCompatibilityRule.foldsAfter(context, losses, powers, corner), "folds at " + corner);
        assertFalse(MonoCompatibilityRule.foldsAfter(context, losses, powers, 250), "not at 250 Hz");
        assertFalse(MonoCompatibilityRule.foldsAfter(context, losses, powers, corner - 10), "lowest: " + corner);
        assertEquals(SideHighPass.fix("Bass", corner), finding.fix());
    }
}
