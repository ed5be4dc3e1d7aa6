package io.mixbench.rules.standard.internal;

import static io.mixbench.rules.standard.internal.Fixtures.context;
import static io.mixbench.rules.standard.internal.Fixtures.gain;
import static io.mixbench.rules.standard.internal.Fixtures.only;
import static io.mixbench.rules.standard.internal.Fixtures.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Units;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rules.standard.internal.StreamingPlatforms.Platform;
import io.mixbench.rules.standard.internal.StreamingPlatforms.TurnsUp;
import io.mixbench.session.Role;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** streaming.preview against the data file: gains, peaks after the gain, the limiter, the WARN and its fix. */
class StreamingPreviewRuleTest {

    private static final String WARNS = StreamingPreviewRule.WARN_ABOVE_CEILING;

    private static MeasuredTrack mix(double loudness, double truePeak, double samplePeak) {
        return track("Mix", Role.MIX).scalar(MeasurementIds.INTEGRATED_LOUDNESS, loudness, Units.LUFS)
                .scalar(MeasurementIds.TRUE_PEAK, truePeak, Units.DBTP)
                .scalar(MeasurementIds.SAMPLE_PEAK, samplePeak, Units.DBFS).build();
    }

    /** Gain per platform name, from the findings' measured values. */
    private static Map<String, Double> gains(List<Finding> findings) {
        Map<String, Double> gains = new LinkedHashMap<>();
        for (Finding f : findings) {
            assertEquals(Units.DB, f.measured().unit());
            assertTrue(f.hasTag(Finding.STREAMING_ROW), "a platform's finding is a row of the streaming table");
            gains.put(f.measured().measure(), f.measured().value());
        }
        return gains;
    }

    @Test
    void theDataFileNamesEveryPlatformWithTargetSourceAndDate() {
        Map<String, Platform> byName = StreamingPlatforms.PLATFORMS.stream()
                .collect(Collectors.toMap(Platform::name, p -> p, (a, b) -> a, LinkedHashMap::new));
        assertEquals(List.of("Spotify", "Apple Music", "YouTube", "Tidal", "Amazon Music", "Deezer"),
                List.copyOf(byName.keySet()));
        assertEquals(-14, byName.get("Spotify").targetLufs());
        assertEquals(-16, byName.get("Apple Music").targetLufs());
        assertEquals(-15, byName.get("Deezer").targetLufs());
        assertEquals(TurnsUp.PEAK_LIMITED, byName.get("Spotify").turnsUp());
        assertEquals(TurnsUp.NO, byName.get("YouTube").turnsUp());
        for (Platform p : StreamingPlatforms.PLATFORMS) {
            assertTrue(p.source().startsWith("https://"), p.toString());
            assertTrue(p.behaviour().length() > 20, p.toString());
            LocalDate.parse(p.verifiedOn());
        }
        LocalDate.parse(StreamingPlatforms.verifiedOn());
    }

    @Test
    void aLoudMixAtMinus10IsTurnedDownEverywhere() {
        List<Finding> findings = context(new StreamingPreviewRule(), mix(-10, -1.5, -1.6)).evaluate();
        assertEquals(6, findings.size());
        Map<String, Double> gains = gains(findings);
        assertEquals(-4.0, gains.get("Spotify"), 1e-9);
        assertEquals(-6.0, gains.get("Apple Music"), 1e-9);
        assertEquals(-4.0, gains.get("YouTube"), 1e-9);
        assertEquals(-4.0, gains.get("Tidal"), 1e-9);
        assertEquals(-4.0, gains.get("Amazon Music"), 1e-9);
        assertEquals(-5.0, gains.get("Deezer"), 1e-9);
        for (Finding f : findings) {
            assertEquals(Severity.INFO, f.severity(), f.message());
            assertNull(f.fix());
            assertTrue(f.message().contains("turns Mix down"), f.message());
        }
        Finding spotify = findings.get(0);
        assertTrue(spotify.message().contains("true peak after the gain -5.5 dBTP"), spotify.message());
        // Loud: -10 -> -11 lowers by 1 dB, sample peak -2.6 dBFS stays under the -1 dBFS limiter
        assertTrue(spotify.message().contains("would not engage"), spotify.message());
        assertTrue(findings.get(2).message().contains("no limiter"), findings.get(2).message());
    }

