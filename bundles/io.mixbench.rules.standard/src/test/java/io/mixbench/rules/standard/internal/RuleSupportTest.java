package io.mixbench.rules.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Severity;
import io.mixbench.rule.TimeRange;
import io.mixbench.rules.standard.internal.RuleSupport.HitPeak;
import io.mixbench.session.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSupportTest {

    private static io.mixbench.rule.Finding raise(double truePeakDbtp, double gainDb) {
        io.mixbench.rule.MeasuredTrack vox = Fixtures.track("Vox", Role.LEAD_VOCAL)
                .scalar(MeasurementIds.TRUE_PEAK, truePeakDbtp, Units.DBTP).build();
        io.mixbench.rule.Finding.Builder builder = io.mixbench.rule.Finding.of("test", Severity.WARN).tracks("Vox")
                .message("m");
        return RuleSupport.gainFix(Fixtures.context(new VocalLeadRule(), vox), builder, List.of(vox), gainDb,
                RuleSupport.gainSentence("Vox", gainDb)).build();
    }

    /** A raise that would clip the part never stands alone: it brings a limiter and says why. */
    @Test
    void aRaiseThatWouldClipBringsALimiter() {
        io.mixbench.rule.Finding safe = raise(-7.0, 5.9);
        assertEquals(io.mixbench.rule.Fix.gain("Vox", 5.9), safe.fix());
        assertEquals("Raise Vox by 5.9 dB.", safe.suggestion());

        io.mixbench.rule.Finding hot = raise(-4.6, 5.9);
        assertEquals(5.9, hot.fix().actions().get(io.mixbench.rule.Fix.GAIN_DB));
        assertEquals(-1.0, hot.fix().actions().get(io.mixbench.rule.Fix.TRUE_PEAK_LIMIT_DBTP));
        assertEquals("Raise Vox by 5.9 dB, with a true-peak limiter at -1.0 dBTP on Vox: raised alone, its true peak "
                + "would reach +1.3 dBTP and clip, and the limiter takes about 2.3 dB off the loudest peaks. Or lower "
                + "everything else by 5.9 dB instead.", hot.suggestion());

        assertEquals(io.mixbench.rule.Fix.gain("Vox", -3.0), raise(-0.5, -3.0).fix(), "a cut never clips");
    }

    @Test
    void severityMargins() {
        assertEquals(Severity.OK, RuleSupport.severityFromMargins(0, 1, 3));
        assertEquals(Severity.INFO, RuleSupport.severityFromMargins(-0.99, 1, 3));
        assertEquals(Severity.WARN, RuleSupport.severityFromMargins(1.0, 1, 3));
        assertEquals(Severity.WARN, RuleSupport.severityFromMargins(-2.99, 1, 3));
        assertEquals(Severity.PROBLEM, RuleSupport.severityFromMargins(3.0, 1, 3));
        assertEquals(Severity.WARN, RuleSupport.severityFromMargins(0.5, 0, 3), "a zero WARN margin skips INFO");
    }

    @Test
    void hitPeaksUseOnlyActiveLocalMaxima() {
        // steps: a hit at -10 on an inactive step is no hit; plateaus count each step
        double[] peaks = {-80, -12, -18, -80, -10, -16, -80, -12, -12, -80};
        double[] active = {0, 1, 1, 1, 0, 0, 1, 1, 1, 1};
        HitPeak peak = RuleSupport.robustHitPeak(Fixtures.track("Kick", Role.KICK)
                .series(MeasurementIds.PEAK_SERIES, peaks, Units.DBFS)
                .series(MeasurementIds.ACTIVITY, active, Units.FLAG).build(), 95, 20);
        assertEquals(3, peak.hits());
        assertEquals(-12.0, peak.peakDbfs(), 1e-6);
    }

    /** The rule takes the meter's hits, within its range of the loudest step: it no longer finds them itself. */
    @Test
    void hitPeaksComeFromTheMetersHitSeries() {
        double[] peaks = {-80, -12, -18, -80, -10, -16, -80, -40, -12, -80};
        double[] active = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        double nan = Double.NaN;
        double[] hits = {nan, nan, -18, nan, -10, nan, nan, -40, nan, nan};
        HitPeak peak = RuleSupport.robustHitPeak(Fixtures.track("Kick", Role.KICK)
                .series(MeasurementIds.PEAK_SERIES, peaks, Units.DBFS)
                .series(MeasurementIds.ACTIVITY, active, Units.FLAG)
                .series(MeasurementIds.HIT_PEAK_SERIES, hits, Units.DBFS).build(), 0, 20);
        assertEquals(2, peak.hits(), "-40 lies more than 20 dB below the loudest step");
        assertEquals(-18.0, peak.peakDbfs(), 1e-6);
        Fixtures.TrackBuilder noHits = Fixtures.track("Kick", Role.KICK)
                .series(MeasurementIds.PEAK_SERIES, peaks, Units.DBFS)
                .series(MeasurementIds.ACTIVITY, active, Units.FLAG);
        assertEquals("no hit peaks were found where it plays", RuleSupport.robustHitPeak(noHits
                .series(MeasurementIds.HIT_PEAK_SERIES, Fixtures.constant(10, nan), Units.DBFS).build(), 95, 20)
                .reason());
    }

    @Test
    void nearestRankPercentile() {
        double[] hits = new double[20];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = -30 + i; // -30 .. -11
        }
        HitPeak peak = RuleSupport.robustHitPeak(Fixtures.drum("Kick", Role.KICK, hits, 5).build(), 95, 20);
        assertEquals(20, peak.hits(), "all hits within 20 dB of -11 count");
        assertEquals(-12.0, peak.peakDbfs(), 1e-6); // index round(0.95 * 19) = 18
        HitPeak median = RuleSupport.robustHitPeak(Fixtures.drum("Kick", Role.KICK, hits, 5).build(), 50, 20);
        assertEquals(-20.0, median.peakDbfs(), 1e-6); // index round(9.5) = 10 (half to even)
    }

    @Test
    void runsAreMergedAndTheLongestKept() {
        boolean[] flags = {true, true, false, true, false, false, true, true, true, false};
        List<TimeRange> runs = RuleSupport.runs(flags, 0.1);
        assertEquals(3, runs.size());
        assertEquals(0.0, runs.get(0).startSeconds(), 1e-9);
        assertEquals(0.2, runs.get(0).endSeconds(), 1e-9);
        assertEquals(0.9, runs.get(2).endSeconds(), 1e-9);
        List<TimeRange> two = RuleSupport.longest(runs, 2);
        assertEquals(List.of(runs.get(0), runs.get(2)), two);
    }

    @Test
    void powerMeanAndWording() {
        // NaN steps are skipped; 0 dB and a near-silent step average to half the power
        assertEquals(-3.0103, RuleSupport.powerMean(new double[]{0, Double.NaN, -1000},
                new boolean[]{true, true, true}), 1e-3);
        assertTrue(Double.isNaN(RuleSupport.powerMean(new double[]{-10}, new boolean[]{false})));
        assertEquals("0.0", RuleSupport.f1(-0.04));
        assertEquals("Lower Kick by 4.0 dB.", RuleSupport.gainSentence("Kick", -4));
        assertEquals("Raise Kick by 0.5 dB.", RuleSupport.gainSentence("Kick", 0.5));
        assertEquals("A, B and C", RuleSupport.joinNames(List.of("A", "B", "C")));
        assertEquals("95th", RuleSupport.ordinal(95));
        assertEquals("51st", RuleSupport.ordinal(51));
        assertEquals("11th", RuleSupport.ordinal(11));
        assertFalse(RuleSupport.outside(0, "dB").contains("above"));
    }
}
