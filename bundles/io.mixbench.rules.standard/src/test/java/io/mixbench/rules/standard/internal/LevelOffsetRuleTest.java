package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.drum;
import static io.mixbench.rules.standard.internal.Fixtures.gain;
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
import io.mixbench.rule.Rule;
import io.mixbench.rule.Severity;
import io.mixbench.session.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 item 2: the whole mix low or high is one finding, and the level rules judge what remains. */
class LevelOffsetRuleTest {

    private static MeasuredTrack mix(double samplePeakDbfs, double integratedLufs) {
        return track("Mix", Role.MIX).scalar(MeasurementIds.SAMPLE_PEAK, samplePeakDbfs, Units.DBFS)
                .scalar(MeasurementIds.TRUE_PEAK, samplePeakDbfs + 0.2, Units.DBTP)
                .scalar(MeasurementIds.INTEGRATED_LOUDNESS, integratedLufs, Units.LUFS).build();
    }

    private static MeasuredTrack kick(double peak) {
        return drum("Kick", Role.KICK, peak, 16).scalar(MeasurementIds.TRUE_PEAK, peak, Units.DBTP).build();
    }

    private static MeasuredTrack snare(double peak) {
        return drum("Snare", Role.SNARE, peak, 16).scalar(MeasurementIds.TRUE_PEAK, peak, Units.DBTP).build();
    }

    private static MeasuredTrack pad(double peak) {
        return track("Pad", Role.PAD).scalar(MeasurementIds.SAMPLE_PEAK, peak, Units.DBFS)
                .scalar(MeasurementIds.TRUE_PEAK, peak, Units.DBTP).build();
    }

    private static List<Finding> evaluate(Rule rule, MeasuredTrack... tracks) {
        return context(rule, tracks).evaluate();
    }

    /** A balanced session 6 dB down: kick, snare, pad and mix all 6 dB under where the balanced one sits. */
    private static final MeasuredTrack[] SIX_DB_DOWN = {kick(-17), snare(-19), pad(-30), mix(-12, -26)};

    @Test
    void aBalancedMixSixDbDownIsOneMoveOfEveryFader() {
        Finding offset = only(evaluate(new LevelOffsetRule(), SIX_DB_DOWN));
        assertEquals(Severity.WARN, offset.severity(), offset.message());
        assertEquals(-6.0, offset.measured().value(), 1e-9);
        assertEquals("Mix", offset.fix().track());
        assertEquals(6.0, gain(offset), 1e-9);
        assertEquals(Boolean.TRUE, offset.fix().actions().get(Fix.ALL_PARTS));
        assertTrue(offset.message().startsWith("Every part is about 6.0 dB low: Kick at -17.0 dBFS"),
                offset.message());
        assertEquals("Raise every part by 6.0 dB together (all faders, or a VCA over them), then bounce Mix again "
                + "(it moves by the same 6.0 dB).", offset.suggestion());
        assertEquals(List.of("Mix", "Kick", "Snare"), offset.tracks(), "the pad is in its range either way");

        // Each level rule judges the part's place in the balance, which is right: no fader move each.
        for (Rule rule : List.of(new KickLevelRule(), new SnareLevelRule(), new SupportingLevelRule(),
                new MixHeadroomRule(), new PremasterLoudnessRule())) {
            for (Finding finding : evaluate(rule, SIX_DB_DOWN)) {
                assertTrue(finding.severity() == Severity.OK, rule.descriptor().id() + ": " + finding.message());
                assertNull(finding.fix(), finding.toString());
            }
        }
        Finding kick = evaluate(new KickLevelRule(), SIX_DB_DOWN).get(0);
        assertEquals(-18.0, kick.target().min(), 1e-9);
        assertEquals(-16.0, kick.target().max(), 1e-9);
        assertEquals(-17.0, kick.measured().value(), 1e-9, "the file's own value stays the measurement");
        assertTrue(kick.message().contains("every part is about 6.0 dB low, see levels.offset"), kick.message());
    }

    @Test
    void whatRemainsAfterTheOffsetIsJudgedOnItsOwn() {
        // Kick 6 dB and snare 4.5 dB under their centres: the moves that put both in range are -5.5..-5 dB, and
        // the offset is the one nearest their mean distance (-5.25 dB, rounded to 0.1 dB).
        MeasuredTrack[] tracks = {kick(-17), snare(-17.5), mix(-11, -25)};
        Finding offset = only(evaluate(new LevelOffsetRule(), tracks));
        assertEquals(-5.2, offset.measured().value(), 1e-9);
        Finding kickLevel = only(evaluate(new KickLevelRule(), tracks));
        assertEquals(Severity.OK, kickLevel.severity(), kickLevel.message());
    }

    @Test
    void oneOddPartIsNotACommonOffset() {
        MeasuredTrack[] tracks = {kick(-17), snare(-13), mix(-8, -22)};
        Finding offset = only(evaluate(new LevelOffsetRule(), tracks));
        assertEquals(Severity.OK, offset.severity(), offset.message());
        Finding kickLevel = only(evaluate(new KickLevelRule(), tracks));
        assertEquals(Severity.PROBLEM, kickLevel.severity(), kickLevel.message());
        assertEquals(6.0, gain(kickLevel), 1e-9);
    }

    @Test
    void onePartAloneIsNotEnough() {
        MeasuredTrack[] tracks = {kick(-17), mix(-12, -26)};
        assertEquals(Severity.OK, only(evaluate(new LevelOffsetRule(), tracks)).severity());
        assertEquals(Severity.PROBLEM, only(evaluate(new KickLevelRule(), tracks)).severity());
    }

    @Test
    void aMoveThatWouldClipAPartIsNotOffered() {
        // Every drum 6 dB low, but a vocal already peaks at -3 dBTP: raising everything by 5+ dB would clip it.
        MeasuredTrack vocal = track("Vox", Role.LEAD_VOCAL).scalar(MeasurementIds.TRUE_PEAK, -3, Units.DBTP).build();
        MeasuredTrack[] tracks = {kick(-17), snare(-19), vocal, mix(-12, -26)};
        assertEquals(Severity.OK, only(evaluate(new LevelOffsetRule(), tracks)).severity());
    }

    @Test
    void aHotMixIsOneMoveAndStillAProblemAtTheMixBus() {
        MeasuredTrack[] tracks = {kick(-5), snare(-7), mix(-0.5, -12)};
        Finding offset = only(evaluate(new LevelOffsetRule(), tracks));
        assertEquals(6.0, offset.measured().value(), 1e-9);
        assertEquals(-6.0, gain(offset), 1e-9);
        Finding headroom = only(evaluate(new MixHeadroomRule(), tracks));
        assertEquals(Severity.PROBLEM, headroom.severity(), headroom.message());
        assertEquals(offset.fix(), headroom.fix(), "the mix bus asks for the same one move");
        assertEquals(Severity.OK, only(evaluate(new KickLevelRule(), tracks)).severity());
    }

    @Test
    void disabledInTheRuleSetTheLevelRulesJudgeAsBefore() {
        Finding kick = only(context(new KickLevelRule(), SIX_DB_DOWN).without(LevelOffsetRule.ID).evaluate());
        assertEquals(Severity.PROBLEM, kick.severity(), kick.message());
        assertEquals(6.0, gain(kick), 1e-9);
    }
}
