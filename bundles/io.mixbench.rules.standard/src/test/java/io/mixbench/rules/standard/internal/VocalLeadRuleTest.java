package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.constant;
import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.gain;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rule.TimeRange;
import io.mixbench.rules.standard.internal.Fixtures.FakeContext;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocalLeadRuleTest {

    private static final int STEPS = 100;

    private static MeasuredTrack part(String name, Role role, String group, double[] momentary) {
        double[] activity = new double[momentary.length];
        for (int i = 0; i < momentary.length; i++) {
            activity[i] = Double.isNaN(momentary[i]) ? 0 : 1;
        }
        return track(name, role).group(group).series(MeasurementIds.MOMENTARY_SERIES, momentary, Units.LUFS)
                .series(MeasurementIds.ACTIVITY, activity, Units.FLAG).build();
    }

    /** Vocal at -20 LUFS on steps 0..89; guitar dips and peaks; a two-mic kick group at -27 LUFS per mic. */
    private static MeasuredTrack[] phrasedSession() {
        double[] vocal = constant(STEPS, -20);
        Arrays.fill(vocal, 90, STEPS, Double.NaN);
        double[] guitar = constant(STEPS, -25);
        Arrays.fill(guitar, 50, 70, -22); // lead 2 dB: below the range for 2 s
        Arrays.fill(guitar, 80, 85, -19); // lead -1 dB: below for 0.5 s
        double[] kickMic = constant(STEPS, -27);
        return new MeasuredTrack[]{part("Lead Vox", Role.LEAD_VOCAL, null, vocal),
                part("Guitar", Role.GUITAR, null, guitar), part("Kick In", Role.KICK, "Kick", kickMic),
                part("Kick Out", Role.KICK, "Kick", kickMic),
                track("Mix", Role.MIX).series(MeasurementIds.MOMENTARY_SERIES, constant(STEPS, -8), Units.LUFS)
                        .series(MeasurementIds.ACTIVITY, constant(STEPS, 1), Units.FLAG).build()};
    }

    @Test
    void phrasesBelowTheRangeAreListedAndGroupsAreSummed() {
        Finding finding = only(context(new VocalLeadRule(), phrasedSession()).evaluate());
        // the kick pair sums to -23.99 LUFS, louder than the guitar's -25: the lead is 3.99 dB, not 5 dB
        assertEquals(3.99, finding.measured().value(), 0.01);
        assertEquals(Severity.OK, finding.severity(), finding.message());
        assertNull(finding.fix());
        assertEquals(2, finding.timeRanges().size());
        assertRange(5.0, 7.0, finding.timeRanges().get(0));
        assertRange(8.0, 8.5, finding.timeRanges().get(1));
        assertTrue(finding.message().contains("Inside the range 72 % of the time"), finding.message());
        assertTrue(finding.message().contains("below it in 2 phrases"), finding.message());
        assertTrue(finding.message().contains("9.0 s where it sings"), finding.message());
        // the kick group is the loudest other element except where the guitar rises (25 of 90 steps)
        assertTrue(finding.message().contains("the loudest other part (Kick in 72 % of the time;"),
                finding.message());
        assertFalse(finding.message().contains("measured against"), "only a finding with a fix says so");
    }

    @Test
    void onlyTheLongestRangesAreListed() {
        Finding finding = only(context(new VocalLeadRule(), phrasedSession()).with("maxTimeRanges", 1).evaluate());
        assertEquals(1, finding.timeRanges().size());
        assertRange(5.0, 7.0, finding.timeRanges().get(0));
        assertTrue(finding.message().contains("the 1 longest listed"), finding.message());
    }

    @Test
    void aBuriedVocalIsRaisedToTheCentreOfTheRange() {
        Finding finding = only(context(new VocalLeadRule(),
                part("Lead Vox", Role.LEAD_VOCAL, null, constant(STEPS, -20)),
                part("Guitar", Role.GUITAR, null, constant(STEPS, -21.5))).evaluate());
        assertEquals(Severity.WARN, finding.severity());
        assertEquals(1.5, finding.measured().value(), 1e-4);
        assertEquals(3.0, gain(finding), 1e-9);
        assertEquals("Raise Lead Vox by 3.0 dB.", finding.suggestion());
        assertTrue(finding.message().contains("the loudest other part (Guitar; median"), finding.message());
        assertTrue(finding.message().endsWith(" It is measured against Guitar: if Guitar moves too, move it first and"
                + " analyse again."), finding.message());
        assertEquals(1, finding.timeRanges().size());
        assertRange(0.0, 10.0, finding.timeRanges().get(0));
    }

    @Test
    void aVocalOnTopIsLowered() {
        Finding finding = only(context(new VocalLeadRule(),
                part("Lead Vox", Role.LEAD_VOCAL, null, constant(STEPS, -10)),
                part("Guitar", Role.GUITAR, null, constant(STEPS, -21))).evaluate());
        assertEquals(Severity.PROBLEM, finding.severity());
        assertEquals(-6.5, gain(finding), 1e-9);
        assertTrue(finding.timeRanges().isEmpty());
    }

    @Test
    void aMonoVocalIsComparedThroughThePanLaw() {
        MeasuredTrack vocal = track("Lead Vox", Role.LEAD_VOCAL).mono()
                .series(MeasurementIds.MOMENTARY_SERIES, constant(STEPS, -23.0103), Units.LUFS)
                .series(MeasurementIds.ACTIVITY, constant(STEPS, 1), Units.FLAG).build();
        Finding finding = only(new FakeContext(new VocalLeadRule(), ExportKind.STEMS, PanLaw.ZERO_DB,
                List.of(vocal, part("Guitar", Role.GUITAR, null, constant(STEPS, -24.5)))).evaluate());
        assertEquals(4.5, finding.measured().value(), 1e-3);
    }

    @Test
    void aVocalAloneCannotBeJudged() {
        Finding finding = only(context(new VocalLeadRule(),
                part("Lead Vox", Role.LEAD_VOCAL, null, constant(STEPS, -20))).evaluate());
        assertEquals(Severity.INFO, finding.severity());
        assertTrue(finding.message().startsWith("Cannot judge"), finding.message());
    }

    private static void assertRange(double start, double end, TimeRange range) {
        assertEquals(start, range.startSeconds(), 1e-9);
        assertEquals(end, range.endSeconds(), 1e-9);
    }
}
