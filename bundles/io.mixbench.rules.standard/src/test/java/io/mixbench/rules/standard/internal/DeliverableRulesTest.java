package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Rule;
import io.mixbench.rule.Severity;
import io.mixbench.session.Deliverable;
import io.mixbench.session.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The delivery rules on one finished master (limited, -13.4 LUFS, true peak -0.8 dBTP, peaks piled up at the
 * ceiling) judged as each deliverable: what is a PROBLEM on a pre-master is expected on a master.
 */
class DeliverableRulesTest {

    /** The frozen-bubble master's figures, with 40 of 100 steps peaking at its limiter's ceiling. */
    static MeasuredTrack master() {
        return BusLimitingRuleTest.mixAlone(40).scalar(MeasurementIds.SAMPLE_PEAK, -0.8, Units.DBFS)
                .scalar(MeasurementIds.TRUE_PEAK, -0.8, Units.DBTP)
                .scalar(MeasurementIds.INTEGRATED_LOUDNESS, -13.4, Units.LUFS).build();
    }

    static Finding judge(Rule rule, Deliverable d) {
        return only(Fixtures.context(rule, master()).judgedAs(d).evaluate());
    }

    @Test
    void headroomIsNotJudgedOnAMaster() {
        assertEquals(Severity.PROBLEM, judge(new MixHeadroomRule(), Deliverable.PRE_MASTER).severity());
        assertEquals(Severity.PROBLEM, judge(new MixHeadroomRule(), Deliverable.MIX).severity());
        Finding master = judge(new MixHeadroomRule(), Deliverable.MASTER);
        assertEquals(Severity.INFO, master.severity());
        assertEquals(List.of("Mix"), master.tracks());
        assertTrue(master.message().startsWith("Mix bus headroom not judged: a master. Mix is judged as a master"
                + " (guessed from the audio)"), master.message());
        assertNull(master.fix());
    }

    @Test
    void preMasterLoudnessIsJudgedOnlyOnAPreMaster() {
        assertEquals(Severity.WARN, judge(new PremasterLoudnessRule(), Deliverable.PRE_MASTER).severity());
        Finding master = judge(new PremasterLoudnessRule(), Deliverable.MASTER);
        assertEquals(Severity.INFO, master.severity());
        assertTrue(master.message().startsWith("Pre-master loudness not judged: a master."), master.message());
        assertTrue(master.message().contains("streaming.preview"), master.message());
        Finding mix = judge(new PremasterLoudnessRule(), Deliverable.MIX);
        assertEquals(Severity.INFO, mix.severity());
        assertTrue(mix.message().startsWith("Pre-master loudness not judged: a mix."), mix.message());
    }

    @Test
    void busLimitingIsExpectedOnAMaster() {
        Finding preMaster = judge(new BusLimitingRule(), Deliverable.PRE_MASTER);
        assertEquals(Severity.WARN, preMaster.severity());
        assertEquals(Severity.WARN, judge(new BusLimitingRule(), Deliverable.MIX).severity());
        Finding master = judge(new BusLimitingRule(), Deliverable.MASTER);
        assertEquals(Severity.INFO, master.severity());
        assertTrue(master.message().startsWith("Expected on a master (guessed from the audio), so not a defect: "
                + preMaster.message()), master.message());
        assertNull(master.fix());
        assertTrue(master.fixes().isEmpty());
        assertEquals(preMaster.measured(), master.measured());
    }

    @Test
    void bypassingTheLimiterOfAMastersStemsIsNotAsked() {
        Finding master = only(Fixtures.context(new BusLimitingRule(), BusLimitingRuleTest.mix(),
                BusLimitingRuleTest.stem("Kick", Role.KICK), BusLimitingRuleTest.stem("Bass", Role.BASS))
                .withGroup(BusLimitingRuleTest.limited(4.0, 17.8, 0.12)).judgedAs(Deliverable.MASTER).evaluate());
        assertEquals(Severity.INFO, master.severity(), master.message());
        assertNull(master.fix());
    }

    @Test
    void aTruePeakOverTheCeilingStaysAProblemOnAMaster() {
        Finding master = judge(new TruePeakRule(), Deliverable.MASTER);
        assertEquals(Severity.PROBLEM, master.severity());
    }

    /** On a master the streaming preview warns where a platform's gain takes the peak over its ceiling. */
    @Test
    void theStreamingPreviewWarnsOnAMaster() {
        List<Finding> preMaster = Fixtures.context(new StreamingPreviewRule(), master())
                .judgedAs(Deliverable.PRE_MASTER).evaluate();
        List<Finding> master = Fixtures.context(new StreamingPreviewRule(), master()).judgedAs(Deliverable.MASTER)
                .evaluate();
        Finding amazonPreMaster = preMaster.get(4);
        Finding amazonMaster = master.get(4);
        assertEquals("Amazon Music", amazonMaster.measured().measure());
        assertEquals(Severity.INFO, amazonPreMaster.severity(), amazonPreMaster.message());
        assertEquals(Severity.WARN, amazonMaster.severity(), amazonMaster.message());
        assertEquals(-1.4, (Double) amazonMaster.fix().actions().get("truePeakLimitDbtp"), 1e-9);
    }

}
