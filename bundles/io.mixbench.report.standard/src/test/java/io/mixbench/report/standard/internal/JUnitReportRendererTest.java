package io.mixbench.report.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.analysis.AppliedRule;
import io.mixbench.meter.Units;
import io.mixbench.report.ReportOptions;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.Severity;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class JUnitReportRendererTest {

    private static Schema schema;
    private final JUnitReportRenderer renderer = new JUnitReportRenderer();

    @BeforeAll
    static void loadSchema() throws SAXException {
        schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JUnitReportRendererTest.class.getResource("/junit.xsd"));
    }

    private String render(AnalysisResult result, Severity failOn) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(result, new ReportOptions(false, failOn), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void validate(String xml) throws Exception {
        schema.newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testCase(Document doc, String classname, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("classname").equals(classname) && c.getAttribute("name").equals(name)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void validatesAgainstTheJUnitSchema() throws Exception {
        for (AnalysisResult result : List.of(Fixtures.withMix(), Fixtures.withoutMix(), emptyResult(),
                SessionFixtures.session(new SessionFixtures.Options(8, 60, true, 1, true, true)))) {
            for (Severity failOn : List.of(Severity.WARN, Severity.PROBLEM)) {
                validate(render(result, failOn));
            }
        }
    }

    @Test
    void theSchemaRejectsWhatCiServersWouldNotRead() {
        // The schema must be able to fail: a test case without a name, a suite without counts.
        assertThrows(SAXException.class, () -> validate("<testsuites><testsuite name=\"x\" tests=\"1\" failures=\"0\""
                + " errors=\"0\"><testcase classname=\"a\"/></testsuite></testsuites>"));
        assertThrows(SAXException.class,
                () -> validate("<testsuites><testsuite name=\"x\" tests=\"1\"></testsuite></testsuites>"));
        assertThrows(SAXException.class, () -> validate("<testsuites><testsuite name=\"x\" tests=\"1\" failures=\"0\""
                + " errors=\"0\"><testcase name=\"a\"><oops/></testcase></testsuite></testsuites>"));
    }

    @Test
    void oneCasePerRuleAndTrackWithFailuresAtOrAboveTheThreshold() throws Exception {
        Document doc = parse(render(Fixtures.withMix(), Severity.PROBLEM));
        NodeList cases = doc.getElementsByTagName("testcase");
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertTrue(pairs.add(c.getAttribute("classname") + "/" + c.getAttribute("name")), "one case per pair");
        }
        // kick.level: the rule error (no track) and Kick's problem; vocal.lead: Lead Vox; bass.under.kick: Kick
        // (the first track of the WARN) and Bass DI (INFO); truepeak, headroom: Mix; snare.level: session.
        assertEquals(Set.of("kick.level/session", "kick.level/Kick", "vocal.lead/Lead Vox", "bass.under.kick/Kick",
                "bass.under.kick/Bass DI", "truepeak/Mix", "snare.level/session", "headroom/Mix"), pairs);

        Element kick = testCase(doc, "kick.level", "Kick");
        Element failure = (Element) kick.getElementsByTagName("failure").item(0);
        assertEquals(Fixtures.KICK_PROBLEM, failure.getAttribute("message"));
        assertEquals("problem", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().startsWith(Fixtures.KICK_FIX + "\n"), failure.getTextContent());
        assertTrue(failure.getTextContent().contains("Target: -12.0 to -10.0 dBFS"), failure.getTextContent());

        Element ruleError = testCase(doc, "kick.level", "session");
        assertEquals(1, ruleError.getElementsByTagName("error").getLength());
        assertEquals(Fixtures.RULE_ERROR,
                ((Element) ruleError.getElementsByTagName("error").item(0)).getAttribute("message"));

        // WARN under --fail-on problem passes, its message kept in system-out.
        Element vocal = testCase(doc, "vocal.lead", "Lead Vox");
        assertEquals(0, vocal.getElementsByTagName("failure").getLength());
        assertTrue(vocal.getElementsByTagName("system-out").item(0).getTextContent().contains(Fixtures.VOCAL_WARN));

        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("8", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("3.250", suite.getAttribute("time"));
        assertEquals("2026-11-26T15:37:07", suite.getAttribute("timestamp"));
    }

    @Test
    void failOnWarnTurnsWarningsIntoFailures() throws Exception {
        Document doc = parse(render(Fixtures.withMix(), Severity.WARN));
        Element vocal = testCase(doc, "vocal.lead", "Lead Vox");
        Element failure = (Element) vocal.getElementsByTagName("failure").item(0);
        assertNotNull(failure);
        assertEquals("warn", failure.getAttribute("type"));
        assertEquals(Fixtures.VOCAL_FIX + "\n", failure.getTextContent().lines().findFirst().get() + "\n");
        // INFO still passes.
        assertEquals(0, testCase(doc, "bass.under.kick", "Bass DI").getElementsByTagName("failure").getLength());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("3", suite.getAttribute("failures"), "Kick, Lead Vox and the Kick/Bass overlap");
    }

    @Test
    void rulesThatDidNotRunAreSkippedAndNamesAreEscaped() throws Exception {
        String evil = "Gtr \"L\" <1> & 'co'\n\u0007";
        Track track = new Track(evil, Path.of("/s/g.wav"), Role.GUITAR, null);
        MeasuredTrack measured = new MeasuredTrack(track, null, 1, Map.of(), null);
        Session session = new Session(Path.of("/s"), List.of(track), ExportKind.STEMS, PanLaw.MINUS_3_DB, null,
                Map.of());
        List<AppliedRule> rules = List.of(
                new AppliedRule("gainStaging", "Gain staging", "b", "1", Map.of(), "not-applicable"),
                new AppliedRule("quiet", "Quiet", "b", "1", Map.of(), "applied"),
                new AppliedRule("off", "Off", "b", "1", Map.of(), "disabled"));
        Finding finding = Finding.of("x<y", Severity.PROBLEM).tracks(evil).message("Bad \"" + evil + "\"")
                .measured(1, Units.DB, "m").build();
        AnalysisResult result = new AnalysisResult(session, null, List.of(measured), rules, List.of(finding),
                Fixtures.withMix().startedAt(), null, Map.of());
        String xml = render(result, Severity.PROBLEM);
        validate(xml);
        Document doc = parse(xml);
        assertEquals(1, testCase(doc, "gainStaging", "session").getElementsByTagName("skipped").getLength());
        assertEquals(1, testCase(doc, "off", "session").getElementsByTagName("skipped").getLength());
        Element quiet = testCase(doc, "quiet", "session");
        assertEquals(0, quiet.getChildNodes().getLength(), "a rule that reported nothing passes");
        String cleaned = evil.replace('\u0007', '\uFFFD');
        Element bad = testCase(doc, "x<y", cleaned);
        assertNotNull(bad, xml);
        assertEquals("Bad \"" + cleaned + "\"",
                ((Element) bad.getElementsByTagName("failure").item(0)).getAttribute("message"));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("2", suite.getAttribute("skipped"));
        assertEquals("0.000", suite.getAttribute("time"));
    }

    @Test
    void declaresItsFormat() throws IOException {
        assertEquals("junit", renderer.format());
        assertEquals("xml", renderer.fileExtension());
        try (InputStream in = getClass().getResourceAsStream(
                "/OSGI-INF/io.mixbench.report.standard.internal.JUnitReportRenderer.xml")) {
            assertNotNull(in, "bnd generated the component description");
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("name=\"report.format\"") && xml.contains("value=\"junit\""), xml);
        }
    }

    private static AnalysisResult emptyResult() {
        Session empty = new Session(Path.of("/s/empty"), List.of(), ExportKind.STEMS, PanLaw.MINUS_3_DB, null,
                Map.of());
        return new AnalysisResult(empty, null, List.of(), List.of(), List.of(), null, null, Map.of());
    }
}
