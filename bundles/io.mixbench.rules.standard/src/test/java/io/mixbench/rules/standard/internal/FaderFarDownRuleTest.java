package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.gain;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.ofSeverity;
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
import java.util.List;
import org.junit.jupiter.api.Test;

class FaderFarDownRuleTest {

    private static MeasuredTrack part(String name, Role role, double peak) {
        return track(name, role).scalar(MeasurementIds.SAMPLE_PEAK, peak, Units.DBFS).build();
    }

    /** A band whose parts sit at their usual peaks (main -15, instrument -18, supporting -24) moved by offset. */
    private static List<MeasuredTrack> band(double offset) {
        return List.of(part("Kick", Role.KICK, -15 + offset), part("Bass", Role.BASS, -15 + offset),
                part("Gtr", Role.GUITAR, -18 + offset), part("Pad", Role.PAD, -24 + offset));
    }

    private static List<Finding> stems(MeasuredTrack vocal, List<MeasuredTrack> band) {
        List<MeasuredTrack> all = new java.util.ArrayList<>(band);
        all.add(vocal);
        return new FakeContext(new FaderFarDownRule(), ExportKind.STEMS, PanLaw.MINUS_3_DB, all).evaluate();
    }

    @Test
    void aBuriedVocalIsAnArrangementProblemAndItsFixClearsIt() {
        List<Finding> findings = stems(part("Vox", Role.LEAD_VOCAL, -40), band(0));
        Finding warn = only(ofSeverity(findings, Severity.WARN));
        assertEquals(List.of("Vox"), warn.tracks());
        assertEquals(-40, warn.measured().value(), 1e-9);
        assertEquals(-35, warn.target().min(), 1e-9);
        assertTrue(warn.message().contains("buried") && warn.message().contains("arrangement"), warn.message());
        double gain = gain(warn);
        assertTrue(gain >= 6 && gain < 25, "raise far enough to leave far down, not to its usual place: " + gain);
        List<Finding> after = stems(part("Vox", Role.LEAD_VOCAL, -40 + gain), band(0));
        assertTrue(ofSeverity(after, Severity.WARN).isEmpty(), after.toString());
        assertEquals(5, only(ofSeverity(after, Severity.OK)).tracks().size());
    }

    @Test
    void theThresholdIsTwentyDbBelowTheUsualPeak() {
        assertEquals(1, ofSeverity(stems(part("Vox", Role.LEAD_VOCAL, -35.0), band(0)), Severity.WARN).size());
        assertTrue(ofSeverity(stems(part("Vox", Role.LEAD_VOCAL, -34.9), band(0)), Severity.WARN).isEmpty());
        // a pad's usual place is lower: -43.9 is not far down, -44 is
        assertTrue(ofSeverity(stems(part("Pad2", Role.PAD, -43.9), band(0)), Severity.WARN).isEmpty());
        assertEquals(1, ofSeverity(stems(part("Pad2", Role.PAD, -44.0), band(0)), Severity.WARN).size());
    }

    @Test
    void aVocalInRangeWithABandThatIsFarDownTooIsAGainStagingProblem() {
        // everything 22 dB below its usual place: each part is far down, and in range with the others
        List<Finding> findings = stems(part("Vox", Role.LEAD_VOCAL, -37), band(-22));
        List<Finding> warns = ofSeverity(findings, Severity.WARN);
        assertEquals(5, warns.size());
        Finding vox = warns.stream().filter(f -> f.tracks().contains("Vox")).findFirst().orElseThrow();
        assertTrue(vox.message().contains("in range relative to the band"), vox.message());
        assertEquals(22.0, gain(vox), 1e-9);
        assertTrue(vox.suggestion().startsWith("Raise every part by 22.0 dB together"), vox.suggestion());
        // the same raise for every part keeps the balance and clears them all
        assertTrue(warns.stream().allMatch(f -> gain(f) == 22.0));
        List<Finding> after = stems(part("Vox", Role.LEAD_VOCAL, -15), band(0));
        assertTrue(ofSeverity(after, Severity.WARN).isEmpty(), after.toString());
    }

    /** When levels.offset finds the common move, every far-down part asks for that one move (one line of moves). */
    @Test
    void aWholeMixFarDownAsksForLevelOffsetsOneMove() {
        MeasuredTrack kick = Fixtures.drum("Kick", Role.KICK, -33, 16).scalar(MeasurementIds.SAMPLE_PEAK, -33,
                Units.DBFS).build();
        MeasuredTrack snare = Fixtures.drum("Snare", Role.SNARE, -35, 16).scalar(MeasurementIds.SAMPLE_PEAK, -35,
                Units.DBFS).build();
        MeasuredTrack mix = track("Mix", Role.MIX).scalar(MeasurementIds.SAMPLE_PEAK, -28, Units.DBFS).build();
        List<MeasuredTrack> all = List.of(kick, snare, part("Bass", Role.BASS, -37), part("Vox", Role.LEAD_VOCAL, -37),
                mix);
        List<Finding> warns = ofSeverity(new FakeContext(new FaderFarDownRule(), ExportKind.STEMS,
                PanLaw.MINUS_3_DB, all).evaluate(), Severity.WARN);
        assertTrue(warns.size() >= 2, warns.toString());
        Finding offset = only(new FakeContext(new LevelOffsetRule(), ExportKind.STEMS, PanLaw.MINUS_3_DB, all)
                .evaluate());
        assertEquals(Severity.WARN, offset.severity(), offset.message());
        for (Finding warn : warns) {
            assertEquals(offset.fix(), warn.fix(), warn.toString());
            assertEquals(offset.suggestion(), warn.suggestion());
        }
        assertEquals(Boolean.TRUE, offset.fix().actions().get(io.mixbench.rule.Fix.ALL_PARTS));
    }

