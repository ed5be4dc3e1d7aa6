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
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RideExportsTest {

    /** The schema lives in the repository's docs, two levels above this module. */
    private static final Path SCHEMA = Path.of("../../docs/schema/rides.schema.json");
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void jsonValidatesAgainstTheSchemaAndBrokenRidesDoNot() throws IOException {
        for (VerifiedPlan plan : List.of(PlanFixtures.rendered(), PlanFixtures.empty(), PlanFixtures.vocalNotDecoded(),
                PlanFixtures.ridingParts(3))) {
            Set<ValidationMessage> errors = schema.validate(json(plan));
            assertTrue(errors.isEmpty(), errors.toString());
        }
        ObjectNode broken = (ObjectNode) json(PlanFixtures.rendered());
        ((ObjectNode) broken.get("rides").get(0).get("breakpoints").get(0)).remove("totalGainDb");
        assertFalse(schema.validate(broken).isEmpty(), "the schema accepted " + broken);
    }

    private static String csv(VerifiedPlan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RideExports.writeCsv(plan, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(VerifiedPlan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RideExports.writeJson(plan, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void csvHasEveryBreakpointWithSamplesRideAndTotalGain() throws IOException {
        List<CSVRecord> rows = PlanCsvTest.records(csv(PlanFixtures.rendered()));
        assertEquals(4, rows.size(), "only the vocal is ridden");
        assertEquals(List.of("track", "seconds", "samples", "gainDb", "totalGainDb"), rows.get(0).getParser()
                .getHeaderNames());
        assertEquals(List.of("Lead Vox", "10", "441000", "4.5", "6"), rows.get(1).toList());
        assertEquals(List.of("Lead Vox", "14.5", "639450", "0", "1.5"), rows.get(3).toList());
    }

    @Test
    void ridesAreSortedByPartInSessionOrderThenTime() throws IOException {
        List<CSVRecord> rows = PlanCsvTest.records(csv(PlanFixtures.ridingParts(3)));
        assertEquals(6, rows.size());
        assertEquals(List.of("Part 1", "Part 1", "Part 2", "Part 2", "Part 3", "Part 3"),
                rows.stream().map(r -> r.get("track")).toList());
        assertEquals(List.of("1", "2", "1", "2", "1", "2"), rows.stream().map(r -> r.get("seconds")).toList());
        assertEquals("96000", rows.get(1).get("samples"), "2 s at 48 kHz");
    }

    @Test
    void jsonGroupsTheBreakpointsByPart() throws IOException {
        JsonNode root = json(PlanFixtures.rendered());
        assertEquals("mixbench-rides", root.get("format").asText());
        assertEquals(1, root.get("formatVersion").asInt());
        assertEquals("default", root.get("ruleSetId").asText());
        JsonNode rides = root.get("rides");
        assertEquals(1, rides.size());
        JsonNode vocal = rides.get(0);
        assertEquals("Lead Vox", vocal.get("track").asText());
        assertEquals(44100, vocal.get("sampleRateHz").asInt());
        assertEquals(1.5, vocal.get("staticGainDb").asDouble());
        assertEquals("{\"seconds\":10.0,\"samples\":441000,\"gainDb\":4.5,\"totalGainDb\":6.0}",
                vocal.get("breakpoints").get(1).toString());
    }

    @Test
    void aPartNotDecodedHasNoSamplePositions() throws IOException {
        List<CSVRecord> rows = PlanCsvTest.records(csv(PlanFixtures.vocalNotDecoded()));
        assertEquals(List.of("Lead Vox", "10", "", "4.5", "6"), rows.get(1).toList());
        JsonNode vocal = json(PlanFixtures.vocalNotDecoded()).get("rides").get(0);
        assertTrue(vocal.get("sampleRateHz").isNull());
        assertTrue(vocal.get("breakpoints").get(1).get("samples").isNull());
    }

    @Test
    void aPlanWithoutRidesGivesEmptyButValidExports() throws IOException {
        String csv = csv(PlanFixtures.empty());
        assertEquals("track,seconds,samples,gainDb,totalGainDb\r\n", csv);
        JsonNode root = json(PlanFixtures.empty());
        assertTrue(root.get("rides").isArray());
        assertEquals(0, root.get("rides").size());
    }
}
