package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.Severity;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolarityAlignmentRuleTest {

    private final PolarityAlignmentRule rule = new PolarityAlignmentRule();

    /** Pairs of {lagMs, inverted, correlation} for Kick Out, Kick Sub, ... against Kick In. */
    static GroupMeasurement kick(double[]... pairs) {
        Map<String, Measurement> m = new HashMap<>();
        List<String> names = new java.util.ArrayList<>(List.of("Kick In"));
        for (int k = 1; k <= pairs.length; k++) {
            names.add(k == 1 ? "Kick Out" : "Kick Mic " + k);
            m.put("pair." + k + ".lag", Scalar.of(pairs[k - 1][0], Units.MILLISECONDS));
            m.put("pair." + k + ".inverted", Scalar.of(pairs[k - 1][1], Units.FLAG));
            m.put("pair." + k + ".correlation", Scalar.of(pairs[k - 1][2], Units.RATIO));
        }
        return new GroupMeasurement("micAlignment", names, m);
    }

    Fixtures.FakeContext raw(GroupMeasurement... groups) {
        Fixtures.FakeContext context = new Fixtures.FakeContext(rule, ExportKind.RAW_TRACKS, PanLaw.MINUS_3_DB,
                List.of(track("Kick In", Role.KICK).group("Kick").mono().build(),
                        track("Kick Out", Role.KICK).group("Kick").mono().build()));
        for (GroupMeasurement g : groups) {
            context.withGroup(g);
        }
        return context;
    }

    @Test
    void appliesToRawTracks() {
        assertEquals(ExportKind.RAW_TRACKS, rule.descriptor().exportKind());
        assertTrue(!rule.descriptor().needsMix());
    }

    @Test
    void alignedMicsInPolarityAreOk() {
        Finding f = only(raw(kick(new double[]{0.3, 0, 0.8})).evaluate());
        assertEquals(Severity.OK, f.severity(), f.toString());
        assertEquals(List.of("Kick Out", "Kick In"), f.tracks());
        assertEquals(0.3, f.measured().value());
        assertTrue(f.message().startsWith("Kick Out is in polarity with Kick In and aligned within 0.50 ms"),
                f.message());
        assertNull(f.fix());
    }

    @Test
    void anInvertedMicIsAProblem() {
        Finding f = only(raw(kick(new double[]{0.1, 1, -0.7})).evaluate());
        assertEquals(Severity.PROBLEM, f.severity(), f.toString());
        assertEquals("Kick Out", f.fix().track());
        assertEquals(Boolean.TRUE, f.fix().actions().get("invertPolarity"));
        assertTrue(f.message().startsWith("Kick Out is in opposite polarity to Kick In"), f.message());
        assertEquals(-0.7, f.measured().value());
    }

    @Test
    void aLagBeyondTheLimitIsAWarning() {
        Finding late = only(raw(kick(new double[]{1.2, 0, 0.8})).evaluate());
        assertEquals(Severity.WARN, late.severity(), late.toString());
        assertEquals(-1.2, (Double) late.fix().actions().get("delayMs"), 1e-12);
        assertTrue(late.message().startsWith("Kick Out is 1.20 ms behind Kick In"), late.message());
        assertTrue(late.suggestion().startsWith("Move Kick Out 1.20 ms earlier (or delay Kick In by 1.20 ms)"),
                late.suggestion());

        Finding early = only(raw(kick(new double[]{-0.6, 0, 0.8})).evaluate());
        assertEquals(Severity.WARN, early.severity());
        assertEquals(0.6, (Double) early.fix().actions().get("delayMs"), 1e-12);
        assertEquals("Delay Kick Out by 0.60 ms to line it up with Kick In.", early.suggestion());

        assertEquals(Severity.OK, only(raw(kick(new double[]{0.49, 0, 0.8})).evaluate()).severity());
        assertEquals(Severity.WARN, only(raw(kick(new double[]{0.51, 0, 0.8})).evaluate()).severity());
        assertEquals(Severity.OK, only(raw(kick(new double[]{0.51, 0, 0.8})).with("maxLagMs", 1).evaluate())
                .severity());
    }

    @Test
    void invertedAndLateGivesBothFindings() {
        List<Finding> findings = raw(kick(new double[]{1.2, 1, -0.8})).evaluate();
        assertEquals(2, findings.size(), findings.toString());
        assertEquals(Severity.PROBLEM, findings.get(0).severity());
        assertEquals(Severity.WARN, findings.get(1).severity());
    }

    @Test
    void everyPairOfAGroupIsJudged() {
        List<Finding> findings = raw(kick(new double[]{0.1, 0, 0.8}, new double[]{0.0, 1, -0.5})).evaluate();
        assertEquals(2, findings.size(), findings.toString());
        assertEquals(Severity.OK, findings.get(0).severity());
        assertEquals(Severity.PROBLEM, findings.get(1).severity());
        assertEquals(List.of("Kick Mic 2", "Kick In"), findings.get(1).tracks());
    }

    @Test
    void weaklyCorrelatedMicsCannotBeJudged() {
        Finding f = only(raw(kick(new double[]{3.0, 1, -0.1})).evaluate());
        assertEquals(Severity.INFO, f.severity(), f.toString());
        assertTrue(f.message().contains("they hardly correlate"), f.message());
        assertEquals(Severity.PROBLEM, only(raw(kick(new double[]{0.0, 1, -0.1})).with("minCorrelation", 0.05)
                .evaluate()).severity());
    }

    @Test
    void aSilentMicCannotBeJudged() {
        GroupMeasurement silent = new GroupMeasurement("micAlignment", List.of("Kick In", "Kick Out"),
                Map.of("pair.1.lag", Scalar.absent(Units.MILLISECONDS, "silent"), "pair.1.inverted",
                        Scalar.absent(Units.FLAG, "silent"), "pair.1.correlation", Scalar.absent(Units.RATIO,
                                "silent")));
        Finding f = only(raw(silent).evaluate());
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().contains("(silent)"), f.message());
    }

    @Test
    void withoutGroupsThereIsNothingToJudge() {
        Finding f = only(raw(new GroupMeasurement("nullTest", List.of("Mix", "Kick In"), Map.of())).evaluate());
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().contains(" not checked: "), f.message());
    }
}
