package io.mixbench.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixbench.analysis.MoveKind;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import io.mixbench.plan.GainPoint;
import io.mixbench.plan.PlanFormat;
import io.mixbench.plan.PlannedMove;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.session.Role;
import io.mixbench.session.Track;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Plan view writes, and where it proposes to render and export. */
class PlanWordsTest {

    static PlannedMove move(String id, Fix fix, List<GainPoint> ride) {
        return new PlannedMove(id, MoveKind.of(fix), List.of(fix), List.of("some.rule"), "text", ride);
    }

    static Finding finding(Severity severity) {
        return new Finding("r", severity, List.of("Kick"), "m", null, null, null, null, List.of());
    }

    @Test
    void countsTheProblemsAndWarningsAndListsWhatIsStillOutside() {
        List<Finding> findings = List.of(finding(Severity.PROBLEM), finding(Severity.WARN), finding(Severity.OK),
                finding(Severity.PROBLEM), finding(Severity.INFO), finding(Severity.RULE_ERROR));
        assertEquals("2 PROBLEM, 1 WARN", PlanWords.counts(findings));
        assertEquals("0 PROBLEM, 0 WARN", PlanWords.counts(List.of()));
        assertEquals(List.of(Severity.PROBLEM, Severity.WARN, Severity.PROBLEM, Severity.RULE_ERROR),
                PlanWords.outside(findings).stream().map(Finding::severity).toList());
    }

    @Test
    void amountsReadAsAConsoleShowsThem() {
        assertEquals("-6.0 dB", PlanWords.amount(move("level:Kick", Fix.gain("Kick", -6), List.of())));
        assertEquals("+10.0 dB", PlanWords.amount(move("level:Lead Vox", Fix.gain("Lead Vox", 10), List.of())));
        assertEquals("C", PlanWords.amount(move("pan:Bass", Fix.pan("Bass", 0.2), List.of())));
        assertEquals("L30", PlanWords.amount(move("pan:Gtr", Fix.pan("Gtr", -30), List.of())));
        assertEquals("R100", PlanWords.amount(move("pan:Gtr", Fix.pan("Gtr", 100), List.of())));
        assertEquals("ride -2.0..+7.5 dB", PlanWords.amount(move("ride:Lead Vox", Fix.gain("Lead Vox", 1).and(
                Fix.START_SECONDS, 0.0).and(Fix.END_SECONDS, 8.0), List.of(new GainPoint(0, -2),
                        new GainPoint(2,
                                7.5),
                        new GainPoint(4, 0)))));
        assertEquals("mono < 120 Hz", PlanWords.amount(move("stereo:Bass", new Fix("Bass", Map.of(
                Fix.SIDE_HIGH_PASS_HZ, 120.0)), List.of())));
        assertEquals("balance +3.0 dB, width 50 %", PlanWords.amount(move("pan:Pad", new Fix("Pad", Map.of(
                Fix.BALANCE_DB, 3.0, Fix.WIDTH_PERCENT, 50.0)), List.of())));
    }

    @Test
    void theMixsLevelsCarryTheirUnits() {
        MeasuredTrack mix = new MeasuredTrack(new Track("Mix", Path.of("/s/Mix.wav"), Role.MIX, null), null, 8,
                Map.of(MeasurementIds.SAMPLE_PEAK, Scalar.of(-3.04, Units.DBFS), MeasurementIds.TRUE_PEAK, Scalar
                        .of(-2.86, Units.DBTP), MeasurementIds.INTEGRATED_LOUDNESS, Scalar.of(-14.2, Units.LUFS)),
                null);
        assertEquals("peak -3.0 dBFS, true peak -2.9 dBTP, loudness -14.2 LUFS", PlanWords.levels(mix));
        MeasuredTrack unmeasured = new MeasuredTrack(mix.track(), null, 8, Map.of(), "cannot decode");
        assertEquals("peak (none), true peak (none), loudness (none)", PlanWords.levels(unmeasured));
    }

    @Test
    void theRenderFolderIsANewFolderBesideTheSessionsFolderNeverInsideIt(@TempDir Path dir) throws Exception {
        Path stems = Files.createDirectories(dir.resolve("songs/flawed"));
        assertEquals(dir.resolve("songs/flawed plan"), PlanWords.renderFolder(stems), "a folder of stems");
        Files.createDirectories(dir.resolve("songs/flawed plan"));
        Files.createDirectories(dir.resolve("songs/flawed plan 2"));
        assertEquals(dir.resolve("songs/flawed plan 3"), PlanWords.renderFolder(stems), "a new folder: numbered");
        Path sessionFile = Files.writeString(stems.resolve("take 2.mixbench"), "{}");
        assertEquals(dir.resolve("songs/take 2 plan"), PlanWords.renderFolder(sessionFile), "a session file");
        assertEquals(dir.resolve("songs/elsewhere"), PlanWords.resolveFolder(stems, "elsewhere"),
                "a typed relative name is beside the session's folder too");
        assertEquals(dir.resolve("x"), PlanWords.resolveFolder(stems, " " + dir.resolve("x") + " "));
        assertEquals("take 2 plan.rides.csv", PlanWords.exportFileName(sessionFile, PlanFormat.RIDES_CSV));
        assertEquals("flawed plan.mid", PlanWords.exportFileName(stems, PlanFormat.MIDI));
    }
}
