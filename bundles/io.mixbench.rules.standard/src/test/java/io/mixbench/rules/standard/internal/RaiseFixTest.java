package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.drum;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.session.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 item 3: a raise never leaves the mix bus over its headroom target without saying so and the move. */
class RaiseFixTest {

    private static MeasuredTrack kick(double peak) {
        return drum("Kick", Role.KICK, peak, 16).scalar(MeasurementIds.SAMPLE_PEAK, peak, Units.DBFS)
                .scalar(MeasurementIds.TRUE_PEAK, peak, Units.DBTP).build();
    }

    private static MeasuredTrack mix(double peak) {
        return track("Mix", Role.MIX).scalar(MeasurementIds.SAMPLE_PEAK, peak, Units.DBFS).build();
    }

    @Test
    void aRaiseThatCouldTakeTheMixBusOverItsHeadroomBringsTheMasterFaderDown() {
        // Kick 6 dB low against a mix already peaking at -4 dBFS: raised alone, where the peaks meet the mix could
        // reach 20 log10(10^(-4/20) + 10^(-17/20) (10^(6/20) - 1)) = -2.25 dBFS, over mix.headroom's -3 dBFS.
        Finding finding = only(context(new KickLevelRule(), kick(-17), mix(-4)).evaluate());
        assertEquals(List.of(Fix.gain("Kick", 6.0), Fix.gain("Mix", -0.8)), finding.fixes());
        assertTrue(finding.suggestion().startsWith("Raise Kick by 6.0 dB. Raised alone, Kick could take the mix bus of"
                + " Mix to -2.3 dBFS where the peaks meet, above the -3.0 dBFS the mix's headroom allows: lower its "
                + "master fader by 0.8 dB with it."), finding.suggestion());
    }

    @Test
    void aRaiseTheMixBusHasRoomForIsTheRaiseAlone() {
        Finding finding = only(context(new KickLevelRule(), kick(-17), mix(-10)).evaluate());
        assertEquals(List.of(Fix.gain("Kick", 6.0)), finding.fixes());
    }

    @Test
    void withoutTheHeadroomRuleTheMixIsNotJudged() {
        Finding finding = only(context(new KickLevelRule(), kick(-17), mix(-4)).without(MixHeadroomRule.ID)
                .evaluate());
        assertEquals(List.of(Fix.gain("Kick", 6.0)), finding.fixes());
    }

    @Test
    void theBoundFollowsThePeaksStepByStep() {
        // The mix peaks at -4 dBFS only where the kick is silent: per step, the raise meets quieter mix peaks.
        double[] mixPeaks = Fixtures.constant(80, -20);
        mixPeaks[0] = -4; // the kick's first hit is at step 1
        MeasuredTrack mix = track("Mix", Role.MIX).scalar(MeasurementIds.SAMPLE_PEAK, -4, Units.DBFS)
                .series(MeasurementIds.PEAK_SERIES, mixPeaks, Units.DBFS).build();
        Finding finding = only(context(new KickLevelRule(), kick(-17), mix).evaluate());
        assertEquals(List.of(Fix.gain("Kick", 6.0)), finding.fixes(), finding.suggestion());
    }
}
