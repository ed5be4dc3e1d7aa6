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
import java.util.function.UnaryOperator;
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

    /** Ten phrases of 1.5 s, 0.5 s apart: steps 20p .. 20p+14. */
    private static final int PHRASES = 10;
    private static final int PHRASE_STEPS = 15;
    private static final int PERIOD_STEPS = 20;

    /** The vocal singing the ten phrases at the given loudness each, silent (NaN) between them. */
    private static double[] phrased(double... loudnessLufs) {
        double[] vocal = constant(PHRASES * PERIOD_STEPS, Double.NaN);
        for (int p = 0; p < PHRASES; p++) {
            Arrays.fill(vocal, p * PERIOD_STEPS, p * PERIOD_STEPS + PHRASE_STEPS, loudnessLufs[p]);
        }
        return vocal;
    }

    /**
     * Vocal at -20 LUFS in ten phrases, -16 in the ninth; guitar at -25 rising to -22 in the third phrase; a two-mic
     * kick group at -27 LUFS per mic.
     */
    private static MeasuredTrack[] phrasedSession() {
        double[] loudness = constant(PHRASES, -20);
        loudness[8] = -16; // lead 7.99 dB: above the range by 2.0 dB
        double[] vocal = phrased(loudness);
        int steps = vocal.length;
        double[] guitar = constant(steps, -25);
        Arrays.fill(guitar, 40, 55, -22); // lead 2 dB: below the range by 1.0 dB
        double[] kickMic = constant(steps, -27);
        return new MeasuredTrack[]{part("Lead Vox", Role.LEAD_VOCAL, null, vocal),
                part("Guitar", Role.GUITAR, null, guitar), part("Kick In", Role.KICK, "Kick", kickMic),
                part("Kick Out", Role.KICK, "Kick", kickMic),
                track("Mix", Role.MIX).series(MeasurementIds.MOMENTARY_SERIES, constant(steps, -8), Units.LUFS)
                        .series(MeasurementIds.ACTIVITY, constant(steps, 1), Units.FLAG).build()};
    }

    @Test
    void phrasesAboveAndBelowTheRangeAreListedAndGroupsAreSummed() {
        Finding finding = only(context(new VocalLeadRule(), phrasedSession()).evaluate());
        // the kick pair sums to -23.99 LUFS, louder than the guitar's -25: the lead is 3.99 dB, not 5 dB
        assertEquals(3.99, finding.measured().value(), 0.01);
        // 8 of 10 phrases inside: more than the 70 % wanted
        assertEquals(Severity.OK, finding.severity(), finding.message());
        assertNull(finding.fix());
        assertEquals(2, finding.timeRanges().size());
        assertRange(4.0, 5.5, finding.timeRanges().get(0));
        assertRange(16.0, 17.5, finding.timeRanges().get(1));
        assertTrue(finding.message().contains("Phrase by phrase, 80 % of its singing time is in range (70 % wanted); 1"
                + " phrase below by 1.0 dB; 1 above by 2.0 dB."), finding.message());
        assertTrue(finding.message().contains("15.0 s where it sings"), finding.message());
        // the kick group is the loudest other element except where the guitar rises (15 of 150 steps)
        assertTrue(finding.message().contains("the loudest other part (Kick in 90 % of the time;"),
                finding.message());
        assertFalse(finding.message().contains("riding"), finding.message());
        assertFalse(finding.message().contains("measured against"), "only a finding with a fix says so");
    }

    @Test
    void theShareWantedInsideIsAParameter() {
        Finding finding = only(context(new VocalLeadRule(), phrasedSession()).with("minShareInside", 90).evaluate());
        // 80 % inside; the other 20 % lie 1.0 and 2.0 dB outside: 90 % of the singing time lies within 1.0 dB
        assertEquals(Severity.WARN, finding.severity(), finding.message());
        assertTrue(finding.message().contains("(90 % wanted)"), finding.message());
    }

    @Test
    void onlyTheLongestRangesAreListed() {
        Finding finding = only(context(new VocalLeadRule(), phrasedSession()).with("maxTimeRanges", 1).evaluate());
        assertEquals(1, finding.timeRanges().size());
        assertRange(4.0, 5.5, finding.timeRanges().get(0));
        // the phrases left outside by the best static move are named in the same number
        double[] lead = {-2.5, -2.5, -2.5, -2.5, -2.5, 4.5, 4.5, 4.5, 4.5, 4.5};
        Finding riding = leads(c -> c.with("maxTimeRanges", 2), lead);
        assertTrue(riding.message().contains("the vocal needs riding, below the range in 5 phrases (2 named): "
                + "0:00.0-0:01.5 by 5.5 dB, 0:02.0-0:03.5 by 5.5 dB."), riding.message());
    }

    /** The policy's PROBLEM margin, whatever the rule's default: these tests state where PROBLEM starts. */
    private static final UnaryOperator<FakeContext> MARGINS = c -> c.with("problemMarginDb", 5);

    /** Vocal and guitar in ten phrases: the vocal's lead over the guitar in each phrase as given. */
    private static Finding leads(UnaryOperator<FakeContext> tweak, double... leadDb) {
        double[] loudness = new double[PHRASES];
        for (int p = 0; p < PHRASES; p++) {
            loudness[p] = -25 + leadDb[p];
        }
        FakeContext context = context(new VocalLeadRule(), part("Lead Vox", Role.LEAD_VOCAL, null, phrased(loudness)),
                part("Guitar", Role.GUITAR, null, constant(PHRASES * PERIOD_STEPS, -25)));
        return only(tweak.apply(context).evaluate());
    }

    private static double[] shifted(double[] leadDb, double gainDb) {
        return Arrays.stream(leadDb).map(l -> l + gainDb).toArray();
    }

    @Test
    void aVocalLowInHalfItsPhrasesNeedsRidingAndTheStaticFixDoesNotPass() {
        // 7 dB low in the first five phrases, at the centre of the range in the last five
        double[] lead = {-2.5, -2.5, -2.5, -2.5, -2.5, 4.5, 4.5, 4.5, 4.5, 4.5};
        Finding finding = leads(MARGINS, lead);
        // half the singing time lies 5.5 dB below the range: beyond the PROBLEM margin
        assertEquals(Severity.PROBLEM, finding.severity(), finding.message());
        assertTrue(finding.message().contains("; 5 phrases below by 5.5 dB. No static move puts 70 % of"
                + " it inside, and none does better than where it is: the vocal needs riding, below the range in 5"
                + " phrases: 0:00.0-0:01.5 by 5.5 dB, 0:02.0-0:03.5 by 5.5 dB"), finding.message());
        // no static move puts more inside than now: the ride is the fix
        assertNull(finding.fix(), finding.message());
        assertEquals("Ride Lead Vox through the phrases named: no static move does better.", finding.suggestion());
        assertEquals(5, finding.timeRanges().size());
        // The median's raise to the centre of the range (the fix before phrases were judged) does not pass: half the
        // song is outside, now on both sides.
        Finding raised = leads(MARGINS, shifted(lead, 3.5));
        assertEquals(Severity.WARN, raised.severity(), raised.message());
        assertTrue(raised.message().contains("the vocal needs riding"), raised.message());
        assertTrue(raised.message().contains("5 phrases below by 2.0 dB; 5 above by 2.0 dB."), raised.message());
    }

    @Test
    void theStaticMoveThatDoesBestIsTheFixAndTheRuleStillAsksForTheRide() {
        // 7 dB low in six phrases, at the centre of the range in the last four
        double[] lead = {-2.5, -2.5, -2.5, -2.5, -2.5, -2.5, 4.5, 4.5, 4.5, 4.5};
        Finding finding = leads(MARGINS, lead);
        assertEquals(Severity.PROBLEM, finding.severity(), finding.message());
        assertTrue(finding.message().contains("No static move puts 70 % of it inside: the vocal needs riding. The best"
                + " one, raising it by 7.0 dB, puts 60 % inside; after it the vocal is above the range in 4 phrases:"
                + " 0:12.0-0:13.5 by 5.5 dB"), finding.message());
        assertEquals(7.0, gain(finding), 1e-9);
        // The static fix applied: the rule does not pass, it asks for the ride of the phrases now above the range.
        Finding after = leads(MARGINS, shifted(lead, gain(finding)));
        assertEquals(Severity.PROBLEM, after.severity(), after.message());
        assertTrue(after.message().contains("none does better than where it is: the vocal needs riding, above the"
                + " range in 4 phrases: 0:12.0-0:13.5 by 5.5 dB"), after.message());
        assertNull(after.fix());
    }

    @Test
    void aVocalUniformlyLowGetsTheStaticRaise() {
        // 4 dB under the centre of the range, phrase values spread by 1 dB
        double[] lead = {0.5, 0.0, 1.0, 0.5, 0.5, 0.0, 1.0, 0.5, 0.5, 0.5};
        Finding finding = leads(c -> c, lead);
        assertEquals(Severity.WARN, finding.severity(), finding.message());
        assertFalse(finding.message().contains("riding"), finding.message());
        assertEquals(4.0, gain(finding), 1e-9);
        assertEquals("Raise Lead Vox by 4.0 dB.", finding.suggestion());
        Finding after = leads(c -> c, shifted(lead, gain(finding)));
        assertEquals(Severity.OK, after.severity(), after.message());
    }

    @Test
    void theStaticMoveKeepsTheMostPhrasesInside() {
        // The median's move (+4.0 dB) would take the loudest phrase out at the top; +3.7 dB keeps all inside.
        double[] lead = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, -0.5, 2.1};
        Finding finding = leads(c -> c, lead);
        assertEquals(3.7, gain(finding), 1e-9);
        assertEquals(Severity.OK, leads(c -> c, shifted(lead, gain(finding))).severity());
    }

    @Test
    void aFewStrayPhrasesOnlyInform() {
        // 60 % inside, the rest 0.5 dB below: under the WARN margin
        double[] lead = {4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 2.5, 2.5, 2.5, 2.5};
        Finding finding = leads(c -> c, lead);
        assertEquals(Severity.INFO, finding.severity(), finding.message());
        assertNull(finding.fix());
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
        // one run of 10 s is judged as three phrases of at most 4 s
        assertEquals(3, finding.timeRanges().size());
        assertRange(0.0, 3.3, finding.timeRanges().get(0));
        assertRange(6.6, 10.0, finding.timeRanges().get(2));
    }

    @Test
    void aVocalOnTopIsLowered() {
        Finding finding = only(context(new VocalLeadRule(),
                part("Lead Vox", Role.LEAD_VOCAL, null, constant(STEPS, -10)),
                part("Guitar", Role.GUITAR, null, constant(STEPS, -21))).evaluate());
        assertEquals(Severity.PROBLEM, finding.severity());
        assertEquals(-6.5, gain(finding), 1e-9);
        assertEquals(3, finding.timeRanges().size(), "phrases above the range are listed too");
        assertTrue(finding.message().contains("3 phrases above by 5.0 dB."), finding.message());
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
