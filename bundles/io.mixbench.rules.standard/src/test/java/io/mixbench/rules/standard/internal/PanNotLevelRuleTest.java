package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.constant;
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
import io.mixbench.rule.TimeRange;
import io.mixbench.rules.standard.internal.Fixtures.FakeContext;
import io.mixbench.rules.standard.internal.Fixtures.TrackBuilder;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanNotLevelRuleTest {

    private static final int STEPS = 100;

    private static TrackBuilder placed(String name, Role role, double pan, double[] shortTerm) {
        double[] activity = new double[shortTerm.length];
        for (int i = 0; i < shortTerm.length; i++) {
            activity[i] = Double.isNaN(shortTerm[i]) ? 0 : 1;
        }
        return track(name, role).scalar(MeasurementIds.PAN, pan, Units.PERCENT)
                .series(MeasurementIds.SHORT_TERM_SERIES, shortTerm, Units.LUFS)
                .series(MeasurementIds.ACTIVITY, activity, Units.FLAG);
    }

    private static MeasuredTrack placed(String name, Role role, double pan, double loudness) {
        return placed(name, role, pan, constant(STEPS, loudness)).build();
    }

    private static MeasuredTrack vocal() {
        return placed("Vox", Role.LEAD_VOCAL, 0, -15);
    }

    private static Finding guitarAt(double loudness) {
        List<Finding> findings = context(new PanNotLevelRule(), vocal(), placed("Gtr L", Role.GUITAR, -92, loudness))
                .evaluate();
        return only(findings);
    }

    @Test
    void marginBoundaries() {
        assertEquals(Severity.OK, guitarAt(-18).severity());
        assertEquals(Severity.INFO, guitarAt(-17.5).severity());
        assertEquals(Severity.WARN, guitarAt(-17).severity());
        assertEquals(Severity.WARN, guitarAt(-15).severity());
        assertEquals(Severity.WARN, guitarAt(-13.5).severity());
        assertEquals(Severity.PROBLEM, guitarAt(-13).severity());
        assertNull(guitarAt(-17.5).fix());
        assertNull(guitarAt(-18).fix());
    }

    @Test
    void aLoudHardPannedPartIsALevelWarningWithAGainFix() {
        Finding finding = guitarAt(-14);
        assertEquals(Severity.WARN, finding.severity());
        assertEquals(List.of("Gtr L"), finding.tracks());
        assertEquals(1.0, finding.measured().value(), 1e-6);
        assertEquals(-3, finding.target().max(), 1e-9);
        assertEquals(-4.0, gain(finding), 1e-9);
        assertEquals("Lower Gtr L by 4.0 dB: panning it left does not make it quieter in the mix.",
                finding.suggestion());
        assertTrue(finding.message().startsWith("Gtr L is panned 92 % left yet sits 1.0 dB above Vox, the loudest "
                + "centred part where both play"), finding.message());
        assertTrue(finding.message().contains("target at least 3.0 dB below it, so 4.0 dB too loud."),
                finding.message());
        assertTrue(finding.message().contains("Panning does not make a part quieter in the mix."), finding.message());
        // applied, the finding goes away
        assertEquals(Severity.OK, guitarAt(-14 + gain(finding)).severity());
    }

    @Test
    void theHardPanBoundary() {
        Finding at = only(context(new PanNotLevelRule(), vocal(), placed("Gtr L", Role.GUITAR, -80, -10)).evaluate());
        assertEquals(Severity.OK, at.severity());
        assertTrue(at.message().startsWith("No part is panned hard (beyond ±80.0 %)"), at.message());
        assertEquals(80, at.measured().value(), 1e-9);
        Finding beyond = only(context(new PanNotLevelRule(), vocal(), placed("Gtr L", Role.GUITAR, 80.5, -10))
                .evaluate());
        assertEquals(Severity.PROBLEM, beyond.severity(), "8 dB too loud");
        assertTrue(beyond.suggestion().contains("panning it right"), beyond.suggestion());
    }

    @Test
    void theLoudestCentredPartWhereBothPlayIsTheReference() {
        double[] keys = constant(STEPS, -30);
        Arrays.fill(keys, 0, 50, Double.NaN); // keys play only in the second half, at -12 LUFS
        Arrays.fill(keys, 50, STEPS, -12);
        double[] guitar = constant(STEPS, Double.NaN);
        Arrays.fill(guitar, 50, STEPS, -16);
        List<Finding> findings = context(new PanNotLevelRule(), vocal(),
                placed("Keys", Role.KEYS, 10, keys).build(), placed("Gtr R", Role.GUITAR, 100, guitar).build())
                .evaluate();
        Finding finding = only(findings);
        assertEquals(-4, finding.measured().value(), 1e-6);
        assertTrue(finding.message().contains("below Keys"), finding.message());
        assertTrue(finding.message().contains("power mean over 5.0 s"), finding.message());
    }

    @Test
    void timeRangesAreWhereThePartIsTooLoud() {
        double[] guitar = constant(STEPS, -20);
        Arrays.fill(guitar, 50, 80, -10);
        Finding finding = only(context(new PanNotLevelRule(), vocal(),
                placed("Gtr L", Role.GUITAR, -100, guitar).build()).evaluate());
        assertEquals(Severity.WARN, finding.severity(), finding.message());
        assertEquals(1, finding.timeRanges().size());
        TimeRange range = finding.timeRanges().get(0);
        assertEquals(5.0, range.startSeconds(), 1e-9);
        assertEquals(8.0, range.endSeconds(), 1e-9);
    }

    @Test
    void theSessionPanLawCorrectsAMonoCentredPart() {
        MeasuredTrack monoVox = track("Vox", Role.LEAD_VOCAL).mono()
                .series(MeasurementIds.SHORT_TERM_SERIES, constant(STEPS, -18), Units.LUFS)
                .series(MeasurementIds.ACTIVITY, constant(STEPS, 1), Units.FLAG).build();
        MeasuredTrack guitar = placed("Gtr L", Role.GUITAR, -100, -18);
        Finding zeroDb = only(new FakeContext(new PanNotLevelRule(), ExportKind.STEMS, PanLaw.ZERO_DB,
                List.of(monoVox, guitar)).evaluate());
        assertEquals(-3.01, zeroDb.measured().value(), 0.001);
        assertEquals(Severity.OK, zeroDb.severity());
        Finding minus3 = only(context(new PanNotLevelRule(), monoVox, guitar).evaluate());
        assertEquals(-0.01, minus3.measured().value(), 0.001);
        assertEquals(Severity.WARN, minus3.severity());
    }

    @Test
    void aGroupIsPlacedByItsSummedEnergy() {
        TrackBuilder ohL = placed("OH L", Role.OVERHEADS_ROOM, -100, constant(STEPS, -20)).group("Overheads")
                .scalar(MeasurementIds.RMS, -20, Units.DBFS);
        TrackBuilder ohR = placed("OH R", Role.OVERHEADS_ROOM, 100, constant(STEPS, -20)).group("Overheads")
                .scalar(MeasurementIds.RMS, -20, Units.DBFS);
        List<MeasuredTrack> tracks = List.of(ohL.build(), ohR.build());
        FakeContext context = new FakeContext(new PanNotLevelRule(), ExportKind.STEMS, PanLaw.MINUS_3_DB, tracks);
        RuleSupport.Element overheads = RuleSupport.elements(tracks).get(0);
        assertEquals(0, PanNotLevelRule.pan(context, overheads).getAsDouble(), 1e-9);
        TrackBuilder louderRight = placed("OH R", Role.OVERHEADS_ROOM, 100, constant(STEPS, -20)).group("Overheads")
                .scalar(MeasurementIds.RMS, -10, Units.DBFS);
        double pan = PanNotLevelRule.pan(context, RuleSupport.elements(List.of(ohL.build(), louderRight.build()))
                .get(0)).getAsDouble();
        // a right mic 10 dB louder pulls the pair right: atan(sqrt(10)) / 45 degrees - 1
        assertEquals(61.0, pan, 0.1);
        // the pair is centred, so it is the centred part a hard guitar is compared with
        Finding finding = only(context(new PanNotLevelRule(), ohL.build(), ohR.build(),
                placed("Gtr L", Role.GUITAR, -100, -10)).evaluate());
        assertTrue(finding.message().contains("above Overheads"), finding.message());
    }

    @Test
    void cannotJudgeWithoutACentredPartOrOverlapOrPan() {
        Finding noCentre = only(context(new PanNotLevelRule(), placed("Gtr L", Role.GUITAR, -100, -15)).evaluate());
        assertEquals(Severity.INFO, noCentre.severity());
        assertTrue(noCentre.message().contains("because no part is centred (within ±20.0 %)"), noCentre.message());

        double[] first = constant(STEPS, -15);
        Arrays.fill(first, 50, STEPS, Double.NaN);
        double[] second = constant(STEPS, -15);
        Arrays.fill(second, 0, 50, Double.NaN);
        Finding noOverlap = only(context(new PanNotLevelRule(), placed("Vox", Role.LEAD_VOCAL, 0, first).build(),
                placed("Gtr L", Role.GUITAR, -100, second).build()).evaluate());
        assertEquals(Severity.INFO, noOverlap.severity());
        assertTrue(noOverlap.message().contains("no centred part plays"), noOverlap.message());

        List<Finding> findings = context(new PanNotLevelRule(), vocal(), track("Pad", Role.PAD).build()).evaluate();
        Finding missing = only(findings.stream().filter(f -> f.severity() == Severity.INFO).toList());
        assertEquals("Cannot judge the pan position of Pad (its pan position was not measured).", missing.message());
        assertEquals(List.of("Pad"), missing.tracks());
    }

    @Test
    void centredPartsOnlyAreOk() {
        Finding finding = only(context(new PanNotLevelRule(), vocal(), placed("Bass", Role.BASS, 5, -12)).evaluate());
        assertEquals(Severity.OK, finding.severity());
        assertEquals(List.of("Vox", "Bass"), finding.tracks());
        assertTrue(finding.message().contains("the widest sits 5 % right"), finding.message());
    }
}
