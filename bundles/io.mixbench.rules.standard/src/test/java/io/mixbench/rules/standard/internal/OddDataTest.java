package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Rule;
import io.mixbench.rule.Severity;
import io.mixbench.rules.standard.internal.Fixtures.FakeContext;
import io.mixbench.rules.standard.internal.Fixtures.TrackBuilder;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** NaN, empty and missing measurements give INFO findings, never exceptions or wrong verdicts. */
class OddDataTest {

    private static final Role[] ROLES = {Role.KICK, Role.SNARE, Role.BASS, Role.LEAD_VOCAL, Role.PAD, Role.MIX};
    private static final String[] SERIES = {MeasurementIds.PEAK_SERIES, MeasurementIds.ACTIVITY,
            MeasurementIds.SHORT_TERM_SERIES, MeasurementIds.MOMENTARY_SERIES, MeasurementIds.RMS_SERIES};
    private static final String[] SCALARS = {MeasurementIds.SAMPLE_PEAK, MeasurementIds.TRUE_PEAK,
            MeasurementIds.RMS_ACTIVE, MeasurementIds.INTEGRATED_LOUDNESS, MeasurementIds.LOW_END_PAN,
            MeasurementIds.LOW_END_SIDE};

    private static List<MeasuredTrack> session(UnaryOperator<TrackBuilder> data) {
        List<MeasuredTrack> tracks = new ArrayList<>();
        for (Role role : ROLES) {
            tracks.add(data.apply(track(role.displayName(), role)).build());
        }
        return tracks;
    }

    private static void assertOnlyInfo(List<MeasuredTrack> tracks, String what) {
        for (Rule rule : Fixtures.allRules()) {
            for (ExportKind kind : ExportKind.values()) {
                List<Finding> findings = new FakeContext(rule, kind, PanLaw.MINUS_3_DB, tracks).evaluate();
                assertFalse(findings.isEmpty(), rule.descriptor().id() + " says nothing with " + what);
                for (Finding finding : findings) {
                    assertEquals(Severity.INFO, finding.severity(),
                            rule.descriptor().id() + " with " + what + ": " + finding);
                    assertEquals(rule.descriptor().id(), finding.ruleId());
                    assertTrue(finding.message().startsWith("Cannot judge") || finding.message().contains("never"),
                            finding.message());
                }
            }
        }
    }

    @Test
    void noMeasurementsAtAll() {
        assertOnlyInfo(session(b -> b), "no measurements");
    }

    @Test
    void zeroLengthSeriesAndAbsentScalars() {
        assertOnlyInfo(session(b -> {
            for (String id : SERIES) {
                b.series(id, new double[0], Units.DBFS);
            }
            for (String id : SCALARS) {
                b.absent(id, Units.DBFS, "silent");
            }
            return b;
        }), "zero-length series");
    }

    @Test
    void silentTracks() {
        assertOnlyInfo(session(b -> {
            for (String id : SERIES) {
                b.series(id, Fixtures.constant(50, Double.NaN), Units.DBFS);
            }
            b.series(MeasurementIds.ACTIVITY, Fixtures.constant(50, 0), Units.FLAG);
            for (String id : SCALARS) {
                b.absent(id, Units.DBFS, "the track is silent");
            }
            return b;
        }), "silent tracks");
    }

    @Test
    void activeButAllNaN() {
        assertOnlyInfo(session(b -> {
            for (String id : SERIES) {
                b.series(id, Fixtures.constant(50, Double.NaN), Units.DBFS);
            }
            b.series(MeasurementIds.ACTIVITY, Fixtures.constant(50, 1), Units.FLAG);
            return b;
        }), "NaN series on active steps");
    }

    @Test
    void anEmptySessionStillGetsAnAnswer() {
        // an empty list of findings would be reported as a rule error
        for (Rule rule : Fixtures.allRules()) {
            for (ExportKind kind : ExportKind.values()) {
                Finding finding = Fixtures.only(new FakeContext(rule, kind, PanLaw.MINUS_3_DB, List.of()).evaluate());
                assertEquals(Severity.INFO, finding.severity(), finding.toString());
                assertTrue(finding.message().contains(" not checked: "), finding.message());
            }
        }
    }

    @Test
    void theMetersReasonIsPassedOn() {
        MeasuredTrack mix = track("Mix", Role.MIX).absent(MeasurementIds.TRUE_PEAK, Units.DBTP, "the file is silent")
                .build();
        Finding finding = Fixtures.only(Fixtures.context(new TruePeakRule(), mix).evaluate());
        assertTrue(finding.message().contains("the file is silent"), finding.message());
    }
}
