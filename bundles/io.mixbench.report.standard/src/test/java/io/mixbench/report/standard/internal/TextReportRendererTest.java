package io.mixbench.report.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.MoveKind;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlannedMove;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.report.ReportOptions;
import io.mixbench.rule.Finding;
import io.mixbench.rule.Fix;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
import io.mixbench.rule.Target;
import io.mixbench.session.Role;
import io.mixbench.session.Track;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextReportRendererTest {

    private static final String ESC = "\u001b";
    private final TextReportRenderer renderer = new TextReportRenderer();

    private String render(AnalysisResult result, boolean colour) throws IOException {
        return render(result, new ReportOptions(colour, Severity.PROBLEM));
    }

    private String render(AnalysisResult result, ReportOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(result, options, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String verbose(AnalysisResult result) throws IOException {
        return render(result, new ReportOptions(false, Severity.PROBLEM, true));
    }

    /** The text with line breaks and continuation indents joined, so wrapped sentences can be searched. */
    private static String joined(String text) {
        return text.replaceAll("\n +", " ");
    }

    /** The result with {@code more} findings added after its own. */
    private static AnalysisResult with(AnalysisResult base, Finding... more) {
        List<Finding> findings = new ArrayList<>(base.findings());
        findings.addAll(List.of(more));
        return new AnalysisResult(base.session(), base.ruleSet(), base.tracks(), base.rules(), findings,
                base.startedAt(), base.elapsed(), base.versions());
    }

    @Test
    void movesComeFirstEachOnOneLineWithItsRulesAndItsFindingsUnderIt() throws IOException {
        String text = render(Fixtures.withMix(), false);
        List<String> lines = text.lines().toList();
        assertEquals("Mixbench 0.1.0: Song \u00c4, 5 tracks (4 parts, the mix), 1 could not be decoded, stems,"
                + " rule set rock", lines.get(0), "a one-line header");
        assertTrue(lines.get(1).startsWith("Judged as a pre-master: "), "then what the mix is judged as");
        assertEquals("", lines.get(2));
        assertEquals("Moves, most urgent first", lines.get(3));
        // Most severe first; among the WARN level moves, in the findings' order.
        assertEquals("PROBLEM     Invert the polarity of Kick, Lower Kick by 4.3 dB, note after the bus [kick.level]",
                lines.get(4));
        assertTrue(text.contains("[kick.level]\n    " + Fixtures.KICK_PROBLEM + " At 0:01.5-0:02.3, 1:02.0-1:10.1.\n"
                + "    -> " + Fixtures.KICK_FIX + "\n"), text);
        assertTrue(text.contains("WARN        Raise Lead Vox by 2.3 dB [vocal.lead]\n    "
                + Fixtures.VOCAL_WARN + "\nWARN        Lower Kick by 1.0 dB; Lower Bass DI by 2.5 dB"
                + " [bass.under.kick]\n    " + Fixtures.KICK_WARN + "\n    -> " + Fixtures.BASS_FIX),
                text);
        String joined = joined(text);
        // The vocal's sentence says no more than its move: not repeated.
        assertFalse(joined.contains("-> " + Fixtures.VOCAL_FIX), joined);
        // What no move covers comes after the moves.
        int other = text.indexOf("\nOther findings\n");
        assertTrue(other > text.indexOf("[bass.under.kick]"), text);
        assertTrue(text.indexOf("RULE ERROR  [kick.level] " + Fixtures.RULE_ERROR) > other, text);
        assertTrue(text.indexOf("INFO        Bass DI: " + Fixtures.BASS_INFO) > other, text);
        // Figures are in the messages; the report repeats them only when verbose.
        assertFalse(text.contains("kick hit peak, 95th percentile: -6.3 dBFS"), text);
    }

    @Test
    void aMoveTwoRulesAskForIsOneLineNamingBoth() throws IOException {
        // As in the flawed demo: the kick out of its own range and out of its relation to the bass.
        AnalysisResult base = Fixtures.withMix();
        Finding level = Finding.of("kick.level", Severity.PROBLEM).tracks("Kick").message("Kick peaks at -5.0 dBFS.")
                .measured(-5.0, Units.DBFS, "hit peak").target(Target.between(-12, -10, Units.DBFS))
                .fix(Fix.gain("Kick", -6), "Lower Kick by 6.0 dB.").build();
        Finding relation = Finding.of("bass.underKick", Severity.WARN).tracks("Kick", "Bass DI")
                .message("Bass DI sits 9.0 dB below Kick.").measured(9.0, Units.DB, "kick minus bass")
                .target(Target.between(2, 4, Units.DB)).fix(Fix.gain("Kick", -6), "Lower Kick by 6.0 dB.").build();
        String text = render(new AnalysisResult(base.session(), base.ruleSet(), base.tracks(), base.rules(),
                List.of(level, relation), base.startedAt(), base.elapsed(), base.versions()), false);
        assertEquals(1, text.split("Lower Kick by 6.0 dB", -1).length - 1, text);
        assertTrue(text.contains("\nPROBLEM     Lower Kick by 6.0 dB [kick.level, bass.underKick]\n"
                + "    Kick peaks at -5.0 dBFS.\n    Bass DI sits 9.0 dB below Kick.\n\n"), text);
    }

    @Test
    void aSentenceThatStartsBySayingTheMoveShowsOnlyWhatItAdds() throws IOException {
        Finding raise = Finding.of("vocal.lead", Severity.PROBLEM).tracks("Lead Vox").message("Lead Vox is buried.")
                .fixes(List.of(Fix.gain("Lead Vox", 15.6), Fix.gain("Mix", -3.5)), "Raise Lead Vox by 15.6 dB."
                        + " Raised alone, it could take the mix bus to 0.4 dBFS: lower it by 3.5 dB with it.")
                .build();
        String text = render(with(Fixtures.withoutMix(), raise), false);
        assertTrue(text.contains("PROBLEM     Raise Lead Vox by 15.6 dB; Lower Mix by 3.5 dB [vocal.lead]\n"
                + "    Lead Vox is buried.\n    -> Raised alone, it could take the mix bus to 0.4 dBFS:"
                + " lower it by 3.5 dB with it.\n"), text);
    }

    @Test
    void okFindingsAreOnlyCounted() throws IOException {
        String text = render(Fixtures.withMix(), false);
        assertTrue(text.endsWith(", 3 checks passed.\n"), text);
        assertFalse(text.contains("Headroom is fine."), text);
        assertFalse(text.contains("True peak is within target."), text);
        assertFalse(text.contains("\nOK "), text);
    }

    @Test
    void tonalHintsOfASessionWithStemsAreLeftOutUnlessVerbose() throws IOException {
        Fix cut = new Fix("Mix", Map.of(Fix.EQ_BAND, "sub", Fix.EQ_FREQUENCY_HZ, 34.6, Fix.EQ_GAIN_DB, -8.4));
        Finding hint = Finding.of(SessionFixtures.TONAL_RULE, Severity.INFO).tracks("Mix")
                .tonalTarget(io.mixbench.rule.TonalTarget.tilt(new double[]{2, 4.5, -1, 0, -5.5, -6, -13}, 4))
                .message("Mix has 8.4 dB too much sub. A hint only.").fix(cut, "Cut about 8.4 dB around 35 Hz.")
                .build();
        AnalysisResult stems = with(Fixtures.withMix(), hint);
        String text = render(stems, false);
        assertFalse(text.contains("too much sub"), text);
        assertFalse(text.contains("Cut 8.4 dB"), text);
        // counted in the verdict, which wraps at 100 columns like every line
        assertTrue(text.endsWith("\n\nVerdict: RULE ERROR - 1 rule error, 1 problem, 2 warnings, 2 info (1 tonal"
                + " hint: --verbose), 3\nchecks passed.\n"), text);
        String all = verbose(stems);
        assertTrue(all.contains("INFO        Cut 8.4 dB around 35 Hz on Mix [tonal.balance]\n    Mix has 8.4 dB"
                + " too much sub. A hint only.\n"), all);
        assertFalse(all.contains("--verbose"), all);
        // A mix on its own has no parts to judge instead: its tonal balance is shown.
        AnalysisResult alone = with(Fixtures.mixOnly(), hint);
        assertTrue(render(alone, false).contains("too much sub"));
    }

    @Test
    void theStreamingPreviewIsOneTable() throws IOException {
        // The mix peaks at -0.45 dBTP; each finding's target ends at ceiling - true peak.
        Finding spotify = Finding.of(SessionFixtures.STREAMING_RULE, Severity.INFO).tag(Finding.STREAMING_ROW)
                .tracks("Mix")
                .message("Spotify (-14.0 LUFS) turns Mix down by 2.0 dB.").measured(-2.0, Units.DB, "Spotify")
                .target(Target.atMost(-0.55, Units.DB)).build();
        Finding amazon = Finding.of(SessionFixtures.STREAMING_RULE, Severity.WARN).tag(Finding.STREAMING_ROW)
                .tracks("Mix")
                .message("Amazon Music (-14.0 LUFS) leaves Mix as it is.").measured(0.0, Units.DB, "Amazon Music")
                .target(Target.atMost(-1.55, Units.DB)).build();
        String text = render(with(Fixtures.withMix(), spotify, amazon), false);
        assertTrue(text.contains("\n\nStreaming             Spotify  Amazon Music (WARN)\n"
                + "Gain, dB                 -2.0                 +0.0\n"
                + "Plays at, LUFS              -                    -\n"
                + "Peak/ceiling, dBTP  -2.5/-1.0            -0.5/-2.0\n"), text);
        // The INFO platforms are the table; a WARN is also listed with its message.
        assertFalse(text.contains("turns Mix down"), text);
        assertTrue(text.contains("WARN        Mix: Amazon Music (-14.0 LUFS) leaves Mix as it is."), text);
        assertTrue(verbose(with(Fixtures.withMix(), spotify)).contains("INFO        Mix: Spotify (-14.0 LUFS)"));
    }

    /** A plug-in rule's finding that declares a streaming row joins the table; an untagged one stays a finding. */
    @Test
    void theStreamingTableTakesEveryTaggedRowWhicheverRuleGaveIt() throws IOException {
        Finding radio = Finding.of("acme.radio", Severity.INFO).tag(Finding.STREAMING_ROW).tracks("Mix")
                .message("Acme Radio turns Mix down by 3.0 dB.").measured(-3.0, Units.DB, "Acme Radio").build();
        Finding untagged = Finding.of(SessionFixtures.STREAMING_RULE, Severity.INFO).tracks("Mix")
                .message("Untagged turns Mix down by 1.0 dB.").measured(-1.0, Units.DB, "Untagged").build();
        String text = render(with(Fixtures.withMix(), radio, untagged), false);
        assertTrue(text.contains("\n\nStreaming           Acme Radio\nGain, dB                  -3.0\n"), text);
        assertFalse(text.contains("Acme Radio turns"), text);
        assertTrue(text.contains("Untagged turns Mix down"), text);
    }

    @Test
    void verboseStatesTheSessionSettingsFiguresAndTracks() throws IOException {
        String text = verbose(Fixtures.withMix());
        assertTrue(text.contains("\nSession    " + Fixtures.ROOT.toAbsolutePath()), text);
        assertTrue(text.contains("Export     stems"), text);
        assertTrue(text.contains("Pan law    -3.0 dB: mono parts are compared with stereo parts as if panned centre"
                + " (+0.0 dB)"), text);
        assertTrue(text.contains("Rule set   Rock (rock)"), text);
        assertTrue(text.contains("Analysed   2026-11-26 15:37:07 UTC, took 3.3 s"), text);
        String joined = joined(text);
        assertTrue(joined.contains("kick hit peak, 95th percentile: -6.3 dBFS; target -12.0 to -10.0 dBFS"), joined);
        assertTrue(joined.contains("target at most -2.0 dB"), joined);
        assertTrue(text.contains("\nTracks\n"), text);
        String plain = render(Fixtures.withMix(), false);
        assertFalse(plain.contains("Session "), plain);
        assertFalse(plain.contains("\nTracks\n"), plain);
    }

    /** The header says what the mix was judged as and where that came from; without a mix it says nothing. */
    @Test
    void headerStatesTheDeliverableJudged() throws IOException {
        String text = render(Fixtures.judgedAs(Fixtures.mixOnly(), Fixtures.GUESSED_MASTER), false);
        assertTrue(text.contains("\nJudged as a master: guessed from the audio (-13.4 LUFS, PLR 12.6 LU,"), text);
        assertTrue(text.contains("-0.8 dBTP); pass --deliverable to choose.\n"), text);
        assertFalse(render(Fixtures.result(false), false).contains("Judged as"), "no mix, nothing judged");
    }

    @Test
    void aMixAnalysedAloneHasNoExportKindOrPanLaw() throws IOException {
        String text = verbose(Fixtures.mixOnly());
        assertTrue(text.startsWith("Mixbench 0.1.0: Mix, 1 track (0 parts, the mix), rule set rock\n"), text);
        // they say how parts are judged: with no parts they would only puzzle
        assertFalse(text.contains("Export "), text);
        assertFalse(text.contains("Pan law"), text);
    }

    @Test
    void trackTableShowsFormatsLevelsAndErrors() throws IOException {
        String text = verbose(Fixtures.withMix());
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
        assertTrue(text.contains("\n\nNo findings.\n\nVerdict: OK - 1 check passed.\n"), text);
        assertTrue(text.startsWith("Mixbench 0.1.0: Song \u00c4, 4 tracks (4 parts, no mix), 1 could not be decoded"),
                text);
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
        String text = verbose(result);
        for (String line : (text + render(result, false)).lines().toList()) {
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

    @Test
    void thePlanComesFirstItsMovesNumberedWithTheirRulesAndThePredictedCounts() throws IOException {
        AnalysisResult result = Fixtures.withMix();
        String text = render(result, new ReportOptions(false, Severity.PROBLEM, false, Fixtures.plan(result)));
        List<String> lines = text.lines().toList();
        assertEquals("", lines.get(2));
        assertEquals(List.of("Plan: all moves at once",
                " 1. Lower Kick by 4.3 dB                              [kick.level, bass.under.kick]",
                " 2. Ride Lead Vox up by as much as 4.0 dB in 1 phrase  [vocal.lead]",
                " 3. Pan Bass DI to the centre                         [lowEnd.centred]",
                "Predicted: 1 PROBLEM, 2 WARN -> 0 PROBLEM, 1 WARN (run `mixbench plan` to render and verify it)",
                "Not cleared: bass.under.kick (Bass DI): no fader move places Bass DI 2 dB under Kick without pushing",
                "             Kick past its peak target.", "", "Moves, most urgent first"), lines.subList(3, 12));
        assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("verified:")
                || text.contains("Rendered and analysed"), "an unrendered plan is only predicted: " + text);
        for (String line : lines) {
            assertTrue(line.length() <= TextReportRenderer.WIDTH, line);
        }
        // Without a plan the report is as it was.
        String without = render(result, false);
        assertEquals(without, render(result, new ReportOptions(false, Severity.PROBLEM, false, null)));
        assertFalse(without.contains("Plan: "), without);
    }

    @Test
    void aRenderedPlanSaysWhatTheRenderedSessionsAnalysisFound() throws IOException {
        AnalysisResult result = Fixtures.withMix();
        String text = render(result, ReportOptions.DEFAULT.withPlan(Fixtures.renderedPlan(result)));
        assertTrue(text.contains("\nRendered and analysed: 1 PROBLEM, 2 WARN -> 1 PROBLEM, 0 WARN\n"), text);
        assertFalse(text.contains("Predicted"), text);
    }

    @Test
    void aPlanWithoutMovesAddsNothingAndALongMoveWrapsUnderItsNumber() throws IOException {
        AnalysisResult result = Fixtures.withMix();
        Plan p = Fixtures.plan(result).plan();
        Plan empty = new Plan(p.ruleSetId(), List.of(), p.changes(), 0, 0, List.of(), List.of(), Set.of());
        assertEquals(render(result, false),
                render(result, ReportOptions.DEFAULT.withPlan(VerifiedPlan.unrendered(empty, result))));
        String name = "A Very Long Track Name That Goes On ".repeat(3).strip();
        Plan longMove = new Plan(p.ruleSetId(), List.of(new PlannedMove("level:" + name, MoveKind.LEVEL,
                List.of(Fix.gain(name, -2)), List.of("kick.level", "bass.under.kick", "mix.balance"),
                "Lower " + name + " by 2.0 dB", List.of())), p.changes(), 0, 0, List.of(), List.of(),
                Set.of("pan:Bass DI"));
        String text = render(result, ReportOptions.DEFAULT.withPlan(VerifiedPlan.unrendered(longMove, result)));
        List<String> lines = text.lines().toList();
        int first = lines.indexOf("Plan: all moves at once") + 1;
        assertTrue(lines.get(first).startsWith(" 1. Lower A Very Long"), text);
        assertTrue(lines.get(first + 1).startsWith("    ") && lines.get(first + 1).endsWith("mix.balance]"), text);
        assertTrue(text.contains("\nRefused: pan:Bass DI\n"), text);
        for (String line : lines) {
            assertTrue(line.length() <= TextReportRenderer.WIDTH, line);
        }
    }
}
