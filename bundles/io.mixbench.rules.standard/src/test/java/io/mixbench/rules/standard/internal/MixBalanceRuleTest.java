package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rules.standard.internal.Fixtures.FakeContext;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixBalanceRuleTest {

    private static MeasuredTrack mix(double balance) {
        return track("Mix", Role.MIX).scalar(MeasurementIds.BALANCE, balance, Units.DB).build();
    }

    private static MeasuredTrack stem(String name, Role role, double rms, double balance, double pan) {
        return track(name, role).scalar(MeasurementIds.RMS, rms, Units.DBFS)
                .scalar(MeasurementIds.BALANCE, balance, Units.DB).scalar(MeasurementIds.PAN, pan, Units.PERCENT)
                .build();
    }

    private static Severity severityOf(double balance) {
        return only(context(new MixBalanceRule(), mix(balance)).evaluate()).severity();
    }

    @Test
    void boundaries() {
        assertEquals(Severity.OK, severityOf(0));
        assertEquals(Severity.OK, severityOf(1.0));
        assertEquals(Severity.OK, severityOf(-1.0));
        assertEquals(Severity.WARN, severityOf(1.01));
        assertEquals(Severity.WARN, severityOf(-2.99));
        assertEquals(Severity.PROBLEM, severityOf(3.0));
        assertEquals(Severity.PROBLEM, severityOf(-12));
    }

    @Test
    void theFixBringsTheBalanceBack() {
        Finding finding = only(context(new MixBalanceRule(), mix(2.04)).evaluate());
        assertEquals(Severity.WARN, finding.severity());
        assertEquals(new Fix("Mix", Map.of(StereoSupport.BALANCE_DB, -2.0)), finding.fix());
        assertTrue(finding.message().startsWith("Mix leans 2.0 dB to the left (left minus right channel power"),
                finding.message());
        assertTrue(finding.message().contains("target within ±1.0 dB, 1.0 dB above it"), finding.message());
        assertTrue(finding.suggestion().startsWith("Bring Mix's balance 2.0 dB towards the right"),
                finding.suggestion());
        assertEquals(2.04, finding.measured().value(), 1e-9);
        assertEquals(-1, finding.target().min(), 1e-9);
        assertEquals(Severity.OK, severityOf(2.04 + -2.0));
    }

    @Test
    void theStemsThatPullItAreNamed() {
        List<Finding> findings = context(new MixBalanceRule(), mix(-2.5), stem("Gtr R", Role.GUITAR, -16, -30, 95),
                stem("Keys", Role.KEYS, -18, 3, -20), stem("Shaker", Role.PERCUSSION, -40, -20, 80),
                stem("Bass", Role.BASS, -14, 0, 0)).evaluate();
        Finding finding = only(findings);
        assertEquals(List.of("Mix", "Gtr R"), finding.tracks());
        assertTrue(finding.message().endsWith("The lean comes mostly from Gtr R (95 % right)."), finding.message());
        assertTrue(finding.suggestion().contains("pan Gtr R nearer the centre or lower it"), finding.suggestion());
        // raw tracks are not panned yet: no stem is named
        Finding raw = only(new FakeContext(new MixBalanceRule(), ExportKind.RAW_TRACKS, PanLaw.MINUS_3_DB,
                List.of(mix(-2.5), stem("Gtr R", Role.GUITAR, -16, -30, 95))).evaluate());
        assertEquals(List.of("Mix"), raw.tracks());
    }

    @Test
    void aMonoMixIsCentred() {
        Finding finding = only(context(new MixBalanceRule(), track("Mix", Role.MIX).mono().build()).evaluate());
        assertEquals(Severity.OK, finding.severity());
        assertTrue(finding.message().contains("(mono)"), finding.message());
        assertNull(finding.fix());
    }

    @Test
    void cannotJudgeWithoutTheBalance() {
        Finding finding = only(context(new MixBalanceRule(),
                track("Mix", Role.MIX).absent(MeasurementIds.BALANCE, Units.DB, "silent").build()).evaluate());
        assertEquals(Severity.INFO, finding.severity());
        assertEquals("Cannot judge Mix's left/right balance because its balance has no value (silent).",
                finding.message());
        Finding none = only(context(new MixBalanceRule(), stem("Gtr R", Role.GUITAR, -16, -30, 95)).evaluate());
        assertTrue(none.message().contains(" not checked: "), none.message());
    }

    @Test
    void aLargerLimitFromTheRuleSet() {
        Finding finding = only(new FakeContext(new MixBalanceRule(), ExportKind.STEMS, PanLaw.MINUS_3_DB,
                List.of(mix(2.5))).with("maxBalanceDb", 3).evaluate());
        assertEquals(Severity.OK, finding.severity());
    }
}
