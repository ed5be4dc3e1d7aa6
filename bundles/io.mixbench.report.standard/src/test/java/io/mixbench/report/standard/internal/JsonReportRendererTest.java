package io.mixbench.report.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.mixbench.analysis.AnalysisResult;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.Series;
import io.mixbench.meter.Units;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.report.ReportOptions;
import io.mixbench.rule.Finding;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.session.Role;
import io.mixbench.session.Track;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonReportRendererTest {

    /** The schema lives in the repository's docs, two levels above this module. */
    private static final Path SCHEMA = Path.of("../../docs/schema/report.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    private final JsonReportRenderer renderer = new JsonReportRenderer();

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private String renderText(AnalysisResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(result, ReportOptions.DEFAULT, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private JsonNode render(AnalysisResult result) throws IOException {
        return MAPPER.readTree(renderText(result));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static Set<ValidationMessage> validate(JsonNode report) {
        return schema.validate(report);
    }

    @Test
    void reportsWithAndWithoutMixValidateAgainstTheSchema() throws IOException {
        Set<ValidationMessage> withMix = validate(render(Fixtures.withMix()));
        assertTrue(withMix.isEmpty(), withMix::toString);
        Set<ValidationMessage> withoutMix = validate(render(Fixtures.withoutMix()));
        assertTrue(withoutMix.isEmpty(), withoutMix::toString);
    }

    @Test
    void exampleInTheDocsValidates() throws IOException {
        String doc = Files.readString(Path.of("../../docs/report-format.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```json\n");
        int end = doc.indexOf("```", start + 1);
        assertTrue(start >= 0 && end > start, "docs/report-format.md has a JSON example");
        JsonNode example = MAPPER.readTree(doc.substring(start + "```json\n".length(), end));
        Set<ValidationMessage> errors = validate(example);
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void schemaRejectsBrokenReports() throws IOException {
        JsonNode good = render(Fixtures.withMix());
        assertRejected(good, r -> ((ObjectNode) r.get("findings").get(0)).put("severity", "fatal"));
        assertRejected(good,
                r -> ((ObjectNode) r.get("tracks").get(0).get("measurements").get("samplePeak")).remove("unit"));
        assertRejected(good,
                r -> ((ObjectNode) r.get("tracks").get(0).get("measurements").get("momentaryLoudnessSeries"))
                        .remove("stepSeconds"));
        // A missing value needs its reason.
        assertRejected(good, r -> ((ObjectNode) r.get("tracks").get(2).get("measurements").get("integratedLoudness"))
                .remove("reason"));
        assertRejected(good, r -> ((ObjectNode) r.get("tracks").get(0)).put("role", "drummer"));
        assertRejected(good, r -> ((ObjectNode) r.get("session")).put("exportKind", "multitracks"));
        assertRejected(good, r -> ((ObjectNode) r.get("summary").get("counts")).remove("rule-error"));
        assertRejected(good, r -> ((ObjectNode) r).remove("findings"));
        assertRejected(good, r -> ((ObjectNode) r.get("mix")).put("role", "bass"));
        assertRejected(good, r -> ((ObjectNode) r.get("findings").get(1).get("fix")).putObject("gainDb"));
        assertRejected(good, r -> ((ObjectNode) r.get("findings").get(3).get("fixes").get(1)).remove("track"));
        assertRejected(good, r -> ((ObjectNode) r.get("moves").get(0)).remove("rules"));
        assertRejected(good, r -> ((ObjectNode) r.get("moves").get(0)).putArray("fixes"));
        // Additional fields are allowed: later versions add them.
        JsonNode extended = good.deepCopy();
        ((ObjectNode) extended).put("futureField", 1);
        ((ObjectNode) extended.get("tracks").get(0)).put("futureField", "x");
        assertTrue(validate(extended).isEmpty(), () -> validate(extended).toString());
    }

    private static void assertRejected(JsonNode good, Consumer<JsonNode> breakIt) {
        JsonNode broken = good.deepCopy();
        breakIt.accept(broken);
        assertFalse(validate(broken).isEmpty(), "the schema accepted " + broken);
    }

    @Test
    void topLevelFieldsComeInContractOrder() throws IOException {
        JsonNode report = render(Fixtures.withMix());
        assertEquals(List.of("format", "formatVersion", "tool", "versions", "analysedAt", "elapsedSeconds", "session",
                "ruleSet", "deliverable", "summary", "moves", "tracks", "mix", "findings", "groups"),
                fieldNames(report));
        assertEquals("mixbench-report", report.get("format").asText());
        assertEquals(4, report.get("formatVersion").asInt());
        assertEquals("Mixbench", report.at("/tool/name").asText());
        assertEquals("0.1.0", report.at("/tool/version").asText());
        assertEquals(List.of("io.mixbench.meter.standard", "io.mixbench.rules.standard", "mixbench"),
                fieldNames(report.get("versions")));
        assertEquals("2026-11-26T15:37:07.250Z", report.get("analysedAt").asText());
        assertEquals(3.25, report.get("elapsedSeconds").asDouble());
        assertEquals(List.of("location", "exportKind", "panLawDb", "panLawNote"), fieldNames(report.get("session")));
        assertEquals("stems", report.at("/session/exportKind").asText());
        assertEquals(-3.0, report.at("/session/panLawDb").asDouble());
        assertEquals("Mono parts are compared with stereo parts as if panned centre with a -3.0 dB pan law (+0.0 dB).",
                report.at("/session/panLawNote").asText());
        assertEquals(List.of("id", "title", "source", "rules"), fieldNames(report.get("ruleSet")));
        assertEquals(List.of("id", "title", "bundle", "bundleVersion", "outcome", "parameters"),
                fieldNames(report.at("/ruleSet/rules/0")));
        assertEquals(List.of("maxPeak", "minPeak"), fieldNames(report.at("/ruleSet/rules/0/parameters")));
        assertEquals(-10.0, report.at("/ruleSet/rules/0/parameters/maxPeak").asDouble());
        assertEquals(List.of("name", "role", "file", "group", "format", "durationSeconds", "measurements"),
                fieldNames(report.at("/tracks/0")));
        assertEquals(List.of("formatName", "sampleRateHz", "channels", "layout", "bitsPerSample", "encoding"),
                fieldNames(report.at("/tracks/0/format")));
        assertEquals(List.of("rule", "severity", "tracks", "message", "measured", "target", "fix", "fixes",
                "suggestion", "timeRanges"), fieldNames(report.at("/findings/1")));
    }

    @Test
    void writesTheSameBytesEveryTime() throws IOException {
        assertEquals(renderText(Fixtures.withMix()), renderText(Fixtures.withMix()));
    }

    @Test
    void mixIsSeparateFromTracks() throws IOException {
        JsonNode report = render(Fixtures.withMix());
        List<String> names = new ArrayList<>();
        report.get("tracks").forEach(t -> names.add(t.get("name").asText()));
        assertEquals(List.of("Kick", "Bass DI", "Lead Vox", "Broken"), names);
        assertEquals("Mix", report.at("/mix/name").asText());
        assertEquals("mix", report.at("/mix/role").asText());
        assertEquals(-0.45, report.at("/mix/measurements/truePeak/value").asDouble());

        JsonNode noMix = render(Fixtures.withoutMix());
        assertFalse(noMix.has("mix"));
        assertEquals(4, noMix.get("tracks").size());
    }

    @Test
    void trackFieldsAndFailedTrack() throws IOException {
        JsonNode report = render(Fixtures.withMix());
        JsonNode kick = report.at("/tracks/0");
        assertEquals("kick", kick.get("role").asText());
        assertEquals(Fixtures.ROOT.resolve("01 Kick.wav").toAbsolutePath().toString(), kick.get("file").asText());
        assertEquals("Kick", kick.get("group").asText());
        assertEquals(48000, kick.at("/format/sampleRateHz").asInt());
        assertEquals("mono", kick.at("/format/layout").asText());
        assertEquals("pcm-integer", kick.at("/format/encoding").asText());
        assertEquals("pcm-float", report.at("/tracks/2/format/encoding").asText());
        assertFalse(report.at("/tracks/1").has("group"), "group only when the track has one");
        assertFalse(kick.has("error"));

        JsonNode broken = report.at("/tracks/3");
        assertEquals("Broken", broken.get("name").asText());
        assertTrue(broken.get("format").isNull());
        assertTrue(broken.get("durationSeconds").isNull());
        assertEquals(Fixtures.BROKEN_ERROR, broken.get("error").asText());
        assertEquals(0, broken.get("measurements").size());
    }

    @Test
    void nanBecomesNullAndScalarsKeepFullPrecision() throws IOException {
        String text = renderText(Fixtures.withMix());
        assertFalse(text.contains("NaN"), "NaN is not JSON");
        assertTrue(text.contains(Double.toString(Fixtures.KICK_LOUDNESS)), "full double precision for scalars");
        JsonNode report = MAPPER.readTree(text);

        JsonNode loudness = report.at("/tracks/2/measurements/integratedLoudness");
        assertTrue(loudness.get("value").isNull());
        assertEquals(Units.LUFS, loudness.get("unit").asText());
        assertEquals("the track is silent", loudness.get("reason").asText());
        assertEquals(List.of("value", "unit", "reason"), fieldNames(loudness));

        JsonNode present = report.at("/tracks/0/measurements/integratedLoudness");
        assertEquals(Fixtures.KICK_LOUDNESS, present.get("value").doubleValue());
        assertEquals(List.of("value", "unit"), fieldNames(present));

        JsonNode perChannel = report.at("/tracks/2/measurements/truePeakPerChannel");
        assertEquals("[\"LEFT\",\"RIGHT\"]", perChannel.get("channels").toString());
        assertEquals(-2.5, perChannel.at("/values/0").asDouble());
        assertTrue(perChannel.at("/values/1").isNull());

        JsonNode series = report.at("/tracks/0/measurements/momentaryLoudnessSeries");
        assertEquals(0.1, series.get("stepSeconds").asDouble());
        assertTrue(series.at("/values/0").isNull());
        assertEquals(4, series.get("values").size());
        // Floats are written in their own shortest form, not widened to 0.10000000149011612.
        assertTrue(text.contains("[ null, -20.5, 0.1, -18.0 ]"), text);

        JsonNode spectrum = report.at("/tracks/0/measurements/spectrum");
        assertEquals(List.of("frequenciesHz", "values", "unit"), fieldNames(spectrum));
        assertEquals(63.0, spectrum.at("/frequenciesHz/1").asDouble());
        assertTrue(spectrum.at("/values/1").isNull());
        assertEquals(-42.25, spectrum.at("/values/2").asDouble());

        JsonNode target = report.at("/findings/3/target");
        assertTrue(target.get("min").isNull(), "open end of a target");
        assertEquals(-2.0, target.get("max").asDouble());
        // A change two tracks share: one fix per track, the first also as "fix".
        JsonNode shared = report.at("/findings/3");
        assertEquals("[{\"track\":\"Kick\",\"gainDb\":-1.0},{\"track\":\"Bass DI\",\"gainDb\":-2.5}]",
                shared.get("fixes").toString());
        assertEquals(shared.get("fixes").get(0), shared.get("fix"));
    }

    @Test
    void findingsKeepTheirOrderAndFlattenFixes() throws IOException {
        JsonNode report = render(Fixtures.withMix());
        List<String> severities = new ArrayList<>();
        report.get("findings").forEach(f -> severities.add(f.get("severity").asText()));
        assertEquals(List.of("rule-error", "problem", "warn", "warn", "info", "ok", "ok", "ok"), severities);

        JsonNode problem = report.at("/findings/1");
        assertEquals("kick.level", problem.get("rule").asText());
        assertEquals("[\"Kick\"]", problem.get("tracks").toString());
        assertEquals(Fixtures.KICK_PROBLEM, problem.get("message").asText());
        assertEquals(-6.25, problem.at("/measured/value").asDouble());
        assertEquals("dBFS", problem.at("/measured/unit").asText());
        assertEquals("kick hit peak, 95th percentile", problem.at("/measured/measure").asText());
        assertEquals(-12.0, problem.at("/target/min").asDouble());
        assertEquals(-10.0, problem.at("/target/max").asDouble());

        JsonNode fix = problem.get("fix");
        assertEquals(List.of("track", "gainDb", "invertPolarity", "note"), fieldNames(fix));
        assertEquals("Kick", fix.get("track").asText());
        assertTrue(fix.get("gainDb").isNumber());
        assertEquals(-4.3, fix.get("gainDb").asDouble());
        assertTrue(fix.get("invertPolarity").isBoolean() && fix.get("invertPolarity").asBoolean());
        assertEquals("after the bus", fix.get("note").asText());
        assertEquals(1, problem.get("fixes").size());
        assertEquals(fix, problem.get("fixes").get(0));
        assertEquals(Fixtures.KICK_FIX, problem.get("suggestion").asText());
        assertEquals(2, problem.get("timeRanges").size());
        assertEquals(62.0, problem.at("/timeRanges/1/startSeconds").asDouble());
        assertEquals(70.05, problem.at("/timeRanges/1/endSeconds").asDouble());

        JsonNode ruleError = report.at("/findings/0");
        assertTrue(ruleError.get("measured").isNull());
        assertTrue(ruleError.get("target").isNull());
        assertTrue(ruleError.get("fix").isNull());
        assertEquals(0, ruleError.get("fixes").size());
        assertTrue(ruleError.get("suggestion").isNull());
        assertEquals(0, ruleError.get("tracks").size());
        assertEquals(0, ruleError.get("timeRanges").size());
    }

    @Test
    void movesGroupTheFindingsByTheMoveTheyAskForAndEveryFindingStays() throws IOException {
        // A second rule asking for the kick's very fix: one move naming both rules.
        AnalysisResult result = Fixtures.withKickFixAskedTwice();
        List<Finding> findings = result.findings();
        JsonNode report = render(result);
        assertTrue(validate(report).isEmpty(), () -> validate(report).toString());
        assertEquals(findings.size(), report.get("findings").size(), "every finding stays");
        JsonNode moves = report.get("moves");
        assertEquals(3, moves.size(), moves.toString());
        JsonNode first = moves.get(0);
        assertEquals(List.of("track", "kind", "severity", "actions", "fixes", "rules", "findings", "shortText",
                "message", "gainWindow", "conflict"), fieldNames(first));
        assertEquals("Kick", first.get("track").asText());
        assertEquals("polarity", first.get("kind").asText());
        assertEquals("problem", first.get("severity").asText());
        assertEquals("[\"kick.level\",\"kick.alt\"]", first.get("rules").toString());
        assertEquals("[1," + (findings.size() - 1) + "]", first.get("findings").toString());
        assertEquals(-4.3, first.at("/actions/gainDb").asDouble());
        assertFalse(first.get("actions").has("track"), "actions are the fix's actions only");
        assertEquals(report.get("findings").get(1).get("fixes"), first.get("fixes"));
        assertEquals(Fixtures.KICK_FIX, first.get("message").asText());
        assertTrue(first.get("gainWindow").isNull());
        assertTrue(first.get("conflict").isNull());
        // The ride of kick and bass together is one move over both tracks; the vocal's raise is the other level move.
        assertEquals("Lead Vox", moves.get(1).get("track").asText());
        assertEquals("Raise Lead Vox by 2.3 dB", moves.get(1).get("shortText").asText());
        assertEquals(1.8, moves.get(1).at("/gainWindow/min").asDouble(), 1e-9);
        assertEquals(2, moves.get(2).get("fixes").size());
        assertEquals(result.moves().size(), moves.size(), "the analysis API's grouping, written as it is");
    }

    @Test
    void summaryCountsEverySeverity() throws IOException {
        JsonNode summary = render(Fixtures.withMix()).get("summary");
        assertEquals("rule-error", summary.get("verdict").asText());
        assertEquals(List.of("ok", "info", "warn", "problem", "rule-error"), fieldNames(summary.get("counts")));
        assertEquals(3, summary.at("/counts/ok").asInt());
        assertEquals(1, summary.at("/counts/info").asInt());
        assertEquals(2, summary.at("/counts/warn").asInt());
        assertEquals(1, summary.at("/counts/problem").asInt());
        assertEquals(1, summary.at("/counts/rule-error").asInt());

        AnalysisResult clean = new AnalysisResult(Fixtures.withMix().session(), Fixtures.withMix().ruleSet(),
                List.of(), List.of(), List.of(), Instant.EPOCH, Duration.ZERO, Map.of());
        JsonNode report = render(clean);
        assertEquals("ok", report.at("/summary/verdict").asText());
        assertEquals("unknown", report.at("/tool/version").asText());
        assertTrue(validate(report).isEmpty(), () -> validate(report).toString());
    }

    /** What the mix was judged as, where that came from, and the sentence the other reports show. */
    @Test
    void theDeliverableJudgedIsWritten() throws IOException {
        JsonNode report = render(Fixtures.judgedAs(Fixtures.withMix(), Fixtures.GUESSED_MASTER));
        assertEquals("master", report.at("/deliverable/id").asText());
        assertEquals("guessed", report.at("/deliverable/source").asText());
        assertEquals("from the audio (-13.4 LUFS, PLR 12.6 LU, median PSR 11.9 LU, true peak -0.8 dBTP)",
                report.at("/deliverable/reason").asText());
        assertEquals(Fixtures.GUESSED_MASTER.describe(), report.at("/deliverable/text").asText());
        assertTrue(validate(report).isEmpty(), () -> validate(report).toString());
        assertRejected(report, r -> ((ObjectNode) r.get("deliverable")).put("id", "final"));
        JsonNode byDefault = render(Fixtures.withMix());
        assertEquals("pre-master", byDefault.at("/deliverable/id").asText());
    }

    @Test
    void writesUtf8PrettyPrintedAndLeavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        renderer.render(Fixtures.withMix(), ReportOptions.DEFAULT, out);
        assertFalse(closed[0], "the caller owns the stream");
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("Song \u00c4"), "non-ASCII path written as UTF-8");
        assertTrue(text.startsWith("{\n  \"format\": \"mixbench-report\",\n  \"formatVersion\": 4,\n"), text);
        assertTrue(text.endsWith("}\n"));
        assertEquals("json", renderer.format());
        assertEquals("application/json", renderer.mediaType());
    }

    @Test
    void longSeriesAreWrittenCompletely() throws IOException {
        int size = 200_000;
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = i % 1000 == 0 ? Float.NaN : -0.5f * (i % 100);
        }
        Track track = new Track("Long", Fixtures.ROOT.resolve("long.wav"), Role.PAD, null);
        MeasuredTrack measured = new MeasuredTrack(track, null, size * 0.1,
                Map.of("momentaryLoudnessSeries", new Series(0.1, values, Units.LUFS)), null);
        AnalysisResult base = Fixtures.withoutMix();
        AnalysisResult result = new AnalysisResult(base.session(), base.ruleSet(), List.of(measured), List.of(),
                List.of(), base.startedAt(), base.elapsed(), base.versions());
        JsonNode report = render(result);
        ArrayNode written = (ArrayNode) report.at("/tracks/0/measurements/momentaryLoudnessSeries/values");
        assertEquals(size, written.size());
        assertTrue(written.get(1000).isNull());
        assertEquals(-0.5 * 99, written.get(99).asDouble());
        assertTrue(validate(report).isEmpty());
    }

    @Test
    void unknownMeasurementTypesAreWrittenAsAbsentValues() throws IOException {
        Measurement custom = () -> "widgets";
        Track track = new Track("Custom", Fixtures.ROOT.resolve("custom.wav"), Role.SYNTH, null);
        MeasuredTrack measured = new MeasuredTrack(track, null, 1.0, Map.of("widgetCount", custom), null);
        AnalysisResult base = Fixtures.withoutMix();
        AnalysisResult result = new AnalysisResult(base.session(), base.ruleSet(), List.of(measured), List.of(),
                List.of(), base.startedAt(), base.elapsed(), base.versions());
        JsonNode report = render(result);
        JsonNode written = report.at("/tracks/0/measurements/widgetCount");
        assertTrue(written.get("value").isNull());
        assertEquals("widgets", written.get("unit").asText());
        assertTrue(written.get("reason").asText().contains("not supported"), written::toString);
        assertTrue(validate(report).isEmpty(), () -> validate(report).toString());
    }

    @Test
    void declaresItsFormatAsServiceProperty() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(
                "/OSGI-INF/io.mixbench.report.standard.internal.JsonReportRenderer.xml")) {
            assertTrue(in != null, "bnd generated the component description");
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("name=\"report.format\"") && xml.contains("value=\"json\""), xml);
            assertTrue(xml.contains("interface=\"io.mixbench.report.ReportRenderer\""), xml);
        }
    }

    private JsonNode render(AnalysisResult result, VerifiedPlan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(result, ReportOptions.DEFAULT.withPlan(plan), out);
        return MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void thePlanIsATopLevelObjectAfterTheMovesAndValidates() throws IOException {
        AnalysisResult result = Fixtures.withMix();
        JsonNode report = render(result, Fixtures.plan(result));
        Set<ValidationMessage> errors = validate(report);
        assertTrue(errors.isEmpty(), errors::toString);
        List<String> top = fieldNames(report);
        assertEquals(top.indexOf("moves") + 1, top.indexOf("plan"), top.toString());
        JsonNode plan = report.get("plan");
        assertEquals(List.of("ruleSet", "rendered", "sessionFile", "moves", "commonGainDb", "busGainDb", "before",
                "predicted", "after", "unresolved", "refused"), fieldNames(plan));
        assertFalse(plan.get("rendered").asBoolean());
        assertTrue(plan.get("after").isNull() && plan.get("sessionFile").isNull(), plan.toString());
        assertEquals(1, plan.at("/before/problem").asInt());
        assertEquals(2, plan.at("/before/warn").asInt());
        assertEquals(0, plan.at("/predicted/problem").asInt());
        assertEquals(1, plan.at("/predicted/warn").asInt());
        assertEquals(1, plan.at("/predicted/ok").asInt());
        JsonNode kick = plan.at("/moves/0");
        assertEquals(List.of("id", "kind", "tracks", "fixes", "rules", "text", "ride"), fieldNames(kick));
        assertEquals("level:Kick", kick.get("id").asText());
        assertEquals("level", kick.get("kind").asText());
        assertEquals("[\"Kick\"]", kick.get("tracks").toString());
        assertEquals("{\"track\":\"Kick\",\"gainDb\":-4.3}", kick.at("/fixes/0").toString(),
                "fixes as the report writes them");
        assertEquals("[\"kick.level\",\"bass.under.kick\"]", kick.get("rules").toString());
        assertEquals("Lower Kick by 4.3 dB", kick.get("text").asText());
        assertEquals(0, kick.get("ride").size());
        JsonNode ride = plan.at("/moves/1");
        assertEquals("ride", ride.get("kind").asText());
        assertEquals(4, ride.get("ride").size());
        assertEquals(1.0, ride.at("/ride/1/seconds").asDouble());
        assertEquals(4.0, ride.at("/ride/1/gainDb").asDouble());
        assertEquals(0.5, ride.at("/fixes/0/startSeconds").asDouble());
        assertEquals(Fixtures.PLAN_UNRESOLVED, plan.at("/unresolved/0").asText());
        assertEquals(4, report.get("formatVersion").asInt());
    }

    @Test
    void aRenderedPlanHasItsAfterCountsAndNoPlanNoObject() throws IOException {
        AnalysisResult result = Fixtures.withMix();
        JsonNode plan = render(result, Fixtures.renderedPlan(result)).get("plan");
        assertTrue(validate(render(result, Fixtures.renderedPlan(result))).isEmpty());
        assertTrue(plan.get("rendered").asBoolean());
        assertEquals(1, plan.at("/after/problem").asInt());
        assertEquals(0, plan.at("/after/warn").asInt());
        assertEquals(Path.of("/renders/Song/Song.mixbench").toAbsolutePath().toString(),
                plan.get("sessionFile").asText());
        assertFalse(render(result).has("plan"), "no plan: no object");
    }

    @Test
    void schemaRejectsABrokenPlan() throws IOException {
        AnalysisResult result = Fixtures.withMix();
        JsonNode good = render(result, Fixtures.plan(result));
        assertRejected(good, r -> ((ObjectNode) r.get("plan")).remove("moves"));
        assertRejected(good, r -> ((ObjectNode) r.at("/plan/moves/0")).putArray("fixes"));
        assertRejected(good, r -> ((ObjectNode) r.at("/plan/moves/1/ride/0")).remove("gainDb"));
        assertRejected(good, r -> ((ObjectNode) r.at("/plan/predicted")).remove("warn"));
        assertRejected(good, r -> ((ObjectNode) r.get("plan")).put("after", "none"));
    }
}
