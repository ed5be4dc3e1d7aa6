package io.mixbench.plan.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.mixbench.plan.VerifiedPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlanJsonTest {

    /** The schema lives in the repository's docs, two levels above this module. */
    private static final Path SCHEMA = Path.of("../../docs/schema/plan.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static String text(VerifiedPlan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanJson.write(plan, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static JsonNode json(VerifiedPlan plan) throws IOException {
        return MAPPER.readTree(text(plan));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void renderedUnrenderedAndEmptyPlansValidateAgainstTheSchema() throws IOException {
        for (VerifiedPlan plan : List.of(PlanFixtures.rendered(), PlanFixtures.unrendered(), PlanFixtures.empty(),
                PlanFixtures.vocalNotDecoded())) {
            Set<ValidationMessage> errors = schema.validate(json(plan));
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    @Test
    void theSchemaRejectsBrokenPlans() throws IOException {
        List<Consumer<ObjectNode>> breakages = List.of(root -> root.remove("moves"),
                root -> ((ObjectNode) root.get("moves").get(0)).put("kind", "fader"),
                root -> ((ObjectNode) root.get("moves").get(3).get("ride").get(0)).put("seconds", -1),
                root -> ((ObjectNode) root.get("changes").get(0)).putNull("gainDb"),
                root -> ((ObjectNode) root.get("verified").get("mix")).remove("truePeakDbtp"),
                root -> ((ObjectNode) root.get("predicted").get("counts")).remove("warn"),
                root -> root.put("formatVersion", "1"));
        for (Consumer<ObjectNode> breakage : breakages) {
            ObjectNode broken = (ObjectNode) json(PlanFixtures.rendered());
            breakage.accept(broken);
            assertFalse(schema.validate(broken).isEmpty(), "the schema accepted " + broken);
        }
    }

    @Test
    void theHeadNamesTheFormatTheToolTheSessionAndTheRuleSet() throws IOException {
        JsonNode root = json(PlanFixtures.rendered());
        assertEquals(List.of("format", "formatVersion", "tool", "session", "ruleSetId", "moves", "changes",
                "commonGainDb", "busGainDb", "predicted", "unresolved", "refused", "verified"), fieldNames(root));
        assertEquals("mixbench-plan", root.get("format").asText());
        assertEquals(1, root.get("formatVersion").asInt());
        assertEquals("0.1.0", root.get("tool").get("version").asText());
        assertEquals("Song Ä", root.get("session").get("name").asText());
        assertEquals(PlanFixtures.ROOT.toAbsolutePath().toString(), root.get("session").get("location").asText());
        assertEquals("default", root.get("ruleSetId").asText());
        assertEquals(2.0, root.get("commonGainDb").asDouble());
        assertEquals(-0.5, root.get("busGainDb").asDouble());
        assertEquals(List.of("bus", "eq:Keys"), MAPPER.convertValue(root.get("refused"), List.class));
        assertEquals(1, root.get("unresolved").size());
    }

    @Test
    void movesKeepTheirOrderAndWriteFixesAsTheReportDoes() throws IOException {
        JsonNode moves = json(PlanFixtures.rendered()).get("moves");
        assertEquals(4, moves.size());
        assertEquals("common", moves.get(0).get("id").asText());
        assertEquals("level", moves.get(0).get("kind").asText());
        assertEquals("{\"track\":\"Mix\",\"gainDb\":2.0,\"allParts\":true}", moves.get(0).get("fixes").get(0)
                .toString());
        assertEquals("{\"track\":\"Kick\",\"gainDb\":-6.0}", moves.get(1).get("fixes").get(0).toString());

        JsonNode pan = moves.get(2);
        assertEquals("pan", pan.get("kind").asText());
        assertEquals(List.of("Bass"), MAPPER.convertValue(pan.get("tracks"), List.class), "each track once");
        assertEquals(2, pan.get("fixes").size());
        assertEquals(-3.5, pan.get("fixes").get(0).get("balanceDb").asDouble());
        JsonNode sideHighPass = pan.get("fixes").get(1);
        assertEquals(120.0, sideHighPass.get("sideHighPassHz").asDouble());
        assertEquals("linkwitz-riley", sideHighPass.get("filterType").asText());
        assertTrue(sideHighPass.get("filterSlopeDbPerOctave").isIntegralNumber(), "an integer stays one");
        assertEquals(List.of("bass.centre", "bass.mono"), MAPPER.convertValue(pan.get("rules"), List.class));
        assertEquals("Centre Bass: balance -3.5 dB, mono below 120 Hz", pan.get("text").asText());
        assertEquals(0, pan.get("ride").size(), "a static move has no ride");
    }

    @Test
    void aRidesBreakpointsCountSamplesAtThePartsOwnRate() throws IOException {
        JsonNode ride = json(PlanFixtures.rendered()).get("moves").get(3);
        assertEquals("ride", ride.get("kind").asText());
        assertEquals(10.0, ride.get("fixes").get(0).get("startSeconds").asDouble());
        JsonNode points = ride.get("ride");
        assertEquals(4, points.size());
        // Lead Vox is at 44.1 kHz (the kick and bass at 48 kHz).
        assertEquals("{\"seconds\":9.5,\"samples\":418950,\"gainDb\":0.0}", points.get(0).toString());
        assertEquals("{\"seconds\":10.0,\"samples\":441000,\"gainDb\":4.5}", points.get(1).toString());
        assertEquals(639450, points.get(3).get("samples").asLong());
    }

    @Test
    void aPartNotDecodedHasBreakpointsWithoutSamples() throws IOException {
        JsonNode points = json(PlanFixtures.vocalNotDecoded()).get("moves").get(3).get("ride");
        assertEquals("{\"seconds\":10.0,\"samples\":null,\"gainDb\":4.5}", points.get(1).toString());
    }

    @Test
    void changesCarryEveryFieldButTheNullOnes() throws IOException {
        JsonNode changes = json(PlanFixtures.rendered()).get("changes");
        assertEquals(3, changes.size());
        assertEquals(List.of("track", "gainDb", "ride", "invertPolarity", "balanceDb", "filterSlopeDbPerOctave"),
                fieldNames(changes.get(0)));
        assertEquals(-4.0, changes.get(0).get("gainDb").asDouble());
        JsonNode bass = changes.get(1);
        assertEquals(List.of("track", "gainDb", "ride", "invertPolarity", "balanceDb", "sideHighPassHz",
                "filterSlopeDbPerOctave"), fieldNames(bass));
        assertEquals(120.0, bass.get("sideHighPassHz").asDouble());
        JsonNode vocal = changes.get(2);
        assertEquals(PlanFixtures.VOCAL_STATIC_DB, vocal.get("gainDb").asDouble());
        assertEquals(4, vocal.get("ride").size());
        assertEquals(617400, vocal.get("ride").get(2).get("samples").asLong());
    }

    @Test
    void predictedCountsEverySeverityAndListsOnlyWarnAndProblemFindings() throws IOException {
        JsonNode predicted = json(PlanFixtures.rendered()).get("predicted");
        assertEquals("{\"ok\":0,\"info\":1,\"warn\":1,\"problem\":0,\"rule-error\":0}",
                predicted.get("counts").toString());
        assertEquals(1, predicted.get("findings").size());
        JsonNode finding = predicted.get("findings").get(0);
        assertEquals(List.of("rule", "severity", "tracks", "message"), fieldNames(finding));
        assertEquals("vocal.lead", finding.get("rule").asText());
        assertEquals("warn", finding.get("severity").asText());
        assertEquals("[\"Lead Vox\"]", finding.get("tracks").toString());
    }

    @Test
    void aRenderedPlanCarriesItsFilesTheCountsBeforeAndAfterAndTheMixMeasured() throws IOException {
        JsonNode verified = json(PlanFixtures.rendered()).get("verified");
        JsonNode files = verified.get("files");
        assertEquals(PlanFixtures.RENDERED.resolve("Song.mixbench").toString(), files.get("sessionFile").asText());
        assertEquals(3, files.get("stems").size());
        assertEquals("Lead Vox", files.get("stems").get(2).get("track").asText());
        assertEquals(PlanFixtures.RENDERED.resolve("Lead Vox.wav").toString(),
                files.get("stems").get(2).get("file").asText());
        assertEquals(PlanFixtures.RENDERED.resolve("Mix.wav").toString(), files.get("mix").asText());
        assertEquals(-1.25, files.get("mixPeakDbfs").asDouble());
        assertEquals(1, verified.get("before").get("counts").get("problem").asInt());
        assertEquals(2, verified.get("before").get("counts").get("warn").asInt());
        assertEquals(0, verified.get("after").get("counts").get("problem").asInt());
        assertEquals(1, verified.get("after").get("findings").size());
        assertEquals("Lead Vox sits 1.0 dB low at 31 s.",
                verified.get("after").get("findings").get(0).get("message").asText());
        assertEquals("{\"samplePeakDbfs\":-1.25,\"truePeakDbtp\":-0.75,\"integratedLoudnessLufs\":-14.5}",
                verified.get("mix").toString());
    }

    @Test
    void anUnrenderedPlanIsNotVerified() throws IOException {
        assertTrue(json(PlanFixtures.unrendered()).get("verified").isNull());
    }

    @Test
    void anEmptyPlanHasNoMovesAndEveryPartUnchanged() throws IOException {
        JsonNode root = json(PlanFixtures.empty());
        assertEquals(0, root.get("moves").size());
        assertEquals(2, root.get("changes").size());
        assertEquals(0.0, root.get("changes").get(1).get("gainDb").asDouble());
        assertEquals(0, root.get("predicted").get("findings").size());
        String text = text(PlanFixtures.empty());
        assertTrue(text.startsWith("{\n  \"format\": \"mixbench-plan\",\n"), "indented as the report: " + text);
        assertTrue(text.contains("\"moves\": [],\n"), text);
        assertTrue(text.endsWith("}\n"), "one document, ended by a line end");
        assertFalse(text.contains("\r"), "the same line ends on every platform");
    }
}
