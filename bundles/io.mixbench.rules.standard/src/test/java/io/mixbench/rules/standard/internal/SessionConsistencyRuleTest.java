package io.mixbench.rules.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioMetadataKeys;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.session.Role;
import io.mixbench.session.Track;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionConsistencyRuleTest {

    /** BWF time references by track name, in samples. */
    private final Map<String, String> timeReferences = new HashMap<>();
    private final SessionConsistencyRule rule = new SessionConsistencyRule();

    private static MeasuredTrack file(String name, Role role, int rate, double seconds, boolean silent) {
        Map<String, Measurement> m = new HashMap<>();
        m.put(MeasurementIds.SAMPLE_PEAK, silent ? Scalar.absent(Units.DBFS, "silent") : Scalar.of(-6, Units.DBFS));
        AudioFormat format = new AudioFormat(rate, ChannelLayout.STEREO, 24, SampleEncoding.PCM_INTEGER,
                Math.round(seconds * rate), "WAV PCM 24-bit");
        return new MeasuredTrack(new Track(name, Path.of("/s/" + name + ".wav"), role, null), format, seconds, m,
                null);
    }

    /** Evaluates with each track's BWF time reference (from {@link #timeReferences}) in its metadata. */
    private List<Finding> evaluate(MeasuredTrack... tracks) {
        MeasuredTrack[] withMetadata = new MeasuredTrack[tracks.length];
        for (int i = 0; i < tracks.length; i++) {
            MeasuredTrack t = tracks[i];
            String reference = timeReferences.get(t.name());
            withMetadata[i] = new MeasuredTrack(t.track(), t.format(), t.durationSeconds(), t.measurements(),
                    t.error(), reference == null ? Map.of() : Map.of(AudioMetadataKeys.BEXT_TIME_REFERENCE, reference));
        }
        return Fixtures.context(rule, withMetadata).evaluate();
    }

    @Test
    void consistentSessionIsOk() {
        Finding f = Fixtures.only(evaluate(file("Kick", Role.KICK, 48000, 180, false),
                file("Bass", Role.BASS, 48000, 180.01, false), file("Mix", Role.MIX, 48000, 180, false)));
        assertEquals(Severity.OK, f.severity());
        assertEquals("All 3 files share one sample rate (48000 Hz) and one length (180.000 s).",
                f.message());
    }

    @Test
    void differentSampleRatesAreAWarningNamingTheOddOnes() {
        List<Finding> findings = evaluate(file("Kick", Role.KICK, 48000, 10, false),
                file("Bass", Role.BASS, 44100, 10, false), file("Vox", Role.LEAD_VOCAL, 48000, 10, false));
        Finding f = Fixtures.only(findings);
        assertEquals(Severity.WARN, f.severity());
        assertEquals(List.of("Bass"), f.tracks());
        assertEquals("The files have different sample rates: 48000 Hz (Kick and Vox), 44100 Hz (Bass). Each is"
                + " analysed at its own rate, but the stems of one session should share one.", f.message());
        assertEquals("Export Bass again at 48000 Hz.", f.suggestion());
        assertEquals(2, f.measured().value());
    }

    @Test
    void differentLengthsAreInfoWithFigures() {
        Finding f = Fixtures.only(evaluate(file("Kick", Role.KICK, 48000, 180, false),
                file("Pad", Role.KEYS, 48000, 172.5, false), file("Mix", Role.MIX, 48000, 180.02, false)));
        assertEquals(Severity.INFO, f.severity());
        assertEquals(List.of("Pad"), f.tracks());
        assertTrue(f.message().startsWith("The files differ in length by up to 7.520 s: Pad 172.500 s, while Mix is"
                + " 180.020 s long."), f.message());
        assertEquals(7.52, f.measured().value(), 1e-9);
        assertEquals(0.05, f.target().max());
    }

    @Test
    void lengthToleranceIsAParameter() {
        MeasuredTrack a = file("Kick", Role.KICK, 48000, 180, false);
        MeasuredTrack b = file("Pad", Role.KEYS, 48000, 179, false);
        assertEquals(Severity.OK, Fixtures.only(Fixtures.context(rule, a, b)
                .with(SessionConsistencyRule.MAX_LENGTH_DIFFERENCE, 2).evaluate()).severity());
        assertEquals(Severity.INFO, Fixtures.only(Fixtures.context(rule, a, b).evaluate()).severity());
    }

    @Test
    void differentBwfStartsAreAWarningInSecondsAndMilliseconds() {
        timeReferences.put("Kick", "172800000"); // 1 h at 48 kHz
        timeReferences.put("Bass", String.valueOf(172800000L + 24000)); // 0.5 s later
        timeReferences.put("Vox", "158760000"); // 1 h at 44.1 kHz: the same instant
        List<Finding> findings = evaluate(file("Kick", Role.KICK, 48000, 10, false),
                file("Bass", Role.BASS, 48000, 10, false), file("Vox", Role.LEAD_VOCAL, 44100, 10, false));
        Finding offsets = findings.stream().filter(f -> f.message().contains("start at different times")).findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertEquals(Severity.WARN, offsets.severity());
        assertEquals(List.of("Bass"), offsets.tracks());
        assertTrue(offsets.message().startsWith("The files start at different times (BWF time reference): Bass"
                + " +0.500 s after the earliest."), offsets.message());
        assertEquals(500, offsets.measured().value(), 1e-6);
        assertEquals(Units.MILLISECONDS, offsets.measured().unit());
    }

    @Test
    void equalStartsAndFilesWithoutTimeReference() {
        timeReferences.put("Kick", "48000");
        timeReferences.put("Bass", "48010"); // 0.2 ms: within 1 ms
        List<Finding> findings = evaluate(file("Kick", Role.KICK, 48000, 10, false),
                file("Bass", Role.BASS, 48000, 10, false), file("Gtr", Role.GUITAR, 48000, 10, false));
        Finding f = Fixtures.only(findings);
        assertEquals(Severity.INFO, f.severity());
        assertEquals(List.of("Gtr"), f.tracks());
        assertTrue(f.message().contains("they carry no BWF time reference"), f.message());

        timeReferences.put("Gtr", "garbage");
        assertEquals(Severity.INFO, Fixtures.only(evaluate(file("Kick", Role.KICK, 48000, 10, false),
                file("Bass", Role.BASS, 48000, 10, false), file("Gtr", Role.GUITAR, 48000, 10, false))).severity());
    }

    @Test
    void aSilentFileIsLeftToTheHealthRuleAndTheRestIsStillChecked() {
        List<Finding> findings = evaluate(file("Kick", Role.KICK, 48000, 10, false),
                file("Clap", Role.PERCUSSION, 48000, 10, true), file("Bass", Role.BASS, 44100, 10, false));
        Finding rates = Fixtures.only(findings);
        assertTrue(rates.message().contains("different sample rates"), rates.message());
        assertFalse(rates.tracks().contains("Clap"), rates.toString());
        // health reports it, once, with its fix
        Finding health = Fixtures.only(Fixtures.ofSeverity(Fixtures.context(new HealthRule(),
                file("Clap", Role.PERCUSSION, 48000, 10, true)).evaluate(), Severity.WARN));
        assertTrue(health.message().contains("Clap is all digital silence"), health.message());
    }

    @Test
    void referencesAreLeftOutAndAnEmptySessionIsNothingToJudge() {
        assertEquals(Severity.OK, Fixtures.only(evaluate(file("Kick", Role.KICK, 48000, 10, false),
                file("Hit song", Role.REFERENCE, 44100, 200, true))).severity());
        Finding f = Fixtures.only(evaluate(file("Hit song", Role.REFERENCE, 44100, 200, false)));
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().contains(" not checked: "));
    }

    @Test
    void filesWithoutTimeReferencesAreNotComparedForOffsets() {
        assertEquals(Severity.OK, Fixtures.only(evaluate(file("Kick", Role.KICK, 48000, 10, false),
                file("Bass", Role.BASS, 48000, 10, false))).severity());
    }
}
