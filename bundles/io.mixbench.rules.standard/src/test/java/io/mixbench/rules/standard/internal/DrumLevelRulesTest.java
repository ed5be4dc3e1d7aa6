package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.drum;
import static io.mixbench.rules.standard.internal.Fixtures.gain;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.rule.Finding;
import io.mixbench.rule.Severity;
import io.mixbench.session.Role;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DrumLevelRulesTest {

    private static Finding kickAt(double peak) {
        return only(context(new KickLevelRule(), drum("Kick", Role.KICK, peak, 16).build()).evaluate());
    }

    @ParameterizedTest
    @CsvSource({"-11.0, OK", "-10.0, OK", "-12.0, OK", "-9.5, INFO", "-12.5, INFO", "-9.0, WARN", "-13.0, WARN",
            "-7.0, WARN", "-15.0, WARN", "-5.01, WARN", "-5.0, PROBLEM", "-17.0, PROBLEM", "-3.0, PROBLEM"})
    void kickSeverityFollowsTheMargins(double peak, Severity expected) {
        Finding finding = kickAt(peak);
        assertEquals(expected, finding.severity(), finding.message());
        assertEquals(peak, finding.measured().value(), 1e-5);
        assertEquals("dBFS", finding.measured().unit());
        assertEquals(-12.0, finding.target().min());
        assertEquals(-10.0, finding.target().max());
        assertEquals(List.of("Kick"), finding.tracks());
        if (expected == Severity.OK || expected == Severity.INFO) {
            assertNull(finding.fix());
        } else {
            assertEquals(-11.0 - peak, gain(finding), 0.051);
        }
    }

    /** A kick a few dB hot is a fader position: WARN under docs/severity.md, with the same fix. */
    @Test
    void kickThreeDbOverIsAWarningWithAFixToTheCentre() {
        Finding finding = kickAt(-7.0);
        assertEquals(Severity.WARN, finding.severity());
        assertEquals(-4.0, gain(finding));
        assertEquals("Kick", finding.fix().track());
        assertEquals("Lower Kick by 4.0 dB.", finding.suggestion());
        assertEquals(
                "Kick peaks at -7.0 dBFS (95th percentile of 16 hits); target -12.0 to -10.0 dBFS, 3.0 dB above it.",
                finding.message());
    }

    @Test
    void oneFlamDoesNotDecideTheKickLevel() {
        double[] hits = Fixtures.constant(16, -11.0);
        hits[7] = -8.0;
        Finding finding = only(context(new KickLevelRule(), drum("Kick", Role.KICK, hits, 5).build()).evaluate());
        assertEquals(Severity.OK, finding.severity(), finding.message());
        assertEquals(-11.0, finding.measured().value(), 1e-5);
        assertTrue(finding.message().contains("16 hits"), finding.message());
    }

    @Test
    void manyLoudHitsDoDecide() {
        double[] hits = Fixtures.constant(16, -11.0);
        for (int i = 0; i < 4; i++) {
            hits[i * 4] = -8.0;
        }
        Finding finding = only(context(new KickLevelRule(), drum("Kick", Role.KICK, hits, 5).build()).evaluate());
        assertEquals(-8.0, finding.measured().value(), 1e-5);
        assertEquals(Severity.WARN, finding.severity());
    }

    @Test
    void quietGhostNotesBelowTheHitRangeAreNotHits() {
        double[] hits = new double[20];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = i % 2 == 0 ? -11.0 : -35.0; // ghost notes 24 dB down
        }
        Finding finding = only(context(new KickLevelRule(), drum("Kick", Role.KICK, hits, 5).build()).evaluate());
        assertTrue(finding.message().contains("of 10 hits"), finding.message());
        assertEquals(-11.0, finding.measured().value(), 1e-5);
    }

    @Test
    void everyKickStemIsJudged() {
        List<Finding> findings = context(new KickLevelRule(), drum("Kick In", Role.KICK, -11.0, 16).build(),
                drum("Kick Out", Role.KICK, -5.0, 16).build()).evaluate();
        assertEquals(2, findings.size());
        assertEquals(Severity.OK, findings.get(0).severity());
        assertEquals(Severity.PROBLEM, findings.get(1).severity());
        assertEquals("Kick Out", findings.get(1).fix().track());
    }

    @Test
    void parametersComeFromTheContext() {
        Finding finding = only(context(new KickLevelRule(), drum("Kick", Role.KICK, -7.0, 16).build())
                .with("minPeak", -8).with("maxPeak", -6).evaluate());
        assertEquals(Severity.OK, finding.severity());
    }

    @Test
    void snareAtMinus7point16IsLoweredBy5point8() {
        Finding finding = only(context(new SnareLevelRule(), drum("Snare", Role.SNARE, -7.16, 16).build()).evaluate());
        assertEquals(Severity.WARN, finding.severity(), "4.8 dB above the range, short of the 5 dB PROBLEM margin");
        assertEquals(-5.8, gain(finding));
        assertEquals("Lower Snare by 5.8 dB.", finding.suggestion());
        assertEquals(-14.0, finding.target().min());
        assertEquals(-12.0, finding.target().max());
    }

    @ParameterizedTest
    @CsvSource({"-13.0, OK", "-11.5, INFO", "-11.0, WARN", "-15.0, WARN", "-17.0, WARN", "-19.0, PROBLEM",
            "-7.0, PROBLEM"})
    void snareSeverityFollowsTheMargins(double peak, Severity expected) {
        Finding finding = only(context(new SnareLevelRule(), drum("Snare", Role.SNARE, peak, 16).build()).evaluate());
        assertEquals(expected, finding.severity(), finding.message());
    }

    /** A snare in its range but above a quiet kick is lowered to 1 dB under it. */
    @Test
    void snareAboveTheKickIsLoweredToOneDbUnderIt() {
        List<Finding> findings = context(new SnareLevelRule(), drum("Kick", Role.KICK, -14.0, 16).build(),
                drum("Snare", Role.SNARE, -13.0, 16).build()).evaluate();
        assertEquals(2, findings.size());
        assertEquals(Severity.OK, findings.get(0).severity(), findings.get(0).message());
        Finding relation = findings.get(1);
        assertEquals(Severity.WARN, relation.severity(), relation.message());
        assertEquals(1.0, relation.measured().value(), 1e-5);
        assertEquals(-2.0, gain(relation));
        assertEquals("Snare", relation.fix().track());
        assertEquals(List.of("Snare", "Kick"), relation.tracks());
    }

    /** One gain per snare: the level fix that also puts it under the kick leaves the relation without a fix. */
    @Test
    void aLevelFixThatAlsoCuresTheRelationIsTheOnlyFix() {
        List<Finding> findings = context(new SnareLevelRule(), drum("Kick", Role.KICK, -11.0, 16).build(),
                drum("Snare", Role.SNARE, -10.5, 16).build()).evaluate();
        assertEquals(2, findings.size());
        assertEquals(-2.5, gain(findings.get(0)));
        Finding relation = findings.get(1);
        assertEquals(Severity.INFO, relation.severity(), relation.message());
        assertEquals(null, relation.fix());
        assertTrue(relation.message().contains("puts it under the kick too"), relation.message());
    }

    /** When the level fix is not enough, the relation's fix is the whole gain and says it replaces the level fix. */
    @Test
    void aRelationFixBeyondTheLevelFixTakesItsPlace() {
        List<Finding> findings = context(new SnareLevelRule(), drum("Kick", Role.KICK, -13.5, 16).build(),
                drum("Snare", Role.SNARE, -10.0, 16).build()).evaluate();
        assertEquals(-3.0, gain(findings.get(0)));
        Finding relation = findings.get(1);
        assertEquals(Severity.WARN, relation.severity(), relation.message());
        assertEquals(-4.5, gain(relation));
        assertEquals("Lower Snare by 4.5 dB in all (instead of the level fix's -3.0 dB).", relation.suggestion());
    }

    @Test
    void snareUnderTheKickIsFine() {
        List<Finding> findings = context(new SnareLevelRule(), drum("Kick", Role.KICK, -11.0, 16).build(),
                drum("Snare", Role.SNARE, -13.0, 16).build()).evaluate();
        assertEquals(2, findings.size());
        assertTrue(findings.stream().allMatch(f -> f.severity() == Severity.OK), findings.toString());
    }

    @Test
    void withoutAKickOnlyTheLevelIsJudged() {
        assertEquals(1, context(new SnareLevelRule(), drum("Snare", Role.SNARE, -10.5, 16).build()).evaluate().size());
    }
}