    @Test
    void bandToleranceSeparatesTheTwoCases() {
        // band 20 dB down; a vocal 26 dB down is within 6 dB of it, 27 dB down is not
        Finding within = ofSeverity(stems(part("Vox", Role.LEAD_VOCAL, -41), band(-20)), Severity.WARN).stream()
                .filter(f -> f.tracks().contains("Vox")).findFirst().orElseThrow();
        assertTrue(within.message().contains("in range relative to the band"), within.message());
        Finding beyond = ofSeverity(stems(part("Vox", Role.LEAD_VOCAL, -42.1), band(-20)), Severity.WARN).stream()
                .filter(f -> f.tracks().contains("Vox")).findFirst().orElseThrow();
        assertTrue(beyond.message().contains("buried"), beyond.message());
    }

    private static Finding raw(double rmsActive) {
        MeasuredTrack t = track("Vox", Role.LEAD_VOCAL).scalar(MeasurementIds.RMS_ACTIVE, rmsActive, Units.DBFS)
                .build();
        return new FakeContext(new FaderFarDownRule(), ExportKind.RAW_TRACKS, PanLaw.MINUS_3_DB, List.of(t))
                .evaluate().get(0);
    }

    @Test
    void rawTracksRecordedFarTooLow() {
        Finding low = raw(-38.0);
        assertEquals(Severity.WARN, low.severity());
        assertTrue(low.message().contains("recorded far too low"), low.message());
        assertEquals(20.0, gain(low), 1e-9);
        assertEquals(Severity.OK, raw(-37.9).severity());
        assertEquals(Severity.OK, raw(-38.0 + gain(low)).severity());
    }

    @Test
    void aSilentPartIsLeftToTheHealthRuleAndDoesNotPullTheBand() {
        // dither of an empty export: not a part to raise by 75 dB
        List<Finding> findings = stems(part("Vox", Role.LEAD_VOCAL, -90.3), band(0));
        assertTrue(ofSeverity(findings, Severity.WARN).isEmpty(), findings.toString());
        Finding vox = only(ofSeverity(findings, Severity.INFO));
        assertEquals(List.of("Vox"), vox.tracks());
        assertTrue(vox.message().contains("silent") && vox.message().contains("-90.3 dBFS"), vox.message());
        assertEquals(4, only(ofSeverity(findings, Severity.OK)).tracks().size());
        // just above the threshold it is a part like any other, far down and buried
        assertEquals(1, ofSeverity(stems(part("Vox", Role.LEAD_VOCAL, -69.9), band(0)), Severity.WARN).size());
        // a band 25 dB down with five silent exports among it: the vocal 25 dB down sits in range relative to the
        // real parts (a gain-staging problem), not buried under the silence's median
        List<MeasuredTrack> band = new java.util.ArrayList<>(band(-25));
        for (int i = 2; i <= 6; i++) {
            band.add(part("Gtr " + i, Role.GUITAR, -95));
        }
        Finding vocal = ofSeverity(stems(part("Vox", Role.LEAD_VOCAL, -40), band), Severity.WARN).stream()
                .filter(f -> f.tracks().contains("Vox")).findFirst().orElseThrow();
        assertTrue(vocal.message().contains("in range relative to the band"), vocal.message());
        Finding rawTrack = new FakeContext(new FaderFarDownRule(), ExportKind.RAW_TRACKS, PanLaw.MINUS_3_DB,
                List.of(track("Vox", Role.LEAD_VOCAL).scalar(MeasurementIds.SAMPLE_PEAK, -80, Units.DBFS)
                        .scalar(MeasurementIds.RMS_ACTIVE, -85, Units.DBFS).build()))
                .evaluate().get(0);
        assertEquals(Severity.INFO, rawTrack.severity(), rawTrack.message());
        assertTrue(rawTrack.message().contains("silent"), rawTrack.message());
    }

    @Test
    void cannotJudgeWithoutLevels() {
        Finding stem = only(context(new FaderFarDownRule(),
                track("Vox", Role.LEAD_VOCAL).absent(MeasurementIds.SAMPLE_PEAK, Units.DBFS, "silent").build())
                .evaluate());
        assertEquals(Severity.INFO, stem.severity());
        assertTrue(stem.message().contains("silent"), stem.message());
        Finding rawTrack = new FakeContext(new FaderFarDownRule(), ExportKind.RAW_TRACKS, PanLaw.MINUS_3_DB,
                List.of(track("Vox", Role.LEAD_VOCAL).build())).evaluate().get(0);
        assertEquals(Severity.INFO, rawTrack.severity());
        Finding none = only(context(new FaderFarDownRule(), track("Mix", Role.MIX).build()).evaluate());
        assertTrue(none.message().contains(" not checked: "), none.message());
    }
}
