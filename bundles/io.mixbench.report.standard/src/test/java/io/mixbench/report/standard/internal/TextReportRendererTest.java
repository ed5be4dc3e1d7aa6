package io.mixbench.report.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import io.mixbench.report.ReportOptions;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.session.Role;
import io.mixbench.session.Track;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReportRendererTest {

    private static final String ESC = "\u001b";
    private final TextReportRenderer renderer = new TextReportRenderer();

    private String render(AnalysisResult result, boolean colour) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(result, new ReportOptions(colour, Severity.PROBLEM), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The text with line breaks and continuation indents joined, so wrapped sentences can be searched. */
    private static String joined(String text) {
        return text.replaceAll("\n +", " ");
    }

    @Test
    void everyFindingShowsTrackMessageAndSuggestion() throws IOException {
        String text = joined(render(Fixtures.withMix(), false));
        assertTrue(text.contains("Kick: " + Fixtures.KICK_PROBLEM), text);
        assertTrue(text.contains("-> " + Fixtures.KICK_FIX), text);
        assertTrue(text.contains("Lead Vox: " + Fixtures.VOCAL_WARN), text);
        assertTrue(text.contains("-> " + Fixtures.VOCAL_FIX), text);
        assertTrue(text.contains("Kick, Bass DI: " + Fixtures.KICK_WARN), text);
        assertTrue(text.contains("Bass DI: " + Fixtures.BASS_INFO), text);
        assertTrue(text.contains("[kick.level] " + Fixtures.RULE_ERROR), text);
        // Measured value and target, one decimal with units.
        assertTrue(text.contains("kick hit peak, 95th percentile: -6.3 dBFS; target -12.0 to -10.0 dBFS"), text);
        assertTrue(text.contains("target at most -2.0 dB"), text);
        assertTrue(text.contains("At 0:01.5-0:02.3, 1:02.0-1:10.1."), text);
    }

    @Test
    void okFindingsAreOnlyCounted() throws IOException {
        String text = render(Fixtures.withMix(), false);
        assertTrue(text.contains("\n3 checks passed.\n"), text);
        assertFalse(text.contains("Headroom is fine."), text);
        assertFalse(text.contains("True peak is within target."), text);
        assertFalse(text.contains("\nOK "), text);
    }

    @Test
    void severitiesComeMostSevereFirstAndByTrackWithin() throws IOException {
        String text = render(Fixtures.withMix(), false);
        int ruleError = text.indexOf("\nRULE ERROR  ");
        int problem = text.indexOf("\nPROBLEM     ");
        int warnKick = text.indexOf("\nWARN        Kick, Bass DI:");
        int warnVocal = text.indexOf("\nWARN        Lead Vox:");
        int info = text.indexOf("\nINFO        ");
        assertTrue(ruleError > 0, text);
        assertTrue(ruleError < problem && problem < warnKick && warnKick < warnVocal && warnVocal < info, text);
    }

    @Test
    void headerStatesSessionSettings() throws IOException {
        String text = render(Fixtures.withMix(), false);
        assertTrue(text.contains("Session    " + Fixtures.ROOT.toAbsolutePath()), text);
        assertTrue(text.contains("Export     stems"), text);
        assertTrue(text.contains("Pan law    -3.0 dB: mono parts are compared with stereo parts as if panned centre"
                + " (+0.0 dB)"), text);
        assertTrue(text.contains("Rule set   Rock (rock)"), text);
        assertTrue(text.contains("Tracks     5 (4 parts, the mix), 1 could not be decoded"), text);
        assertTrue(text.contains("Analysed   2026-11-26 15:37:07 UTC, took 3.3 s"), text);
    }

    /** The header says what the mix was judged as and where that came from; without a mix it says nothing. */
    @Test
    void headerStatesTheDeliverableJudged() throws IOException {
        String text = render(Fixtures.judgedAs(Fixtures.mixOnly(), Fixtures.GUESSED_MASTER), false);
        assertTrue(text.contains("Judged as  a master: guessed from the audio (-13.4 LUFS, PLR 12.6 LU,"),
                text);
        assertTrue(text.contains("-0.8 dBTP); pass --deliverable to choose\n"), text);
        assertFalse(render(Fixtures.result(false), false).contains("Judged as"), "no mix, nothing judged");
    }

    @Test
    void aMixAnalysedAloneHasNoExportKindOrPanLaw() throws IOException {
        String text = render(Fixtures.mixOnly(), false);
        assertTrue(text.contains("Tracks     1 (0 parts, the mix)"), text);
        // they say how parts are judged: with no parts they would only puzzle
        assertFalse(text.contains("Export "), text);
        assertFalse(text.contains("Pan law"), text);
    }

    @Test
    void trackTableShowsFormatsLevelsAndErrors() throws IOException {
        String text = render(Fixtures.withMix(), false);
        assertTrue(text.contains("Peak dBFS  TP dBTP  RMS dBFS  Int LUFS"), text);
        String kick = lineStartingWith(text, "Kick ");
        assertTrue(kick.matches("Kick +kick +48 kHz 24-bit mono +-6\\.3 +-6\\.0 +-18\\.3 +-16\\.1"), kick);
        String vocal = lineStartingWith(text, "Lead Vox ");
        assertTrue(vocal.matches("Lead Vox +lead-vocal +44\\.1 kHz 32-bit float stereo +-3\\.0 +- +- +-"), vocal);
        String broken = lineStartingWith(text, "Broken ");
        assertTrue(broken.contains("error: broken.wav: file is truncated"), broken);
        assertTrue(joined(text).contains("error: " + Fixtures.BROKEN_ERROR), text);
    }

    private static String lineStartingWith(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no line starting " + prefix + ")");
    }

    @Test
    void verdictIsTheLastLine() throws IOException {
        List<String> lines = render(Fixtures.withMix(), false).lines().toList();
        assertEquals("Verdict: RULE ERROR - 1 rule error, 1 problem, 2 warnings, 1 info, 3 checks passed.",
                lines.get(lines.size() - 1));

        AnalysisResult base = Fixtures.withoutMix();
        AnalysisResult allGood = new AnalysisResult(base.session(), base.ruleSet(), base.tracks(), base.rules(),
                List.of(Finding.of("truepeak", Severity.OK).message("fine").build()), base.startedAt(), base.elapsed(),
                base.versions());
        String text = render(allGood, false);
        assertTrue(text.contains("No findings. 1 check passed."), text);
        assertTrue(text.endsWith("Verdict: OK - 1 check passed.\n"), text);
        assertTrue(text.contains("Tracks     4 (4 parts, no mix), 1 could not be decoded"), text);
    }

    @Test
    void noAnsiCodesUnlessColourIsOn() throws IOException {
        String plain = render(Fixtures.withMix(), false);
        assertFalse(plain.contains(ESC), plain);
        String coloured = render(Fixtures.withMix(), true);
        assertTrue(coloured.contains(ESC + "[31mPROBLEM" + ESC + "[0m"), coloured);
        assertTrue(coloured.contains(ESC + "[31mRULE ERROR" + ESC + "[0m"), coloured);
        assertTrue(coloured.contains(ESC + "[33mWARN" + ESC + "[0m"), coloured);
        assertFalse(coloured.contains(ESC + "[31mINFO") || coloured.contains(ESC + "[33mINFO"), coloured);
        // Apart from the codes, the coloured report is the plain one.
        assertEquals(plain, coloured.replaceAll(ESC + "\\[[0-9;]*m", ""));
    }

    @Test
    void controlCharactersInNamesCannotInjectTerminalCodes() throws IOException {
        Track evil = new Track("Evil" + ESC + "[31m\nName", Fixtures.ROOT.resolve("evil.wav"), Role.OTHER, null);
        MeasuredTrack measured = new MeasuredTrack(evil, null, 1.0, Map.of(), null);
        AnalysisResult base = Fixtures.withoutMix();
        AnalysisResult result = new AnalysisResult(base.session(), base.ruleSet(), List.of(measured), List.of(),
                List.of(Finding.of("x", Severity.WARN).tracks(evil.name()).message("bad\rthing").build()),
                base.startedAt(), base.elapsed(), base.versions());
        String text = render(result, false);
        assertFalse(text.contains(ESC), text);
        assertFalse(text.contains("\r"), text);
        assertTrue(text.contains("Evil [31m Name"), text);
    }

    @Test
    void linesFitInOneHundredColumns() throws IOException {
        // A long name and a wide format must not push the table past 100 columns.
        Track longTrack = new Track("A very long track name from a DAW export 01", Fixtures.ROOT.resolve("x.wav"),
                Role.BACKING_VOCALS, null);
        AudioFormat wide = new AudioFormat(88200, ChannelLayout.defaultFor(8), 64, SampleEncoding.PCM_FLOAT, 10,
                "WAV float 64-bit");
        MeasuredTrack measured = new MeasuredTrack(longTrack, wide, 1.0,
                Map.of(MeasurementIds.SAMPLE_PEAK, Scalar.of(-120.25, Units.DBFS)), null);
        AnalysisResult base = Fixtures.withMix();
        List<MeasuredTrack> tracks = new java.util.ArrayList<>(base.tracks());
        tracks.add(measured);
        AnalysisResult result = new AnalysisResult(base.session(), base.ruleSet(), tracks, base.rules(),
                base.findings(), base.startedAt(), base.elapsed(), base.versions());
        String text = render(result, false);
        for (String line : text.lines().toList()) {
            assertTrue(line.length() <= TextReportRenderer.WIDTH, "too long: " + line);
        }
        assertTrue(text.contains("-120.3"), text);
        assertTrue(text.contains("A very long"), text);
        assertTrue(text.contains("~"), "cut texts are marked");
    }

    @Test
    void describesFormats() {
        assertEquals("48 kHz 24-bit mono",
                TextReportRenderer.describeFormat(new AudioFormat(48000, ChannelLayout.MONO, 24,
                        SampleEncoding.PCM_INTEGER, 1, "WAV")));
        assertEquals("44.1 kHz 32-bit float stereo",
                TextReportRenderer.describeFormat(new AudioFormat(44100, ChannelLayout.STEREO, 32,
                        SampleEncoding.PCM_FLOAT, 1, "WAV")));
        assertEquals("22.05 kHz lossy 5.1",
                TextReportRenderer.describeFormat(new AudioFormat(22050, ChannelLayout.SURROUND_5_1, 0,
                        SampleEncoding.LOSSY, 1, "MP3")));
    }

    @Test
    void wrapsAtSpaces() {
        assertEquals(List.of("aaa bbb", "ccc"), TextReportRenderer.wrap("aaa bbb ccc", 7));
        assertEquals(List.of("a", "loooooooong", "b"), TextReportRenderer.wrap("a loooooooong b", 5));
        assertEquals(List.of(""), TextReportRenderer.wrap("   ", 5));
    }

    @Test
    void declaresItsFormatAsServiceProperty() throws IOException {
        assertEquals("text", renderer.format());
        assertEquals("txt", renderer.fileExtension());
        try (InputStream in = getClass().getResourceAsStream(
                "/OSGI-INF/io.mixbench.report.standard.internal.TextReportRenderer.xml")) {
            assertTrue(in != null, "bnd generated the component description");
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("name=\"report.format\"") && xml.contains("value=\"text\""), xml);
        }
    }
}
