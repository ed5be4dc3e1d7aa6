package io.mixbench.plan.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.analysis.MoveKind;
import io.mixbench.plan.Plan;
import io.mixbench.plan.PlannedMove;
import io.mixbench.plan.VerifiedPlan;
import io.mixbench.rule.Fix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class PlanCsvTest {

    static final List<String> HEADER = List.of("order", "id", "kind", "track", "gainDb", "allParts", "startSeconds",
            "endSeconds", "panPercent", "balanceDb", "widthPercent", "sideHighPassHz", "highPassHz", "filterType",
            "filterSlopeDbPerOctave", "invertPolarity", "truePeakLimitDbtp", "rules", "text", "otherActions");

    static String text(VerifiedPlan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanCsv.write(plan, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<CSVRecord> records(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void theHeaderNamesTheStandardActionColumns() throws IOException {
        String csv = text(PlanFixtures.rendered());
        assertEquals(String.join(",", HEADER) + "\r\n", csv.substring(0, csv.indexOf("\r\n") + 2));
        assertEquals(HEADER, CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))
                .getHeaderNames());
    }

    @Test
    void oneRowAFixInTheOrderOfTheMoves() throws IOException {
        List<CSVRecord> rows = records(text(PlanFixtures.rendered()));
        assertEquals(5, rows.size(), "four moves, the pan with two fixes");
        assertEquals(List.of("1", "2", "3", "3", "4"), rows.stream().map(r -> r.get("order")).toList());
        assertEquals(List.of("common", "level:Kick", "pan:Bass", "pan:Bass", "ride:Lead Vox"),
                rows.stream().map(r -> r.get("id")).toList());

        CSVRecord common = rows.get(0);
        assertEquals("level", common.get("kind"));
        assertEquals("Mix", common.get("track"));
        assertEquals("2", common.get("gainDb"));
        assertEquals("true", common.get("allParts"));
        assertEquals("", common.get("panPercent"));
        assertEquals("mix.loudness", common.get("rules"));
        assertEquals("Raise every part by 2.0 dB", common.get("text"));

        assertEquals("-6", rows.get(1).get("gainDb"), "a number stays a number, never guarded");
        CSVRecord lowEnd = rows.get(3);
        assertEquals("120", lowEnd.get("sideHighPassHz"));
        assertEquals("linkwitz-riley", lowEnd.get("filterType"));
        assertEquals("24", lowEnd.get("filterSlopeDbPerOctave"));
        assertEquals("bass.centre;bass.mono", lowEnd.get("rules"));
        assertEquals("Centre Bass: balance -3.5 dB, mono below 120 Hz", lowEnd.get("text"), "quoted for its comma");
        assertEquals("-3.5", rows.get(2).get("balanceDb"));

        CSVRecord ride = rows.get(4);
        assertEquals("ride", ride.get("kind"));
        assertEquals("4.5", ride.get("gainDb"));
        assertEquals("10", ride.get("startSeconds"));
        assertEquals("14", ride.get("endSeconds"));
    }

    @Test
    void otherActionsAreKeptAndTextCannotRunAsAFormula() throws IOException {
        PlannedMove odd = new PlannedMove("=cmd", MoveKind.OTHER,
                List.of(new Fix("-Vox, dry", Map.of("delayMs", 1.5))), List.of("plugin.rule"), "@SUM(A1)",
                List.of());
        VerifiedPlan plan = VerifiedPlan.unrendered(
                new Plan("default", List.of(odd), List.of(), 0, 0, List.of(), List.of(), Set.of()),
                PlanFixtures.before());
        CSVRecord row = records(text(plan)).get(0);
        assertEquals("'=cmd", row.get("id"));
        assertEquals("'-Vox, dry", row.get("track"));
        assertEquals("'@SUM(A1)", row.get("text"));
        assertEquals("delayMs=1.5", row.get("otherActions"));
    }

    @Test
    void anEmptyPlanIsTheHeaderAlone() throws IOException {
        String csv = text(PlanFixtures.empty());
        assertEquals(String.join(",", HEADER) + "\r\n", csv);
        assertTrue(records(csv).isEmpty());
    }

    @Test
    void numbersAreShortAndPlain() {
        assertEquals("0", CsvOut.number(-0.0));
        assertEquals("0.1", CsvOut.number(0.1));
        assertEquals("1000000", CsvOut.number(1e6));
        assertEquals("0.00001", CsvOut.number(1e-5));
        double third = -16.0 / 3;
        assertEquals(third, Double.parseDouble(CsvOut.number(third)), "full precision");
        assertEquals("-5.333333333333333", CsvOut.number(third));
        assertEquals("", CsvOut.number(Double.NaN));
    }
}
