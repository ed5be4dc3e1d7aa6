package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Spectrum;
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

/** The stereo, mono and tonal rules on missing, silent and NaN data: INFO findings, never exceptions. */
class StereoRulesOddDataTest {

    private static final Role[] ROLES = {Role.KICK, Role.BASS, Role.LEAD_VOCAL, Role.GUITAR, Role.PAD, Role.MIX,
            Role.REFERENCE};
    private static final String[] SCALARS = {MeasurementIds.INTEGRATED_LOUDNESS, MeasurementIds.PAN,
            MeasurementIds.BALANCE, MeasurementIds.RMS, StereoSupport.MONO_SUM_LOSS, StereoSupport.WIDTH,
            StereoSupport.CORRELATION};

    static List<Rule> rules() {
        return List.of(new MonoCompatibilityRule(), new PanNotLevelRule(), new WidthNotLoudnessRule(),
                new MixBalanceRule(), new TonalBalanceRule());
    }

    private static List<MeasuredTrack> session(UnaryOperator<TrackBuilder> data) {
        List<MeasuredTrack> tracks = new ArrayList<>();
        for (Role role : ROLES) {
            tracks.add(data.apply(track(role.displayName(), role)).build());
        }
        return tracks;
    }

    private static void assertOnlyInfo(List<MeasuredTrack> tracks, String what) {
        for (Rule rule : rules()) {
            for (ExportKind kind : ExportKind.values()) {
                List<Finding> findings = new FakeContext(rule, kind, PanLaw.MINUS_3_DB, tracks).evaluate();
                assertFalse(findings.isEmpty(), rule.descriptor().id() + " says nothing with " + what);
                for (Finding finding : findings) {
                    assertEquals(Severity.INFO, finding.severity(),
                            rule.descriptor().id() + " with " + what + ": " + finding);
                    assertEquals(rule.descriptor().id(), finding.ruleId());
                    assertTrue(finding.message().startsWith("Cannot"), finding.message());
                }
            }
        }
    }

    @Test
    void noMeasurementsAtAll() {
        assertOnlyInfo(session(b -> b), "no measurements");
    }

    @Test
    void silentTracks() {
        List<MeasuredTrack> tracks = new ArrayList<>();
        for (MeasuredTrack t : session(b -> {
            for (String id : SCALARS) {
                b.absent(id, Units.DB, "silent");
            }
            b.series(MeasurementIds.SHORT_TERM_SERIES, Fixtures.constant(50, Double.NaN), Units.LUFS);
            b.series(StereoSupport.CORRELATION_SERIES, Fixtures.constant(50, Double.NaN), Units.RATIO);
            b.series(MeasurementIds.ACTIVITY, Fixtures.constant(50, 0), Units.FLAG);
            return b;
        })) {
            double[] nan = Fixtures.constant(7, Double.NaN);
            tracks.add(StereoFixtures.with(t, MeasurementIds.TONAL_BALANCE, StereoFixtures.tonal(nan)));
        }
        assertOnlyInfo(tracks, "silent tracks");
    }

    @Test
    void emptySpectraAndSeries() {
        List<MeasuredTrack> tracks = new ArrayList<>();
        for (MeasuredTrack t : session(b -> b.series(MeasurementIds.SHORT_TERM_SERIES, new double[0], Units.LUFS)
                .series(MeasurementIds.ACTIVITY, new double[0], Units.FLAG))) {
            Spectrum empty = new Spectrum(new double[0], new double[0], Units.DB);
            tracks.add(StereoFixtures.with(StereoFixtures.with(t, MeasurementIds.TONAL_BALANCE, empty),
                    MeasurementIds.OCTAVE_MONO_SUM_LOSS, empty));
        }
        assertOnlyInfo(tracks, "empty spectra");
    }

    @Test
    void anEmptySessionStillGetsAnAnswer() {
        for (Rule rule : rules()) {
            for (ExportKind kind : ExportKind.values()) {
                List<Finding> findings = new FakeContext(rule, kind, PanLaw.MINUS_3_DB, List.of()).evaluate();
                assertEquals(1, findings.size(), rule.descriptor().id());
                assertEquals(Severity.INFO, findings.get(0).severity());
                assertTrue(findings.get(0).message().contains(" not checked: "), findings.get(0).message());
            }
        }
    }
}