    @Test
    void aQuietMixAtMinus20IsRaisedOnlyByPeakLimitedPlatforms() {
        // Spotify's own example: -20 LUFS with a true peak of -5 dBTP is lifted to -16 LUFS only
        List<Finding> findings = context(new StreamingPreviewRule(), mix(-20, -5, -5.2)).evaluate();
        Map<String, Double> gains = gains(findings);
        assertEquals(4.0, gains.get("Spotify"), 1e-9);
        assertEquals(4.0, gains.get("Apple Music"), 1e-9);
        assertEquals(0.0, gains.get("YouTube"), 1e-9);
        assertEquals(0.0, gains.get("Tidal"), 1e-9);
        assertEquals(0.0, gains.get("Amazon Music"), 1e-9);
        assertEquals(0.0, gains.get("Deezer"), 1e-9);
        Finding spotify = findings.get(0);
        assertEquals(Severity.INFO, spotify.severity());
        assertTrue(spotify.message().contains("up by only 4.0 dB of the 6.0 dB"), spotify.message());
        assertTrue(spotify.message().contains("plays at -16.0 LUFS"), spotify.message());
        // Loud raises by 9 dB whatever the peak: -5.2 + 9 = +3.8 dBFS, over the -1 dBFS limiter
        assertTrue(spotify.message().contains("would engage") && spotify.message().contains("3.8 dBFS"),
                spotify.message());
        assertTrue(findings.get(2).message().contains("only turns loud tracks down"), findings.get(2).message());
        // a quiet mix with room: raised all the way
        Map<String, Double> free = gains(context(new StreamingPreviewRule(), mix(-20, -12, -12)).evaluate());
        assertEquals(6.0, free.get("Spotify"), 1e-9);
        assertEquals(4.0, free.get("Apple Music"), 1e-9);
    }

    @Test
    void thePeakAfterTheGainAboveTheCeilingWarnsAndItsFixClearsIt() {
        // quiet but hot: nobody turns it down, the true peak stays at -0.5 dBTP
        List<Finding> findings = context(new StreamingPreviewRule(), mix(-20, -0.5, -0.8)).with(WARNS, 1)
                .evaluate();
        for (Finding f : findings) {
            assertEquals(Severity.WARN, f.severity(), f.message());
        }
        Finding youtube = findings.get(2);
        assertEquals(-0.5, gain(youtube), 1e-9);
        assertEquals(-1.5, gain(findings.get(4)), 1e-9); // Amazon's ceiling is -2 dBTP
        double fix = gain(findings.get(4));
        List<Finding> after = context(new StreamingPreviewRule(), mix(-20 + fix, -0.5 + fix, -0.8 + fix))
                .with(WARNS, 1).evaluate();
        assertTrue(after.stream().allMatch(f -> f.severity() == Severity.INFO), after.toString());
    }

    @Test
    void aLoudMixWithHighPeaksNeedsATruePeakLimiterNotAFader() {
        Finding spotify = context(new StreamingPreviewRule(), mix(-12, 1.5, 0)).with(WARNS, 1).evaluate().get(0);
        assertEquals(Severity.WARN, spotify.severity());
        assertEquals(-2.0, spotify.measured().value(), 1e-9);
        assertEquals(1.0, ((Number) spotify.fix().actions().get(StreamingPreviewRule.TRUE_PEAK_LIMIT_DBTP))
                .doubleValue(), 1e-9);
        // boundary: exactly at the ceiling after the gain is fine
        Finding at = context(new StreamingPreviewRule(), mix(-12, 1.0, 0)).with(WARNS, 1).evaluate().get(0);
        assertEquals(Severity.INFO, at.severity(), at.message());
        assertEquals(-2.0, at.target().max(), 1e-9); // the most gain that keeps the peak at -1 dBTP
    }

