package io.mixbench.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MovesTest {

    /** A level finding: its measured value, its target and the gain its rule asks for. */
    private static Finding level(String rule, Severity severity, String track, double measured, String unit,
            Target target, double gainDb) {
        return Finding.of(rule, severity).tracks(track).message(rule + " on " + track).measured(measured, unit, "m")
                .target(target).fix(Fix.gain(track, gainDb), (gainDb < 0 ? "Lower " : "Raise ") + track + " by "
                        + Math.abs(gainDb) + " dB.")
                .build();
    }

    private static Finding fixOnly(String rule, Severity severity, Fix fix) {
        return Finding.of(rule, severity).tracks(fix.track()).message(rule).fix(fix, null).build();
    }

    @Test
    void twoRulesAskingTheSameGainAreOneMove() {
        // The flawed demo: the kick out of its own range and out of its relation to the bass, both -6 dB.
        List<Finding> findings = List.of(
                level("bass.underKick", Severity.PROBLEM, "Kick", 9.0, "dB", Target.between(2, 4, "dB"), -6.0),
                level("kick.level", Severity.PROBLEM, "Kick", -5.0, "dBFS", Target.between(-12, -10, "dBFS"), -6.0));
        List<Move> moves = Moves.of(findings);
        assertEquals(1, moves.size(), moves.toString());
        Move move = moves.get(0);
        assertEquals(MoveKind.LEVEL, move.kind());
        assertEquals(List.of("bass.underKick", "kick.level"), move.rules());
        assertEquals(List.of(0, 1), move.findings());
        assertEquals(List.of(Fix.gain("Kick", -6.0)), move.fixes());
        assertEquals("Lower Kick by 6.0 dB", move.shortText());
        assertEquals(new Target(-7, -5, "dB"), move.gainWindow());
        assertNull(move.conflict());
    }

    @Test
    void theMixBusMoveOfThreeRulesTakesTheGainEveryRuleAccepts() {
        // Peak -0.5 dBFS, true peak +0.3 dBTP, -10 LUFS: three rules ask to lower the mix by three amounts.
        List<Finding> findings = List.of(
                level("truePeak.max", Severity.PROBLEM, "Mix", 0.3, "dBTP", Target.atMost(-1, "dBTP"), -1.3),
                level("mix.headroom", Severity.WARN, "Mix", -0.5, "dBFS", Target.between(-9, -3, "dBFS"), -5.5),
                level("premaster.loudness", Severity.WARN, "Mix", -10, "LUFS", Target.between(-23, -18, "LUFS"),
                        -10.5));
        List<Move> moves = Moves.of(findings);
        assertEquals(1, moves.size(), moves.toString());
        Move move = moves.get(0);
        assertEquals(Severity.PROBLEM, move.severity());
        assertEquals(List.of("truePeak.max", "mix.headroom", "premaster.loudness"), move.rules());
        // headroom -8.5..-2.5, true peak at most -1.3, loudness -13..-8: together -8.5..-8.0, none of the rules'
        // own amounts is in it, so its middle.
        assertEquals(-8.5, move.gainWindow().min(), 1e-9);
        assertEquals(-8.0, move.gainWindow().max(), 1e-9);
        assertEquals(Map.of(Fix.GAIN_DB, -8.2), move.fixes().get(0).actions());
        assertTrue(move.message().startsWith("Lower Mix by 8.2 dB: the gain every finding accepts (truePeak.max at"
                + " most -1.3 dB, mix.headroom -8.5 to -2.5 dB, premaster.loudness -13.0 to -8.0 dB)"),
                move.message());
        assertNull(move.conflict());
    }

    @Test
    void aHotMixBusAskedByFiveFindingsGetsTheOneGainThatClearsThemAll() {
        // The clean demo's mix 9 dB up (sox gain 9): flat tops, 0.0 dBFS, +1.3 dBTP with overs, -9.2 LUFS.
        List<Finding> findings = List.of(
                count("health", Severity.PROBLEM, 194, Target.atMost(0, "count"), -1.0),
                level("mix.headroom", Severity.PROBLEM, "Mix", 0.0, "dBFS", Target.between(-9, -3, "dBFS"), -6.0),
                level("truePeak.max", Severity.PROBLEM, "Mix", 1.3, "dBTP", Target.atMost(-1, "dBTP"), -2.3),
                count("health", Severity.WARN, 926, Target.atMost(0, "count"), -2.3),
                level("premaster.loudness", Severity.WARN, "Mix", -9.2, "LUFS", Target.between(-23, -18, "LUFS"),
                        -11.3));
        List<Move> moves = Moves.of(findings);
        assertEquals(1, moves.size(), moves.toString());
        Move move = moves.get(0);
        assertNull(move.conflict(), move.message());
        // headroom -9.0..-3.0, loudness -13.8..-8.8, the rest "at least" their cut: -9.0..-8.8
        assertEquals(-9.0, move.gainWindow().min(), 1e-9);
        assertEquals(-8.8, move.gainWindow().max(), 1e-9);
        assertEquals(Fix.gain("Mix", -8.9), move.fixes().get(0));
        assertEquals(List.of("health", "mix.headroom", "truePeak.max", "premaster.loudness"), move.rules());
    }

    private static Finding count(String rule, Severity severity, double measured, Target target, double gainDb) {
        return Finding.of(rule, severity).tracks("Mix").message(rule).measured(measured, "count", "runs")
                .target(target).fix(Fix.gain("Mix", gainDb), "Lower the mix bus by at least " + -gainDb + " dB.")
                .build();
    }

    @Test
    void aRulesOwnGainInsideEveryRangeIsKept() {
        // The bass too close under the kick (fix: bass -2, the value falls as the bass is lowered) and too hot on
        // its own (fix: -4): -3..-1 and -6..-2 overlap in -3..-2, where the under-kick fix lies.
        List<Finding> findings = List.of(
                level("bass.level", Severity.PROBLEM, "Bass", -8, "dBFS", Target.between(-14, -10, "dBFS"), -4.0),
                level("bass.underKick", Severity.WARN, "Bass", 1.0, "dB", Target.between(2, 4, "dB"), -2.0));
        Move move = Moves.of(findings).get(0);
        assertEquals(new Target(-3, -2, "dB"), move.gainWindow());
        assertEquals(Fix.gain("Bass", -2.0), move.fixes().get(0));
        assertEquals(Severity.PROBLEM, move.severity());
    }

    @Test
    void gainsNoOneAmountSatisfiesAreAConflict() {
        List<Finding> findings = List.of(
                level("kick.level", Severity.PROBLEM, "Kick", -5.0, "dBFS", Target.between(-12, -10, "dBFS"), -6.0),
                level("kick.other", Severity.WARN, "Kick", 3.0, "dB", Target.between(1, 2, "dB"), -1.5));
        Move move = Moves.of(findings).get(0);
        assertNotNull(move.conflict());
        assertNull(move.gainWindow());
        assertEquals(Fix.gain("Kick", -6.0), move.fixes().get(0), "the most severe finding's gain");
        assertTrue(move.conflict().contains("kick.level asks -6.0 dB (-7.0 to -5.0 dB)"), move.conflict());
        assertTrue(move.conflict().contains("kick.other asks -1.5 dB (-2.0 to -1.0 dB)"), move.conflict());
    }

    @Test
    void movesComeBySeverityThenByCauseThenInTheirFindingsOrder() {
        List<Finding> findings = List.of(
                fixOnly("lowEnd.centred", Severity.PROBLEM, Fix.pan("Bass", 0)),
                level("vocal.lead", Severity.PROBLEM, "Vox", -11, "dB", Target.between(3, 6, "dB"), 15.6),
                fixOnly("mix.balance", Severity.WARN, new Fix("Mix", Map.of(Fix.BALANCE_DB, -1.1))),
                level("kick.level", Severity.PROBLEM, "Kick", -5.0, "dBFS", Target.between(-12, -10, "dBFS"), -6.0),
                fixOnly("bus.limiting", Severity.PROBLEM, new Fix("Mix", Map.of(Fix.BYPASS_BUS_PROCESSING, true))),
                Finding.of("streaming.preview", Severity.INFO).tracks("Mix").message("no fix").build(),
                fixOnly("x", Severity.OK, Fix.gain("Pad", 1)),
                fixOnly("y", Severity.RULE_ERROR, Fix.gain("Pad", 2)));
        List<String> order = Moves.of(findings).stream().map(Move::shortText).toList();
        assertEquals(List.of("Bypass the bus processing on Mix", "Raise Vox by 15.6 dB", "Lower Kick by 6.0 dB",
                "Pan Bass to the centre", "Shift the balance of Mix 1.1 dB towards the right"), order);
    }

    @Test
    void eqMovesOfDifferentBandsStayApartAndHighPassesTakeTheHighest() {
        Fix sub = new Fix("Mix", Map.of(Fix.EQ_BAND, "sub", Fix.EQ_FREQUENCY_HZ, 34.6, Fix.EQ_GAIN_DB, -8.4));
        Fix low = new Fix("Mix", Map.of(Fix.EQ_BAND, "low", Fix.EQ_FREQUENCY_HZ, 122.5, Fix.EQ_GAIN_DB, -8.1));
        List<Finding> findings = List.of(fixOnly("tonal.balance", Severity.INFO, sub),
                fixOnly("tonal.balance", Severity.INFO, low),
                fixOnly("mono.compatibility", Severity.WARN, new Fix("Keys", Map.of(Fix.SIDE_HIGH_PASS_HZ, 150))),
                fixOnly("lowEnd.centred", Severity.PROBLEM, new Fix("Keys", Map.of(Fix.SIDE_HIGH_PASS_HZ, 300))));
        List<Move> moves = Moves.of(findings);
        assertEquals(3, moves.size(), moves.toString());
        Move side = moves.get(0);
        assertEquals(MoveKind.STEREO, side.kind());
        assertEquals("High-pass the side of Keys below 300 Hz", side.shortText());
        assertEquals(List.of("lowEnd.centred", "mono.compatibility"), side.rules());
        assertEquals("Cut 8.4 dB around 35 Hz on Mix", moves.get(1).shortText());
        assertEquals("Cut 8.1 dB around 120 Hz on Mix", moves.get(2).shortText());
    }

    @Test
    void everyPartTogetherIsAnotherMoveThanTheMasterFader() {
        Finding offset = fixOnly("level.offset", Severity.WARN,
                new Fix("Mix", Map.of(Fix.GAIN_DB, 6.0, Fix.ALL_PARTS, true)));
        Finding headroom = level("mix.headroom", Severity.WARN, "Mix", -2.0, "dBFS", Target.between(-9, -3, "dBFS"),
                -4.0);
        List<Move> moves = Moves.of(List.of(offset, headroom));
        assertEquals(2, moves.size(), moves.toString());
        assertEquals("Raise every part of Mix together by 6.0 dB", moves.get(0).shortText());
        assertEquals("Lower Mix by 4.0 dB", moves.get(1).shortText());
    }

    @Test
    void aRaiseKeepsTheLimiterItNeeds() {
        Finding vocal = Finding.of("vocal.lead", Severity.PROBLEM).tracks("Vox").message("m")
                .measured(-11, "dB", "lead").target(Target.between(3, 6, "dB"))
                .fix(Fix.gain("Vox", 15.6).and(Fix.TRUE_PEAK_LIMIT_DBTP, -1.0), "Raise Vox, with a limiter.").build();
        Finding fader = level("fader.farDown", Severity.WARN, "Vox", -40, "dBFS", Target.atLeast(-35, "dBFS"), 12.0);
        Move move = Moves.of(List.of(vocal, fader)).get(0);
        assertEquals(Map.of(Fix.GAIN_DB, 15.6, Fix.TRUE_PEAK_LIMIT_DBTP, -1.0), move.fixes().get(0).actions());
        assertEquals("Raise Vox by 15.6 dB, with a true-peak limiter at -1.0 dBTP", move.shortText());
    }

    /** A filter or EQ move reads as an engineer dials it: slope and type, Q; never a raw action key. */
    @Test
    void filtersAndBellsSayTheirSlopeTypeAndQ() {
        Map<String, Object> side = new java.util.LinkedHashMap<>();
        side.put(Fix.SIDE_HIGH_PASS_HZ, 140.0);
        side.put(Fix.FILTER_TYPE, Fix.FILTER_LINKWITZ_RILEY);
        side.put(Fix.FILTER_SLOPE_DB_PER_OCTAVE, 24.0);
        assertEquals("High-pass the side of Mix below 140 Hz, 24 dB/octave Linkwitz-Riley",
                Moves.describe(List.of(new Fix("Mix", side))));
        Map<String, Object> dc = new java.util.LinkedHashMap<>();
        dc.put(Fix.HIGH_PASS_HZ, 5.0);
        dc.put(Fix.FILTER_TYPE, Fix.FILTER_BUTTERWORTH);
        dc.put(Fix.FILTER_SLOPE_DB_PER_OCTAVE, 12.0);
        assertEquals("High-pass Bass below 5 Hz, 12 dB/octave Butterworth", Moves.describe(List.of(new Fix("Bass",
                dc))));
        Map<String, Object> bell = new java.util.LinkedHashMap<>();
        bell.put(Fix.EQ_BAND, "high");
        bell.put(Fix.EQ_FREQUENCY_HZ, 6324.6);
        bell.put(Fix.EQ_GAIN_DB, 6.0);
        bell.put(Fix.EQ_Q, 1.05);
        assertEquals("Boost 6.0 dB around 6300 Hz on Mix, Q 1.05", Moves.describe(List.of(new Fix("Mix", bell))));
    }
}
