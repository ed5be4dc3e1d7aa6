package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.constant;
import static io.mixbench.rules.standard.internal.Fixtures.drum;
import static io.mixbench.rules.standard.internal.Fixtures.gain;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rules.standard.internal.Fixtures.FakeContext;
import io.mixbench.rules.standard.internal.Fixtures.TrackBuilder;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class BassUnderKickRuleTest {

    private static final int STEPS = 80; // 16 hits, 5 steps apart

    private static MeasuredTrack kick(double peak, double shortTerm) {
        return drum("Kick", Role.KICK, peak, 16)
                .series(MeasurementIds.SHORT_TERM_SERIES, constant(STEPS, shortTerm), Units.LUFS).build();
    }

    private static TrackBuilder bass(double shortTerm) {
        return Fixtures.track("Bass", Role.BASS)
                .series(MeasurementIds.SHORT_TERM_SERIES, constant(STEPS, shortTerm), Units.LUFS)
                .series(MeasurementIds.ACTIVITY, constant(STEPS, 1), Units.FLAG);
    }

    private static Finding evaluate(PanLaw law, MeasuredTrack... tracks) {
        return only(new FakeContext(new BassUnderKickRule(), ExportKind.STEMS, law, List.of(tracks)).evaluate());
    }

    @Test
    void bassThreeDbUnderTheKickIsFine() {
        Finding finding = evaluate(PanLaw.MINUS_3_DB, kick(-11, -14), bass(-17).build());
        assertEquals(Severity.OK, finding.severity(), finding.message());
        assertEquals(3.0, finding.measured().value(), 1e-4);
        assertNull(finding.fix());
        assertEquals(2.0, finding.target().min());
        assertEquals(4.0, finding.target().max());
    }

    @Test
    void bassTooCloseToTheKickIsLowered() {
        Finding finding = evaluate(PanLaw.MINUS_3_DB, kick(-11, -14), bass(-15).build());
        assertEquals(Severity.WARN, finding.severity(), finding.message());
        assertEquals("Bass", finding.fix().track());
        assertEquals(-2.0, gain(finding), 1e-9);
        assertEquals("Lower Bass by 2.0 dB.", finding.suggestion());
        assertFalse(finding.message().contains("out of place"));
    }

    /** 3 dB outside the window is a fader move (WARN); 5 dB or more is a PROBLEM (docs/severity.md). */
    @Test
    void bassJustAboveTheKickIsAWarningAndFarAboveItAProblem() {
        Finding finding = evaluate(PanLaw.MINUS_3_DB, kick(-11, -14), bass(-13).build());
        assertEquals(Severity.WARN, finding.severity(), finding.message());
        assertEquals(-1.0, finding.measured().value(), 1e-4);
        assertEquals(-4.0, gain(finding), 1e-9);
        assertTrue(finding.message().startsWith("Bass sits 1.0 dB above Kick"), finding.message());

        Finding far = evaluate(PanLaw.MINUS_3_DB, kick(-11, -14), bass(-10).build());
        assertEquals(Severity.PROBLEM, far.severity(), far.message());
        assertEquals(-7.0, gain(far), 1e-9);
    }

    @Test
    void aQuietKickIsMovedInsteadOfTheBass() {
        // kick peaks at -14 dBFS (below -12..-10) and the bass is only 1 dB under it: raising the kick fixes both
        Finding finding = evaluate(PanLaw.MINUS_3_DB, kick(-14, -14), bass(-15).build());
        assertEquals(Severity.WARN, finding.severity());
        assertEquals("Kick", finding.fix().track());
        assertEquals(2.0, gain(finding), 1e-9);
        assertEquals("Raise Kick by 2.0 dB.", finding.suggestion());
        assertTrue(finding.message().contains("The kick is the part out of place"), finding.message());
        assertEquals("Kick", finding.tracks().get(0));
    }

    @Test
    void aLoudKickIsLoweredWhenTheBassIsTooFarUnder() {
        Finding finding = evaluate(PanLaw.MINUS_3_DB, kick(-7, -14), bass(-20).build());
        assertEquals(Severity.WARN, finding.severity());
        assertEquals("Kick", finding.fix().track());
        assertEquals(-3.0, gain(finding), 1e-9);
    }

    @Test
    void aLoudKickIsNotRaisedFurther() {
        // the kick is too loud, but the bass is too close: moving the kick up would make the kick worse
        Finding finding = evaluate(PanLaw.MINUS_3_DB, kick(-7, -14), bass(-15).build());
        assertEquals("Bass", finding.fix().track());
        assertEquals(-2.0, gain(finding), 1e-9);
    }

    @Test
    void aMonoBassIsComparedThroughThePanLaw() {
        // a mono file reads 3.01 dB quieter than it plays centred under a 0 dB pan law
        Finding zeroLaw = evaluate(PanLaw.ZERO_DB, kick(-11, -14), bass(-20.0103).mono().build());
        assertEquals(3.0, zeroLaw.measured().value(), 1e-3);
        assertEquals(Severity.OK, zeroLaw.severity());
        Finding minus3 = evaluate(PanLaw.MINUS_3_DB, kick(-11, -14), bass(-20.0103).mono().build());
        assertEquals(6.0, minus3.measured().value(), 1e-3);
        assertEquals(Severity.WARN, minus3.severity());
    }

    @Test
    void onlyStepsWhereBothPlayCount() {
        double[] bassActivity = constant(STEPS, 0);
        double[] bassLoudness = constant(STEPS, -40); // where the bass rests
        for (int i = 40; i < STEPS; i++) {
            bassActivity[i] = 1;
            bassLoudness[i] = -17;
        }
        double[] kickLoudness = constant(STEPS, -14);
        kickLoudness[0] = -3; // loud where the bass does not play: must not count
        MeasuredTrack kick = drum("Kick", Role.KICK, -11, 16)
                .series(MeasurementIds.SHORT_TERM_SERIES, kickLoudness, Units.LUFS).build();
        MeasuredTrack bass = Fixtures.track("Bass", Role.BASS)
                .series(MeasurementIds.SHORT_TERM_SERIES, bassLoudness, Units.LUFS)
                .series(MeasurementIds.ACTIVITY, bassActivity, Units.FLAG).build();
        Finding finding = evaluate(PanLaw.MINUS_3_DB, kick, bass);
        assertEquals(3.0, finding.measured().value(), 1e-4);
        assertTrue(finding.message().contains("4.0 s where both play"), finding.message());
    }

    @Test
    void powerMeanNotArithmeticMean() {
        double[] kickLoudness = constant(STEPS, -14);
        for (int i = 0; i < STEPS / 2; i++) {
            kickLoudness[i] = -24; // half the time 10 dB quieter: power mean -16.6, arithmetic mean -19
        }
        MeasuredTrack kick = drum("Kick", Role.KICK, -11, 16)
                .series(MeasurementIds.SHORT_TERM_SERIES, kickLoudness, Units.LUFS).build();
        Finding finding = evaluate(PanLaw.MINUS_3_DB, kick, bass(-20).build());
        double expected = 10 * Math.log10((Math.pow(10, -2.4) + Math.pow(10, -1.4)) / 2) + 20;
        assertEquals(expected, finding.measured().value(), 1e-4);
    }

    @Test
    void neverTogetherIsInfo() {
        double[] bassActivity = constant(STEPS, 0);
        double[] kickActivity = constant(STEPS, 1);
        MeasuredTrack kick = Fixtures.track("Kick", Role.KICK)
                .series(MeasurementIds.SHORT_TERM_SERIES, constant(STEPS, -14), Units.LUFS)
                .series(MeasurementIds.ACTIVITY, kickActivity, Units.FLAG).build();
        MeasuredTrack bass = bass(-17).series(MeasurementIds.ACTIVITY, bassActivity, Units.FLAG).build();
        Finding finding = evaluate(PanLaw.MINUS_3_DB, kick, bass);
        assertEquals(Severity.INFO, finding.severity());
        assertTrue(finding.message().contains("never play together"), finding.message());
    }

    @Test
    void kickMicsCountAsOneKick() {
        // two kick mics at -17 LUFS each sum to -13.99 LUFS: the bass at -17 is 3 dB under the pair
        MeasuredTrack in = drum("Kick In", Role.KICK, -11, 16).group("Kick")
                .series(MeasurementIds.SHORT_TERM_SERIES, constant(STEPS, -17), Units.LUFS).build();
        MeasuredTrack out = drum("Kick Out", Role.KICK, -11, 16).group("Kick")
                .series(MeasurementIds.SHORT_TERM_SERIES, constant(STEPS, -17), Units.LUFS).build();
        Finding finding = evaluate(PanLaw.MINUS_3_DB, in, out, bass(-17).build());
        assertEquals(3.01, finding.measured().value(), 1e-2);
        assertTrue(finding.message().contains(" Kick ("), finding.message());
    }
}
