package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Rule;
import io.mixbench.rule.Severity;
import io.mixbench.rules.standard.internal.Fixtures.FakeContext;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The level, loudness, delivery, health and arrangement rules never throw, never answer nothing, and give every
 * WARN or PROBLEM a structured fix with its sentence, whatever the data.
 */
class LevelDeliveryRulesOddDataTest {

    private static List<Rule> rules() {
        return List.of(new SupportingLevelRule(), new PremasterLoudnessRule(), new StreamingPreviewRule(),
                new FaderFarDownRule(), new HealthRule(), new SectionLiftRule());
    }

    private static void check(Rule rule, ExportKind kind, List<MeasuredTrack> tracks) {
        List<Finding> findings = new FakeContext(rule, kind, PanLaw.MINUS_3_DB, tracks).evaluate();
        String where = rule.descriptor().id() + " on " + tracks.stream().map(MeasuredTrack::name).toList();
        assertFalse(findings.isEmpty(), where);
        for (Finding f : findings) {
            assertTrue(f.ruleId().equals(rule.descriptor().id()), where);
            if (f.severity() == Severity.WARN || f.severity() == Severity.PROBLEM) {
                assertTrue(f.fix() != null && f.suggestion() != null, where + ": " + f);
                assertTrue(f.measured() != null && f.target() != null, where + ": " + f);
            }
        }
    }

    private static double[] noisy(Random random, int n, double centre, double nanShare) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() < nanShare ? Double.NaN : centre + random.nextGaussian() * 6;
        }
        return v;
    }

    private static MeasuredTrack random(Random random, String name, Role role) {
        int n = random.nextInt(4) == 0 ? random.nextInt(3) : 100 + random.nextInt(900);
        Fixtures.TrackBuilder b = track(name, role);
        if (random.nextBoolean()) {
            b.scalar(MeasurementIds.SAMPLE_PEAK, -80 + random.nextDouble() * 85, Units.DBFS);
        } else {
            b.absent(MeasurementIds.SAMPLE_PEAK, Units.DBFS, random.nextBoolean() ? "silent" : "non-finite samples");
        }
        if (random.nextBoolean()) {
            b.scalar(MeasurementIds.TRUE_PEAK, -60 + random.nextDouble() * 66, Units.DBTP);
            b.scalar(MeasurementIds.INTEGRATED_LOUDNESS, -60 + random.nextDouble() * 60, Units.LUFS);
            b.scalar(MeasurementIds.RMS_ACTIVE, -70 + random.nextDouble() * 70, Units.DBFS);
        }
        if (random.nextBoolean()) {
            b.scalar(HealthRule.CLIPPED_RUNS, random.nextInt(30), Units.COUNT);
            b.scalar(HealthRule.OVER_FULL_SCALE_SAMPLES, random.nextInt(3), Units.COUNT);
            b.scalar(HealthRule.DC_OFFSET, random.nextGaussian(), Units.PERCENT);
            b.scalar(HealthRule.INTER_SAMPLE_OVERS, random.nextInt(3), Units.COUNT);
        }
        if (random.nextBoolean()) {
            b.series(MeasurementIds.SHORT_TERM_SERIES, noisy(random, n, -20, random.nextDouble()), Units.LUFS);
            double[] activity = new double[n];
            for (int i = 0; i < n; i++) {
                activity[i] = random.nextInt(3) == 0 ? 0 : 1;
            }
            b.series(MeasurementIds.ACTIVITY, activity, Units.FLAG);
        }
        return b.build();
    }

    @Test
    void emptyAndUnmeasuredSessions() {
        for (Rule rule : rules()) {
            for (ExportKind kind : ExportKind.values()) {
                check(rule, kind, List.of());
                check(rule, kind, List.of(track("Mix", Role.MIX).build()));
                check(rule, kind, List.of(track("Mix", Role.MIX).build(), track("Kick", Role.KICK).build(),
                        track("Verb", Role.FX_RETURN).build(), track("Pad", Role.PAD).build()));
                check(rule, kind, List.of(track("Mix", Role.MIX).series(MeasurementIds.SHORT_TERM_SERIES,
                        new double[0], Units.LUFS).build(), track("Kick", Role.KICK)
                                .series(
                                        MeasurementIds.SHORT_TERM_SERIES, new double[0], Units.LUFS)
                                .build()));
            }
        }
    }

    @Test
    void randomSessions() {
        Random random = new Random(5);
        Role[] roles = {Role.KICK, Role.SNARE, Role.BASS, Role.DRUMS_BUS, Role.LEAD_VOCAL, Role.PAD,
                Role.FX_RETURN, Role.GUITAR, Role.PERCUSSION, Role.BACKING_VOCALS, Role.REFERENCE};
        for (int session = 0; session < 300; session++) {
            List<MeasuredTrack> tracks = new ArrayList<>();
            if (random.nextInt(4) > 0) {
                tracks.add(random(random, "Mix", Role.MIX));
            }
            int parts = random.nextInt(6);
            for (int p = 0; p < parts; p++) {
                tracks.add(random(random, "Part " + p, roles[random.nextInt(roles.length)]));
            }
            for (Rule rule : rules()) {
                check(rule, random.nextBoolean() ? ExportKind.STEMS : ExportKind.RAW_TRACKS, tracks);
            }
        }
    }
}
