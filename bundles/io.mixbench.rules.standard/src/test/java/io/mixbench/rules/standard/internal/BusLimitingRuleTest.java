package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.GroupMeasurement;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rule.TimeRange;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusLimitingRuleTest {

    private final BusLimitingRule rule = new BusLimitingRule();

    static MeasuredTrack mix() {
        return track("Mix", Role.MIX).build();
    }

    static MeasuredTrack stem(String name, Role role) {
        return track(name, role).build();
    }

    /** A null-test group of the mix and Kick and Bass with the given scalars. */
    static GroupMeasurement nullTest(Object... idsAndValues) {
        Map<String, Measurement> m = new HashMap<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            Object v = idsAndValues[i + 1];
            m.put((String) idsAndValues[i], v instanceof Scalar s ? s : Scalar.of((Double) v, Units.DB));
        }
        return new GroupMeasurement("nullTest", List.of("Mix", "Kick", "Bass"), m);
    }

    static GroupMeasurement limited(double reductionDb, double atPeaks, double framesAtPeaks) {
        return nullTest("residualLevel", -20.0, "peakReduction", reductionDb, "residualAtPeaksShare", atPeaks,
                "framesAtPeaksShare", framesAtPeaks, "residualSumCorrelation", -0.4, "fitGain", -0.3,
                "fittedResidualLevel", -21.0);
    }

    static GroupMeasurement even(double correlation) {
        return nullTest("residualLevel", -9.0, "peakReduction", -1.2, "residualAtPeaksShare", 0.25,
                "framesAtPeaksShare", 0.25, "residualSumCorrelation", correlation, "fitGain", 0.0,
                "fittedResidualLevel", -9.0);
    }

    Fixtures.FakeContext stems(GroupMeasurement group) {
        return Fixtures.context(rule, mix(), stem("Kick", Role.KICK), stem("Bass", Role.BASS)).withGroup(group);
    }

    @Test
    void withoutAMixThereIsNothingToJudge() {
        Finding f = only(Fixtures.context(rule, stem("Kick", Role.KICK)).evaluate());
        assertEquals(Severity.INFO, f.severity());
    }

    @Test
    void anIdenticalNullTestIsOk() {
        Finding f = only(stems(nullTest("residualLevel", Scalar.absent(Units.DB, "identical"))).evaluate());
        assertEquals(Severity.OK, f.severity(), f.toString());
        assertTrue(f.message().startsWith("The mix is the exact sum of the stems: no bus processing"), f.message());
        assertNull(f.fix());
    }

    @Test
    void aResidualBelowTheThresholdIsOk() {
        Finding ok = only(stems(nullTest("residualLevel", -61.0)).evaluate());
        assertEquals(Severity.OK, ok.severity(), ok.toString());
        assertEquals(-61.0, ok.measured().value());
        Finding notOk = only(stems(withResidual(-59.0)).evaluate());
        assertEquals(Severity.WARN, notOk.severity(), notOk.toString());
        Finding stricter = only(stems(nullTest("residualLevel", -61.0)).with("exactBelowDb", -70).evaluate());
        assertTrue(stricter.severity() != Severity.OK, stricter.toString());
    }

    static GroupMeasurement withResidual(double db) {
        return nullTest("residualLevel", db, "peakReduction", -0.1, "residualAtPeaksShare", 1.0,
                "framesAtPeaksShare", 1.0, "residualSumCorrelation", 0.0, "fitGain", 0.0, "fittedResidualLevel", db);
    }

    @Test
    void residualAtThePeaksThatLowersThePeakIsLimiting() {
        Finding f = only(stems(limited(4.0, 17.8, 0.12)).evaluate());
        assertEquals(Severity.PROBLEM, f.severity(), f.toString());
        assertEquals(List.of("Mix"), f.tracks());
        assertTrue(f.message().startsWith("Bus limiting or compression pulls the mix's peaks down by 4.0 dB"),
                f.message());
        assertEquals(4.0, f.measured().value());
        assertEquals("Mix", f.fix().track());
        assertEquals(Boolean.TRUE, f.fix().actions().get("bypassBusProcessing"));
        assertEquals("Bypass the limiter/compressor on the mix bus before bouncing for mastering.", f.suggestion());
    }

    @Test
    void limitingSeverityFollowsThePeakReduction() {
        assertEquals(Severity.PROBLEM, only(stems(limited(3.1, 17.8, 0.12)).evaluate()).severity());
        assertEquals(Severity.WARN, only(stems(limited(2.9, 17.8, 0.12)).evaluate()).severity());
        assertEquals(Severity.WARN, only(stems(limited(0.6, 17.8, 0.12)).evaluate()).severity());
        Finding small = only(stems(limited(0.4, 17.8, 0.12)).evaluate());
        assertTrue(small.message().startsWith("The stems do not add up to the mix"), small.message());
    }

    @Test
    void limitingNeedsTheResidualConcentratedAtThePeaks() {
        Finding concentrated = only(stems(limited(4.0, 3.1, 1.0)).evaluate());
        assertTrue(concentrated.message().startsWith("Bus limiting"), concentrated.message());
        Finding spread = only(stems(limited(4.0, 2.9, 1.0)).evaluate());
        assertTrue(spread.message().startsWith("The stems do not add up to the mix"), spread.message());
        assertEquals(Severity.WARN, spread.severity());
    }

    /**
     * The clean demo's mix +8 dB into a -1 dBFS limiter, as the null test measures it: the mix peaks higher than the
     * sum (peakReduction negative) and the residual is everywhere, but the gain per 10 ms drops at the hits.
     */
    static GroupMeasurement limiterWithMakeUp(double spreadPercent, double fitResidualDb, double levelCorrelation,
            double makeUpDb) {
        GroupMeasurement g = nullTest("residualLevel", -4.7, "peakReduction", -0.9, "residualAtPeaksShare", 0.5,
                "framesAtPeaksShare", 0.2, "residualSumCorrelation", 1.0, "fitGain", 7.4, "fittedResidualLevel",
                -25.0, "sumPeak", -5.6, "mixPeak", -1.0, "makeUpGain", makeUpDb, "peakGainReduction", 3.4,
                "limitedShare", 16.8, "limitedFitResidual", fitResidualDb, "reductionSpread", spreadPercent,
                "reductionLevelCorrelation", levelCorrelation);
        Map<String, Measurement> m = new HashMap<>(g.measurements());
        // Limited at 0.0-0.3 s and 0.5-0.8 s (joined: under 1 s apart), and again at 3.0-3.2 s.
        float[] series = new float[40];
        for (int i : new int[]{0, 1, 2, 5, 6, 7, 30, 31}) {
            series[i] = 2.5f;
        }
        m.put(MeasurementIds.NULL_TEST_GAIN_REDUCTION_SERIES, new Series(0.1, series, Units.DB));
        return new GroupMeasurement(g.meterId(), g.tracks(), m);
    }

    @Test
    void aLimiterWithMakeUpGainIsNamedWithItsReductionAndTheGainToTakeOff() {
        Finding f = only(stems(limiterWithMakeUp(97, -42, 0.55, 8.0)).evaluate());
        assertEquals(Severity.PROBLEM, f.severity(), f.toString());
        assertEquals("The mix bus is limited: up to 3.4 dB of gain reduction on the loudest hits, in 16.8 % of the "
                + "song, behind +8.0 dB of make-up gain (the mix is the stems' sum times a gain that drops where the "
                + "sum peaks and recovers after).", f.message());
        assertEquals(3.4, f.measured().value());
        assertEquals(Map.of("bypassBusProcessing", true, "gainDb", -8.0), f.fix().actions());
        assertEquals(List.of("bypassBusProcessing", "gainDb"), List.copyOf(f.fix().actions().keySet()),
                "bypass first, then take the make-up gain off");
        assertEquals(
                "Bypass the limiter/compressor on the mix bus and lower the mix bus by the make-up gain, 8.0 dB, before "
                        + "bouncing for mastering (the mix then peaks at -5.6 dBFS, the stems' sum).",
                f.suggestion());
        assertEquals(List.of(new TimeRange(0.0, 0.8), new TimeRange(3.0, 3.2)), roundedRanges(f));
        assertEquals(Severity.WARN, only(stems(limiterWithMakeUp(97, -42, 0.55, 8.0))
                .with("problemPeakReductionDb", 4).evaluate()).severity());
    }

    @Test
    void aLimiterWithoutMakeUpGainIsOnlyBypassed() {
        Finding f = only(stems(limiterWithMakeUp(97, -42, 0.55, 0.02)).evaluate());
        assertTrue(f.message().startsWith("The mix bus is limited: up to 3.4 dB"), f.message());
        assertEquals(Map.of("bypassBusProcessing", true), f.fix().actions());
    }

    @Test
    void saturationBendsOnlyThePeaks() {
        Finding f = only(stems(limiterWithMakeUp(23, -25, 0.88, 0.0)).evaluate());
        assertEquals(Severity.PROBLEM, f.severity(), f.toString());
        assertTrue(f.message().startsWith("The mix bus clips or saturates: the loudest hits are up to 3.4 dB lower"),
                f.message());
        assertTrue(f.suggestion().startsWith("Bypass the clipper or saturator on the mix bus before bouncing"),
                f.suggestion());
        assertEquals(Map.of("bypassBusProcessing", true), f.fix().actions());
    }

    @Test
    void staticEqIsNeitherLimitingNorSaturation() {
        // No gain per step explains EQ, and its difference does not follow the level.
        Finding f = only(stems(limiterWithMakeUp(150, -9, -0.56, 0.0)).evaluate());
        assertEquals(Severity.WARN, f.severity(), f.toString());
        assertTrue(f.message().startsWith("The stems do not add up to the mix"), f.message());
        assertTrue(f.message().endsWith("but not its level, as bus EQ would (a limiter or saturation would follow "
                + "the level)."), f.message());
        assertNull(f.fix());
    }

    @Test
    void eqWhoseResidualSitsAtThePeaksIsNotLimiting() {
        // Measured on the clean demo with half its content below 200 Hz taken out: the kick's hits are the peaks.
        GroupMeasurement g = limiterWithMakeUp(152, -9.5, -0.56, 0.0);
        Map<String, Measurement> m = new HashMap<>(g.measurements());
        m.put("peakReduction", Scalar.of(1.1, Units.DB));
        m.put("residualAtPeaksShare", Scalar.of(0.58, Units.PERCENT));
        m.put("framesAtPeaksShare", Scalar.of(0.16, Units.PERCENT));
        m.put("residualSumCorrelation", Scalar.of(-0.55, Units.RATIO));
        Finding f = only(stems(new GroupMeasurement(g.meterId(), g.tracks(), m)).evaluate());
        assertTrue(f.message().startsWith("The stems do not add up to the mix"), f.message());
        assertTrue(f.message().contains("as bus EQ would"), f.message());
    }

    @Test
    void aBellBoostOnDrumsIsNoLimiter() {
        // sox "equalizer 1000 1q +4" on a drum loop: the kick's steps, the loudest, get the least boost, so the gain
        // follows the level a little (0.35), but no gain per step explains the mix to -35 dB.
        Finding f = only(stems(limiterWithMakeUp(101, -24, 0.35, 2.0)).evaluate());
        assertTrue(f.message().startsWith("The stems do not add up to the mix"), f.message());
        assertTrue(f.message().endsWith("as bus EQ, compression or saturation would."), f.message());
    }

    @Test
    void distortionThatFollowsTheLevelIsSaturation() {
        // sox "gain 6 overdrive 10" on a drum loop: level-dependent, but distortion no gain per step explains.
        Finding f = only(stems(limiterWithMakeUp(76, -6.3, 0.56, 15.1)).evaluate());
        assertTrue(f.message().startsWith("The mix bus clips or saturates"), f.message());
        assertEquals(Map.of("bypassBusProcessing", true, "gainDb", -15.1), f.fix().actions());
    }

    @Test
    void aSmallGainReductionIsBelowTheThreshold() {
        GroupMeasurement g = limiterWithMakeUp(97, -42, 0.55, 8.0);
        Map<String, Measurement> m = new HashMap<>(g.measurements());
        m.put("peakGainReduction", Scalar.of(0.4, Units.DB));
        Finding f = only(stems(new GroupMeasurement(g.meterId(), g.tracks(), m)).evaluate());
        assertTrue(f.message().startsWith("The stems do not add up to the mix"), f.message());
    }

    static List<TimeRange> roundedRanges(Finding f) {
        return f.timeRanges().stream().map(r -> new TimeRange(Math.round(r.startSeconds() * 10) / 10.0,
                Math.round(r.endSeconds() * 10) / 10.0)).toList();
    }

    @Test
    void aMissingStemIsAnEvenResidual() {
        Finding f = only(stems(even(0.0)).evaluate());
        assertEquals(Severity.WARN, f.severity(), f.toString());
        assertTrue(f.message().startsWith("The stems do not add up to the mix: a stem is missing or bus effects "
                + "were printed"), f.message());
        assertTrue(f.message().contains("as a missing stem would be"), f.message());
        assertEquals(-9.0, f.measured().value());
        assertNull(f.fix());
        assertTrue(f.suggestion().contains("Export every stem"), f.suggestion());
        Finding effects = only(stems(even(-0.6)).evaluate());
        assertTrue(effects.message().contains("as bus EQ, compression or saturation would"), effects.message());
    }

    @Test
    void aMissingKickRaisesTheMixPeakSoItIsNotLimiting() {
        // Its residual sits where the sum peaks, but the mix peaks higher than the sum.
        Finding f = only(stems(limited(-3.0, 40, 1.0)).evaluate());
        assertEquals(Severity.WARN, f.severity());
        assertTrue(f.message().startsWith("The stems do not add up to the mix"), f.message());
    }

    @Test
    void aMasterFaderAloneIsInfo() {
        Finding f = only(stems(nullTest("residualLevel", -19.3, "peakReduction", 2.0, "residualAtPeaksShare", 1.0,
                "framesAtPeaksShare", 1.0, "fitGain", -2.0, "fittedResidualLevel", Scalar.absent(Units.DB,
                        "identical")))
                .evaluate());
        assertEquals(Severity.INFO, f.severity(), f.toString());
        assertTrue(f.message().startsWith("The mix is the sum of the stems at -2.0 dB: only the master fader moved"),
                f.message());
    }

    @Test
    void stemsLeftOutOfTheNullTestMakeAnEvenResidualInfo() {
        Fixtures.FakeContext context = Fixtures.context(rule, mix(), stem("Kick", Role.KICK), stem("Bass",
                Role.BASS), stem("Pad", Role.PAD)).withGroup(even(0.0));
        Finding f = only(context.evaluate());
        assertEquals(Severity.INFO, f.severity(), f.toString());
        assertTrue(f.message().contains("Pad was left out of the null test"), f.message());
        // Limiting is still limiting.
        Fixtures.FakeContext limitedContext = Fixtures.context(rule, mix(), stem("Kick", Role.KICK), stem("Bass",
                Role.BASS), stem("Pad", Role.PAD)).withGroup(limited(4.0, 17.8, 0.12));
        assertEquals(Severity.PROBLEM, only(limitedContext.evaluate()).severity());
    }

    @Test
    void aMissingResidualCannotBeJudged() {
        Finding f = only(stems(nullTest("residualLevel", Scalar.absent(Units.DB, "silent mix"))).evaluate());
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().contains("silent mix"), f.message());
    }

    // ---- the mix alone ----------------------------------------------------------------------------------------

    /** A mix of 100 active steps: {@code piled} of them at -1 dBFS, the rest spread from -3 to -12 dBFS. */
    static Fixtures.TrackBuilder mixAlone(int piled) {
        double[] peaks = new double[100];
        for (int i = 0; i < peaks.length; i++) {
            peaks[i] = i < piled ? -1.0 : -3.0 - 9.0 * i / peaks.length;
        }
        return track("Mix", Role.MIX).series(MeasurementIds.PEAK_SERIES, peaks, Units.DBFS)
                .series(MeasurementIds.ACTIVITY, Fixtures.constant(100, 1), Units.FLAG)
                .scalar("clippedRuns", 0, Units.COUNT).scalar("overFullScaleSamples", 0, Units.COUNT)
                .scalar("plr", 12, Units.LU);
    }

    @Test
    void aMixAloneWithoutFlatTopsOrPileUpIsOk() {
        Finding f = only(Fixtures.context(rule, mixAlone(3).build()).evaluate());
        assertEquals(Severity.OK, f.severity(), f.toString());
        assertEquals(3.0, f.measured().value(), 1e-9);
        assertTrue(f.message().contains("judged on the mix alone"), f.message());
    }

    @Test
    void peaksPilingUpAgainstACeilingAreLimiting() {
        Finding f = only(Fixtures.context(rule, mixAlone(26).build()).evaluate());
        assertEquals(Severity.WARN, f.severity(), f.toString());
        assertTrue(f.message().contains("26.0 % of its active 100 ms steps peaking within 0.5 dB"), f.message());
        assertEquals(Boolean.TRUE, f.fix().actions().get("bypassBusProcessing"));
        assertEquals(Severity.OK, only(Fixtures.context(rule, mixAlone(24).build()).evaluate()).severity());
        assertEquals(Severity.WARN, only(Fixtures.context(rule, mixAlone(24).build()).with("pileUpShare", 20)
                .evaluate()).severity());
    }

    @Test
    void flatTopsAreLimitingOrClipping() {
        Finding f = only(Fixtures.context(rule, mixAlone(3).scalar("clippedRuns", 5, Units.COUNT).build())
                .evaluate());
        assertEquals(Severity.WARN, f.severity(), f.toString());
        assertEquals(5.0, f.measured().value());
        assertTrue(f.message().contains("5 flat-topped runs at full scale"), f.message());
        assertEquals(Severity.OK, only(Fixtures.context(rule, mixAlone(3).scalar("clippedRuns", 5, Units.COUNT)
                .build()).with("maxClippedRuns", 5).evaluate()).severity());
        // Float samples above full scale are not flat tops: nothing limited them.
        assertEquals(Severity.OK, only(Fixtures.context(rule, mixAlone(3).scalar("overFullScaleSamples", 7,
                Units.COUNT).build()).evaluate()).severity());
    }

    @Test
    void aLowPlrAloneIsOnlyInfo() {
        List<Finding> findings = Fixtures.context(rule, mixAlone(3).scalar("plr", 6, Units.LU).build()).evaluate();
        assertEquals(2, findings.size(), findings.toString());
        assertEquals(Severity.OK, findings.get(0).severity());
        assertEquals(Severity.INFO, findings.get(1).severity());
        assertTrue(findings.get(1).message().contains("dense (PLR 6.0 LU)"), findings.get(1).message());
        assertEquals(1, Fixtures.context(rule, mixAlone(3).scalar("plr", 8.5, Units.LU).build()).evaluate().size());
    }

    @Test
    void aRawTrackSessionIsJudgedOnTheMixAlone() {
        Fixtures.FakeContext context = new Fixtures.FakeContext(rule, ExportKind.RAW_TRACKS, PanLaw.MINUS_3_DB,
                List.of(mixAlone(3).build(), stem("Kick", Role.KICK), stem("Bass", Role.BASS)));
        context.withGroup(limited(4.0, 17.8, 0.12));
        Finding f = only(context.evaluate());
        assertEquals(Severity.OK, f.severity(), f.toString());
        assertTrue(f.message().contains("raw tracks do not add up to the mix"), f.message());
    }

    @Test
    void aMixWithoutMeasurementsCannotBeJudged() {
        Finding f = only(Fixtures.context(rule, mix()).evaluate());
        assertEquals(Severity.INFO, f.severity(), f.toString());
        assertTrue(f.message().startsWith("Cannot judge bus limiting on Mix"), f.message());
    }

    @Test
    void aNullTestOfAnotherMixIsIgnored() {
        GroupMeasurement other = new GroupMeasurement("nullTest", List.of("Other Mix", "Kick"),
                limited(4.0, 17.8, 0.12).measurements());
        Finding f = only(Fixtures.context(rule, mixAlone(3).build(), stem("Kick", Role.KICK)).withGroup(other)
                .evaluate());
        assertEquals(Severity.OK, f.severity(), f.toString());
    }
}
