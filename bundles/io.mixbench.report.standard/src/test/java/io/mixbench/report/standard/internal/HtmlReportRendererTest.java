package io.mixbench.report.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.MoveKind;
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
import io.mixbench.rule.TimeRange;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportRendererTest {

    private static final String EVIL = "<script>alert(\"x&y\")</script> 'q'";
    private final HtmlReportRenderer renderer = new HtmlReportRenderer();

    private String render(AnalysisResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(result, ReportOptions.DEFAULT, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The page is also well-formed XML; parsing it proves escaping and structure at once. */
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    private static AnalysisResult generated(int stems, double seconds, boolean mix, int references, boolean tilt,
            boolean streaming) {
        return SessionFixtures.session(new SessionFixtures.Options(stems, seconds, mix, references, tilt, streaming));
    }

    @Test
    void selfContainedWellFormedAndEveryLinkLands() throws Exception {
        for (AnalysisResult result : List.of(Fixtures.withMix(), Fixtures.withoutMix(),
                generated(8, 120, true, 2, false, true), generated(4, 30, false, 0, true, false))) {
            selfContainedAndLinked(render(result));
        }
    }

    /** Nothing fetched, well-formed, ids unique, every link lands in the page. */
    private static void selfContainedAndLinked(String html) throws Exception {
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
        // Nothing to fetch: no scripts, external sheets, images, fonts or URLs of any scheme but data:.
        for (String banned : List.of("<script", "http:", "https:", "src=", "url(", "@import", "<img", "<iframe")) {
            assertFalse(html.toLowerCase().contains(banned), banned);
        }
        Document doc = parse(html);
        Set<String> ids = new HashSet<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                assertTrue(ids.add(id), "duplicate id " + id);
            }
        }
        NodeList links = doc.getElementsByTagName("a");
        int internal = 0;
        for (int i = 0; i < links.getLength(); i++) {
            String href = ((Element) links.item(i)).getAttribute("href");
            assertTrue(href.startsWith("#"), "only links within the page: " + href);
            assertTrue(ids.contains(href.substring(1)), "link to a missing anchor " + href);
            internal++;
        }
        assertTrue(internal > 10, "findings and tracks are linked");
    }

    @Test
    void everyStringFromTheSessionIsEscaped() throws Exception {
        Track evil = new Track(EVIL, Path.of("/s/" + EVIL + ".wav"), Role.GUITAR, null);
        MeasuredTrack measured = new MeasuredTrack(evil, null, 1.0,
                Map.of(MeasurementIds.SAMPLE_PEAK, Scalar.of(-3, Units.DBFS)), null);
        MeasuredTrack broken = new MeasuredTrack(new Track("B\u0001roken", Path.of("/s/b.wav"), Role.OTHER, null),
                null, Double.NaN, Map.of(), "bad <header> & \"worse\"");
        Finding finding = Finding.of("rule<&>", Severity.WARN).tracks(EVIL).message("msg " + EVIL)
                .measured(-3, Units.DBFS, "measure " + EVIL).target(Target.between(-12, -10, Units.DBFS))
                .fix(new Fix(EVIL, Map.of("gainDb", -7.0, "note<", "a&b")), "Fix " + EVIL)
                .timeRanges(List.of(new TimeRange(0.1, 0.5))).build();
        Session session = new Session(Path.of("/s/" + EVIL), List.of(evil, broken.track()), ExportKind.STEMS,
                PanLaw.MINUS_3_DB, null, Map.of());
        AnalysisResult base = Fixtures.withMix();
        AnalysisResult result = new AnalysisResult(session, base.ruleSet(), List.of(measured, broken), base.rules(),
                List.of(finding), base.startedAt(), base.elapsed(), Map.of("mixbench", "1<2"));
        String html = render(result);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("\u0001"), "control characters are replaced");
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; &#39;q&#39;"), html);
        Document doc = parse(html);
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("msg " + EVIL), "the message reads as written");
        assertTrue(text.contains("Fix " + EVIL), text);
        assertTrue(text.contains("note< a&b"), text);
        assertTrue(text.contains("bad <header> & \"worse\""), text);
        // The session is named after the last part of its path ("/" in the name splits it).
        String title = doc.getElementsByTagName("title").item(0).getTextContent();
        assertTrue(title.endsWith("script> 'q'"), title);
    }

    @Test
    void emptySessionStillRenders() throws Exception {
        AnalysisResult base = Fixtures.withMix();
        Session empty = new Session(Path.of("/s/empty"), List.of(), ExportKind.STEMS, PanLaw.MINUS_3_DB, null,
                Map.of());
        AnalysisResult result = new AnalysisResult(empty, null, List.of(), List.of(), List.of(), base.startedAt(),
                null, Map.of());
        String html = render(result);
        Document doc = parse(html);
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("The session has no tracks."), text);
        assertTrue(text.contains("Nothing was checked."), text);
        assertTrue(text.contains("No rule reported a streaming preview"), text);
        assertTrue(text.contains("No findings to act on."), text);
    }

    @Test
    void aMixAnalysedAloneHasNoExportKindOrPanLaw() throws Exception {
        String text = parse(render(Fixtures.mixOnly())).getDocumentElement().getTextContent();
        assertFalse(text.contains("Pan law"), text);
        assertFalse(text.contains("Export"), text);
        assertTrue(parse(render(Fixtures.withMix())).getDocumentElement().getTextContent().contains("Pan law"));
    }

    @Test
    void failedTracksAndNoMixAreSaid() throws Exception {
        String html = render(Fixtures.withoutMix());
        Document doc = parse(html);
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("no mix"), text);
        assertTrue(text.contains("The session has no mix, so there is no loudness curve"), text);
        assertTrue(text.contains("1 could not be decoded"), text);
        Element row = byId(doc, "track-3");
        assertNotNull(row);
        assertTrue(row.getTextContent().contains(Fixtures.BROKEN_ERROR), row.getTextContent());
        assertFalse(html.contains("class=\"line-short\""), "no loudness lines without a mix");
    }

    @Test
    void meterBridgeDrawsLevelFindingsAgainstTheirZones() throws Exception {
        String html = render(Fixtures.withMix());
        Document doc = parse(html);
        Element levels = byId(doc, "levels");
        String text = levels.getTextContent();
        // Kick's level finding (dBFS) with its target; the vocal's difference in dB; the % finding is not a level.
        assertTrue(text.contains("kick hit peak, 95th percentile"), text);
        assertTrue(text.contains("-6.3 dBFS target -12.0 to -10.0 dBFS"), text);
        assertTrue(text.contains("1.2 dB target 3.0 to 6.0 dB"), text);
        // Bass DI has no level finding: its own peak is shown.
        assertTrue(text.contains("peak -9.0 dBFS"), text);
        String section = html.substring(html.indexOf("id=\"levels\""), html.indexOf("id=\"loudness\""));
        assertEquals(3, count(section, "class=\"zone\""), "one target zone per level finding");
        assertTrue(section.contains("href=\"#finding-1\""), "Kick's meter links to its finding");
    }

    @Test
    void loudnessChartHasMixLinesLanesAndLinkedMarkers() throws Exception {
        AnalysisResult result = generated(6, 60, true, 0, false, false);
        String html = render(result);
        String section = html.substring(html.indexOf("id=\"loudness\""), html.indexOf("id=\"spectrum\""));
        assertEquals(1, count(section, "class=\"line-short\""));
        assertEquals(1, count(section, "class=\"line-momentary\""));
        assertEquals(6, count(section, "class=\"lane\""), "one lane per part, none for the mix");
        Document doc = parse(html);
        int problem = -1;
        for (int i = 0; i < result.findings().size(); i++) {
            if (!result.findings().get(i).timeRanges().isEmpty()) {
                problem = i;
                break;
            }
        }
        Element marker = byId(doc, "time-" + problem + "-0");
        assertNotNull(marker, "the finding's first time range is drawn");
        assertEquals("#finding-" + problem, ((Element) marker.getParentNode()).getAttribute("href"));
        Element finding = byId(doc, "finding-" + problem);
        assertTrue(html.contains("href=\"#time-" + problem + "-0\""), "the finding links to its time");
        assertTrue(finding.getTextContent().contains("Fix:"), finding.getTextContent());
    }

    @Test
    void longSeriesAreDrawnWithAtMostSixHundredPointsPerLine() throws Exception {
        String html = render(generated(2, 3600, true, 0, false, false));
        Matcher paths = Pattern.compile("<path class=\"line-(?:short|momentary)\" d=\"([^\"]*)\"").matcher(html);
        int lines = 0;
        while (paths.find()) {
            int points = count(paths.group(1), "M") + count(paths.group(1), "L");
            assertTrue(points <= Svg.MAX_POINTS, points + " points");
            assertTrue(points > 100, points + " points");
            lines++;
        }
        assertTrue(lines >= 2, "momentary and short-term lines");
    }

    @Test
    void aReportOfThirtyTwoStemsStaysUnderTwoMegabytes() throws Exception {
        // 32 stems and the mix, ten minutes, every series, findings with many time ranges, streaming and tilt.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(generated(32, 600, true, 2, true, true), ReportOptions.DEFAULT, out);
        assertTrue(out.size() < 2_000_000, out.size() + " bytes");
        assertTrue(out.size() > 50_000, "the report is not empty: " + out.size());
        parse(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void streamingTableFromTheStreamingRule() throws Exception {
        String html = render(generated(3, 30, true, 0, false, true));
        Document doc = parse(html);
        Element streaming = byId(doc, "streaming");
        NodeList rows = streaming.getElementsByTagName("tr");
        assertEquals(1 + SessionFixtures.PLATFORMS.length, rows.getLength());
        String text = streaming.getTextContent();
        for (int i = 0; i < SessionFixtures.PLATFORMS.length; i++) {
            double gain = SessionFixtures.PLATFORM_LUFS[i] - SessionFixtures.MIX_LUFS;
            assertTrue(text.contains(SessionFixtures.PLATFORMS[i] + ReportSupport.signedOneDecimal(gain) + " dB"),
                    text);
        }

        String without = parse(render(generated(3, 30, true, 0, false, false))).getDocumentElement()
                .getTextContent();
        assertTrue(without.contains("No rule reported a streaming preview"), without);
    }

    /** The table gathers the findings that declare a streaming row, whichever rule gave them; the tag decides. */
    @Test
    void aPlugInRuleThatDeclaresStreamingRowsShowsInTheTable() throws Exception {
        AnalysisResult base = generated(3, 30, true, 0, false, false);
        List<Finding> findings = new ArrayList<>(base.findings());
        findings.add(Finding.of("acme.radio", Severity.INFO).tag(Finding.STREAMING_ROW).tracks("Mix")
                .message("Acme Radio plays the mix 3.0 dB quieter.").measured(-3.0, Units.DB, "Acme Radio").build());
        // the standard rule's id without the tag is no row
        findings.add(Finding.of(SessionFixtures.STREAMING_RULE, Severity.INFO).tracks("Mix")
                .message("Untagged plays the mix 1.0 dB quieter.").measured(-1.0, Units.DB, "Untagged").build());
        AnalysisResult result = new AnalysisResult(base.session(), base.ruleSet(), base.tracks(), base.rules(),
                findings, base.startedAt(), base.elapsed(), base.versions(), base.groups(), base.deliverable());
        Element streaming = byId(parse(render(result)), "streaming");
        assertEquals(2, streaming.getElementsByTagName("tr").getLength(), "a header and the plug-in's row");
        String text = streaming.getTextContent();
        assertTrue(text.contains("Acme Radio-3.0 dB"), text);
        assertFalse(text.contains("Untagged"), text);
    }

    @Test
    void tonalTargetFromReferencesElseGenreTiltElseNone() throws Exception {
        String refs = render(generated(3, 30, true, 2, true, false));
        assertTrue(refs.contains("Target: the session&#39;s reference tracks, level-matched"), refs);
        assertEquals(2, count(refs, "class=\"line-ref\""));
        assertEquals(1, count(refs, "class=\"line-target\""), "the references' power mean");
        assertEquals(7, count(section(refs, "spectrum"), "class=\"zone\""), "the references' range per band");

        String tilt = render(generated(3, 30, true, 0, true, false));
        assertTrue(tilt.contains("Target: the genre tilt of the rule set"), tilt);
        assertEquals(7, count(section(tilt, "spectrum"), "class=\"zone\""), "a zone for every band with a tilt");
        assertTrue(tilt.contains("against the genre tilt and its tolerance"), tilt);

        String none = render(generated(3, 30, true, 0, false, false));
        assertTrue(none.contains("There is no tonal target"), none);
        assertEquals(0, count(section(none, "spectrum"), "class=\"zone\""));
        assertEquals(1, count(none, "class=\"line-mix\""), "the spectrum is shown alone");
    }

    /** The genre tilt is what a finding declares, whichever rule gave it: the report reads no parameters. */
    @Test
    void genreTiltComesFromTheFindingThatDeclaresIt() {
        double nan = Double.NaN;
        Finding declaring = Finding.of("acme.tilt", Severity.INFO).message("m")
                .tonalTarget(new io.mixbench.rule.TonalTarget(new double[]{nan, nan, 1, -1, nan, nan, -11},
                        new double[]{nan, nan, 3, 1, nan, nan, -5}))
                .build();
        TonalZones target = TonalZones.fromFindings(List.of(Finding.of("other", Severity.OK).message("m").build(),
                declaring));
        assertNotNull(target);
        assertEquals("acme.tilt", target.ruleId());
        double[] lo = new double[7];
        double[] hi = new double[7];
        target.zones(SessionFixtures.TONAL_HZ, lo, hi);
        assertEquals(1.0, lo[2], 1e-9);
        assertEquals(3.0, hi[2], 1e-9);
        assertEquals(-11.0, lo[6], 1e-9);
        assertEquals(-5.0, hi[6], 1e-9);
        assertEquals(-1.0, lo[3], 1e-9);
        assertTrue(Double.isNaN(lo[0]), "no target for a band the finding leaves out");
        assertEquals(" against the genre tilt and its tolerance (green)", target.caption());
        double[] one = {nan, 1, nan, nan, nan, nan, nan};
        assertEquals(null, TonalZones.fromFindings(List.of(Finding.of("acme.tilt", Severity.INFO).message("m")
                .tonalTarget(new io.mixbench.rule.TonalTarget(one, one)).build())), "one band is not a tilt");
        assertEquals(null, TonalZones.fromFindings(List.of(Finding.of("tonal.balance", Severity.INFO).message("m")
                .build())), "a rule id alone declares nothing");
    }

    @Test
    void movesComeFirstOneRowEachWithTheRulesLinkedToTheirFindings() throws Exception {
        AnalysisResult result = Fixtures.withKickFixAskedTwice();
        List<Finding> findings = result.findings();
        String html = render(result);
        int moves = html.indexOf("<section id=\"moves\">");
        assertTrue(moves > 0 && moves < html.indexOf("<section id=\"summary\">"), "the moves come first");
        String section = section(html, "moves");
        assertEquals(3, section.split("<tr class=\"move ", -1).length - 1, section);
        // One row for the kick, naming both rules, each linked to its finding.
        assertTrue(section.contains("<b>Invert the polarity of Kick, Lower Kick by 4.3 dB, note after the bus</b>"
                + "<br/><span class=\"why\">" + Fixtures.KICK_FIX + "</span></td><td class=\"rule\">"
                + "<a href=\"#finding-1\">kick.level</a>, <a href=\"#finding-" + (findings.size() - 1)
                + "\">kick.alt</a></td>"), section);
        int problem = section.indexOf("Invert the polarity of Kick");
        int vocal = section.indexOf("Raise Lead Vox by 2.3 dB");
        int ride = section.indexOf("Lower Kick by 1.0 dB; Lower Bass DI by 2.5 dB");
        assertTrue(problem > 0 && problem < vocal && vocal < ride, section);
        parse(html);
    }

    @Test
    void findingsAreGroupedBySeverityWithFixes() throws Exception {
        String html = render(Fixtures.withMix());
        String section = section(html, "findings");
        int error = section.indexOf("RULE ERROR");
        int problem = section.indexOf(Fixtures.KICK_PROBLEM);
        int warn = section.indexOf(Fixtures.VOCAL_WARN);
        int info = section.indexOf(Fixtures.BASS_INFO);
        assertTrue(error >= 0 && error < problem && problem < warn && warn < info, section);
        assertTrue(section.contains(Fixtures.KICK_FIX), section);
        assertTrue(section.contains("<code>Kick: gainDb -4.3, invertPolarity true, note after the bus</code>"),
                section);
        assertTrue(
                section.contains(
                        Fixtures.BASS_FIX + " <code>Kick: gainDb -1.0</code>; <code>Bass DI: gainDb -2.5</code>"),
                section);
        assertTrue(section.contains("Checks passed (3)"), section);
        // Tracks are linked to their rows.
        assertTrue(section.contains("<a class=\"track\" href=\"#track-0\">Kick</a>"), section);
    }

    @Test
    void declaresItsFormatAsServiceProperty() throws IOException {
        assertEquals("html", renderer.format());
        assertEquals("html", renderer.fileExtension());
        assertEquals("text/html", renderer.mediaType());
        try (InputStream in = getClass().getResourceAsStream(
                "/OSGI-INF/io.mixbench.report.standard.internal.HtmlReportRenderer.xml")) {
            assertNotNull(in, "bnd generated the component description");
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("name=\"report.format\"") && xml.contains("value=\"html\""), xml);
        }
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    @Test
    void theHeaderSaysWhatTheMixWasJudgedAs() throws IOException {
        String html = render(Fixtures.judgedAs(Fixtures.withMix(), Fixtures.GUESSED_MASTER));
        assertTrue(html.contains("<dt>Judged as</dt><dd>a master: guessed from the audio (-13.4 LUFS,"),
                html);
    }

    private String render(AnalysisResult result, VerifiedPlan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(result, ReportOptions.DEFAULT.withPlan(plan), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void thePlanComesFirstItsMovesInOrderWithTheirRulesLinkedAndSaysItIsPredicted() throws Exception {
        AnalysisResult result = Fixtures.withMix();
        String html = render(result, Fixtures.plan(result));
        int plan = html.indexOf("<section id=\"plan\">");
        assertTrue(plan > 0 && plan < html.indexOf("<section id=\"moves\">"), "the plan comes first");
        assertTrue(html.contains("<nav><a href=\"#plan\">Plan</a> <a href=\"#moves\">"), "and is in the nav");
        String section = section(html, "plan");
        assertTrue(section.contains("<h2>Plan: all moves at once</h2>"), section);
        assertEquals(3, section.split("<tr class=\"move ", -1).length - 1, section);
        // Order, move, kind, the rules linked to the finding that names the move's track (kick.level's rule error
        // names none).
        assertTrue(section.contains("<tr class=\"move level\"><td class=\"num\">1</td><td><b>Lower Kick by 4.3 dB</b>"
                + "</td><td>level</td><td class=\"rule\"><a href=\"#finding-1\">kick.level</a>, "
                + "<a href=\"#finding-3\">bass.under.kick</a></td></tr>"), section);
        assertTrue(section.contains("<td class=\"num\">2</td><td><b>Ride Lead Vox up by as much as 4.0 dB in 1 phrase"
                + "</b><br/><span class=\"why\">Ridden: 4 breakpoints from 0:00.5 to 0:03.5, -1.5 to +4.0 dB</span>"
                + "</td><td>ride</td>"), section);
        // A rule with no finding in this report is named, not linked.
        assertTrue(section.contains("<td>pan</td><td class=\"rule\">lowEnd.centred</td>"), section);
        // Counts in their severity's colour, a count of 0 in OK's.
        assertTrue(section.contains("Before: <span class=\"sev-problem\"><b>1</b> PROBLEM</span>, <span"
                + " class=\"sev-warn\"><b>2</b> WARN</span> \u2192 predicted: <span class=\"sev-ok\"><b>0</b>"
                + " PROBLEM</span>, <span class=\"sev-warn\"><b>1</b> WARN</span>"), section);
        assertTrue(section.contains("run <code>mixbench plan</code> to render and verify it"), section);
        assertFalse(section.toLowerCase().contains("verified") || section.contains("rendered and analysed"),
                "an unrendered plan is never said to be verified: " + section);
        assertTrue(section.contains("<h3>Not cleared</h3>\n<ul class=\"unresolved\"><li>"
                + Fixtures.PLAN_UNRESOLVED + "</li></ul>"), section);
        selfContainedAndLinked(html);
    }

    @Test
    void aRenderedPlanShowsTheRenderedSessionsCounts() throws Exception {
        AnalysisResult result = Fixtures.withMix();
        String section = section(render(result, Fixtures.renderedPlan(result)), "plan");
        assertTrue(section.contains("\u2192 after (rendered and analysed): <span class=\"sev-problem\"><b>1</b>"
                + " PROBLEM</span>, <span class=\"sev-ok\"><b>0</b> WARN</span></p>"), section);
        assertTrue(section.contains("Rendered session: " + Path.of("/renders/Song/Song.mixbench")), section);
        assertFalse(section.contains("predicted"), section);
    }

    @Test
    void noPlanOrAnEmptyPlanLeavesNoSection() throws Exception {
        AnalysisResult result = Fixtures.withMix();
        VerifiedPlan planned = Fixtures.plan(result);
        Plan p = planned.plan();
        VerifiedPlan empty = VerifiedPlan.unrendered(new Plan(p.ruleSetId(), List.of(), p.changes(), 0, 0,
                p.predicted(), p.unresolved(), p.refused()), result);
        for (String html : List.of(render(result), render(result, empty))) {
            assertFalse(html.contains("id=\"plan\"") || html.contains("href=\"#plan\""), html);
        }
    }

    @Test
    void aPlansTextsAreEscaped() throws Exception {
        AnalysisResult result = Fixtures.withMix();
        Plan p = Fixtures.plan(result).plan();
        Plan evil = new Plan(p.ruleSetId(), List.of(new PlannedMove("level:" + EVIL, MoveKind.LEVEL,
                List.of(Fix.gain(EVIL, -1)), List.of("rule<&>"), "Lower " + EVIL, List.of())), p.changes(), 0, 0,
                p.predicted(), List.of("why " + EVIL), Set.of(EVIL));
        String html = render(result, VerifiedPlan.unrendered(evil, result));
        assertFalse(html.contains("<script>"), html);
        String text = parse(html).getDocumentElement().getTextContent();
        assertTrue(text.contains("Lower " + EVIL) && text.contains("why " + EVIL) && text.contains("rule<&>")
                && text.contains("Refused: " + EVIL), text);
    }
}
