package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.constant;
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
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionLiftRuleTest {

    /** Steps of 100 ms holding each level for {@code seconds[i]} seconds. */
    private static double[] steps(double[] levels, double... seconds) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            for (int k = 0; k < Math.round(seconds[i] * 10); k++) {
                values.add(levels[i]);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** What the short-term meter reads for material at these loudness levels: the power mean of the last 3 s. */
    private static double[] shortTerm(double[] loudness) {
        double[] out = new double[loudness.length];
        for (int i = 0; i < loudness.length; i++) {
            double sum = 0;
            for (int k = Math.max(0, i - 29); k <= i; k++) {
                sum += Math.pow(10, loudness[k] / 10);
            }
            out[i] = 10 * Math.log10(sum / 30);
        }
        return out;
    }

    private static MeasuredTrack mix(double[] shortTerm) {
        return track("Mix", Role.MIX).series(MeasurementIds.SHORT_TERM_SERIES, shortTerm, Units.LUFS).build();
    }

    private static MeasuredTrack part(String name, Role role, double[] shortTerm, double[] activity) {
        return track(name, role).series(MeasurementIds.SHORT_TERM_SERIES, shortTerm, Units.LUFS)
                .series(MeasurementIds.ACTIVITY, activity, Units.FLAG).build();
    }

    private static MeasuredTrack part(String name, Role role, double[] shortTerm) {
        return part(name, role, shortTerm, constant(shortTerm.length, 1));
    }

    private static final double[] VERSE_CHORUS_VERSE = {-24, -16, -24};
    private static final double[] TWENTY_EACH = {20, 20, 20};

    @Test
    void aRhythmSectionThatLiftsIsInfo() {
        double[] mixSt = shortTerm(steps(VERSE_CHORUS_VERSE, TWENTY_EACH));
        double[] kick = shortTerm(steps(new double[]{-28, -20, -28}, TWENTY_EACH));
        List<Finding> findings = context(new SectionLiftRule(), mix(mixSt), part("Kick", Role.KICK, kick)).evaluate();
        assertTrue(ofSeverity(findings, Severity.WARN).isEmpty(), findings.toString());
        Finding sections = findings.get(0);
        assertEquals(3, sections.timeRanges().size());
        assertEquals(Units.LU, sections.measured().unit());
        Finding rhythm = findings.get(1);
        assertEquals(List.of("Kick"), rhythm.tracks());
        assertTrue(rhythm.measured().value() > 6, rhythm.message());
        assertTrue(rhythm.message().contains("lifts into 1 of the 1 sections"), rhythm.message());
        assertEquals(20, rhythm.timeRanges().get(0).startSeconds(), 1.0);
        assertTrue(findings.get(2).message().startsWith("No FX return"), findings.get(2).message());
    }

    @Test
    void aRhythmSectionThatDropsInTheLoudestSectionWarnsAndItsRideClearsIt() {
        double[] mixSt = shortTerm(steps(VERSE_CHORUS_VERSE, TWENTY_EACH));
        double[] drop = {-26, -29, -26};
        List<Finding> findings = context(new SectionLiftRule(), mix(mixSt),
                part("Kick", Role.KICK, shortTerm(steps(drop, TWENTY_EACH))),
                part("Bass", Role.BASS, shortTerm(steps(drop, TWENTY_EACH)))).evaluate();
        Finding warn = only(ofSeverity(findings, Severity.WARN));
        assertEquals(List.of("Kick", "Bass"), warn.tracks());
        assertTrue(warn.message().contains("drops"), warn.message());
        double ride = gain(warn);
        assertTrue(ride > 2 && ride < 3.5, "ride " + ride);
        assertTrue(warn.suggestion().startsWith("Ride Kick and Bass up by"), warn.suggestion());
        // One ride per rhythm track, over the same time, by the same gain.
        assertEquals(List.of("Kick", "Bass"), warn.fixes().stream().map(Fix::track).toList());
        for (Fix fix : warn.fixes()) {
            assertEquals(warn.fix().actions(), fix.actions(), fix.track());
        }
        double start = ((Number) warn.fix().actions().get(SectionLiftRule.START_SECONDS)).doubleValue();
        double end = ((Number) warn.fix().actions().get(SectionLiftRule.END_SECONDS)).doubleValue();
        assertEquals(warn.timeRanges().get(0).startSeconds(), start, 0.05);
        assertEquals(warn.timeRanges().get(0).endSeconds(), end, 0.05);
        double[] ridden = steps(new double[]{-26, -29 + ride, -26}, TWENTY_EACH);
        List<Finding> after = context(new SectionLiftRule(), mix(mixSt), part("Kick", Role.KICK, shortTerm(ridden)),
                part("Bass", Role.BASS, shortTerm(ridden))).evaluate();
        assertTrue(ofSeverity(after, Severity.WARN).isEmpty(), after.toString());
    }

    @Test
    void theDropThresholdIsExact() {
        // without the meter's smoothing the section means are the step values
        double[] mixSt = steps(VERSE_CHORUS_VERSE, TWENTY_EACH);
        Finding holds = context(new SectionLiftRule(), mix(mixSt),
                part("Kick", Role.KICK, steps(new double[]{-26, -27, -26}, TWENTY_EACH))).evaluate().get(1);
        assertEquals(Severity.INFO, holds.severity(), holds.message());
        assertEquals(-1.0, holds.measured().value(), 1e-4);
        Finding drops = context(new SectionLiftRule(), mix(mixSt),
                part("Kick", Role.KICK, steps(new double[]{-26, -27.1, -26}, TWENTY_EACH))).evaluate().get(1);
        assertEquals(Severity.WARN, drops.severity(), drops.message());
        Finding strict = context(new SectionLiftRule(), mix(mixSt),
                part("Kick", Role.KICK, steps(new double[]{-26, -27, -26}, TWENTY_EACH))).with("dropLu", 0.5)
                .evaluate().get(1);
        assertEquals(Severity.WARN, strict.severity(), strict.message());
    }

    /** Kick everywhere, a pad only in the chorus: the chorus is dense (2 parts), the verses sparse (1). */
    private static List<Finding> withReturn(double fxVerse, double fxChorus) {
        double[] mixSt = steps(VERSE_CHORUS_VERSE, TWENTY_EACH);
        double[] kick = steps(new double[]{-28, -20, -28}, TWENTY_EACH);
        double[] padActive = steps(new double[]{0, 1, 0}, TWENTY_EACH);
        double[] pad = steps(new double[]{Double.NaN, -22, Double.NaN}, TWENTY_EACH);
        double[] fx = steps(new double[]{fxVerse, fxChorus, fxVerse}, TWENTY_EACH);
        return context(new SectionLiftRule(), mix(mixSt), part("Kick", Role.KICK, kick),
                part("Pad", Role.PAD, pad, padActive), part("Verb", Role.FX_RETURN, fx)).evaluate();
    }

    @Test
    void effectReturnsInDenseSections() {
        Finding pulled = withReturn(-30, -26).get(2);
        assertEquals(List.of("Verb"), pulled.tracks());
        assertEquals(Severity.INFO, pulled.severity());
        assertEquals(-4.0, pulled.measured().value(), 1e-4);
        assertTrue(pulled.message().contains("pulled back") && pulled.message().contains("2 parts playing"),
                pulled.message());
        assertEquals(1, pulled.timeRanges().size());
        Finding louder = withReturn(-30, -20).get(2);
        assertEquals(2.0, louder.measured().value(), 1e-4);
        assertTrue(louder.message().contains("may cloud"), louder.message());
        // boundary: exactly pullBackLu lower is pulled back, a little less is not
        assertTrue(withReturn(-30, -23).get(2).message().contains(", pulled back"));
        assertTrue(withReturn(-30, -22.9).get(2).message().contains("not pulled back"));
        Finding gone = withReturn(-30, Double.NaN).get(2);
        assertTrue(gone.message().contains("pulled back entirely"), gone.message());
    }

    @Test
    void cannotJudge() {
        double[] mixSt = steps(VERSE_CHORUS_VERSE, TWENTY_EACH);
        // no rhythm section
        List<Finding> noRhythm = context(new SectionLiftRule(), mix(mixSt),
                part("Pad", Role.PAD, steps(new double[]{-30, -30, -30}, TWENTY_EACH))).evaluate();
        assertTrue(noRhythm.get(1).message().startsWith("Cannot judge whether the rhythm section lifts"));
        // a return but every section equally dense
        double[] all = steps(new double[]{-30, -30, -30}, TWENTY_EACH);
        List<Finding> flat = context(new SectionLiftRule(), mix(mixSt), part("Kick", Role.KICK, all),
                part("Verb", Role.FX_RETURN, all)).evaluate();
        assertTrue(flat.get(2).message().contains("same number of parts playing"), flat.get(2).message());
        // one section: only the sections finding
        Finding one = only(context(new SectionLiftRule(), mix(constant(600, -14)), part("Kick", Role.KICK, all))
                .evaluate());
        assertTrue(one.message().contains("one section"), one.message());
        // no series, no mix, odd data
        assertTrue(only(context(new SectionLiftRule(), track("Mix", Role.MIX).build()).evaluate()).message()
                .startsWith("Cannot judge"));
        assertTrue(only(context(new SectionLiftRule(), part("Kick", Role.KICK, all)).evaluate()).message()
                .contains(" not checked: "));
        double[] nan = new double[600];
        Arrays.fill(nan, Double.NaN);
        List<Finding> silent = context(new SectionLiftRule(), mix(mixSt), part("Kick", Role.KICK, nan, nan),
                part("Verb", Role.FX_RETURN, new double[0])).evaluate();
        assertTrue(ofSeverity(silent, Severity.WARN).isEmpty(), silent.toString());
    }
}