    @Test
    void forAPreMasterThePeakAboveTheCeilingOnlyInformsAndNamesWhatTheMasterNeeds() {
        // the rule's default: a pre-master
        List<Finding> findings = context(new StreamingPreviewRule(), mix(-12, 1.5, 0)).evaluate();
        for (Finding f : findings) {
            assertEquals(Severity.INFO, f.severity(), f.message());
            assertNull(f.fix(), f.message());
        }
        // Spotify turns it down by 2 dB: the master may peak at +1.0 dBTP; Amazon Music (-2 dBTP) at 0.0 dBTP
        Finding spotify = findings.get(0);
        assertEquals(-2.0, spotify.measured().value(), 1e-9);
        assertTrue(spotify.message().contains("For the master: a true peak at or below 1.0 dBTP"), spotify.message());
        assertTrue(findings.get(4).message().contains("at or below 0.0 dBTP"), findings.get(4).message());
        // within the ceilings nothing is said about the master
        Finding fine = context(new StreamingPreviewRule(), mix(-12, -4, -4)).with(WARNS, 0).evaluate().get(0);
        assertFalse(fine.message().contains("For the master"), fine.message());
    }

    @Test
    void targetsAreParameters() {
        Map<String, Double> gains = gains(context(new StreamingPreviewRule(), mix(-10, -3, -3))
                .with("spotifyTarget", -12).with("deezerTarget", -14).evaluate());
        assertEquals(-2.0, gains.get("Spotify"), 1e-9);
        assertEquals(-4.0, gains.get("Deezer"), 1e-9);
    }

    @Test
    void previewArithmetic() {
        assertEquals(-4, StreamingPreviewRule.preview(-10, 0, -14, -1, TurnsUp.NO).gainDb(), 1e-12);
        assertEquals(0, StreamingPreviewRule.preview(-20, -5, -14, -1, TurnsUp.NO).gainDb(), 1e-12);
        assertEquals(4, StreamingPreviewRule.preview(-20, -5, -14, -1, TurnsUp.PEAK_LIMITED).gainDb(), 1e-12);
        // already over the ceiling: never turned down for being hot, only not raised
        assertEquals(0, StreamingPreviewRule.preview(-20, 0.5, -14, -1, TurnsUp.PEAK_LIMITED).gainDb(), 1e-12);
        assertEquals(0.5, StreamingPreviewRule.preview(-20, 0.5, -14, -1, TurnsUp.PEAK_LIMITED).truePeakAfterDbtp(),
                1e-12);
    }

    @Test
    void cannotJudgeWithoutLoudnessOrPeak() {
        MeasuredTrack gated = track("Mix", Role.MIX)
                .absent(MeasurementIds.INTEGRATED_LOUDNESS, Units.LUFS, "below the absolute gate")
                .scalar(MeasurementIds.TRUE_PEAK, -3, Units.DBTP).build();
        Finding finding = only(context(new StreamingPreviewRule(), gated).evaluate());
        assertEquals(Severity.INFO, finding.severity());
        assertNull(finding.measured()); // the report's streaming table takes only findings with a value
        assertFalse(finding.hasTag(Finding.STREAMING_ROW));
        MeasuredTrack noPeak = track("Mix", Role.MIX).scalar(MeasurementIds.INTEGRATED_LOUDNESS, -14, Units.LUFS)
                .build();
        assertTrue(only(context(new StreamingPreviewRule(), noPeak).evaluate()).message().contains("true peak"));
        Finding noMix = only(context(new StreamingPreviewRule(), track("Pad", Role.PAD).build()).evaluate());
        assertTrue(noMix.message().contains(" not checked: "), noMix.message());
    }
}
