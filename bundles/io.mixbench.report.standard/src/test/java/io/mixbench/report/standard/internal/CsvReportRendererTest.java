package io.mixbench.report.standard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import io.mixbench.report.ReportOptions;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.session.ExportKind;
import io.mixbench.session.PanLaw;
import io.mixbench.session.Role;
import io.mixbench.session.Session;
import io.mixbench.session.Track;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvReportRendererTest {

    private final CsvReportRenderer renderer = new CsvReportRenderer();

    private String render(AnalysisResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(result, ReportOptions.DEFAULT, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** RFC 4180 strictly: one header row, every record as wide as the header. */
    private static List<CSVRecord> parse(String csv) throws IOException {
        CSVFormat strict = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(false).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), strict)) {
            List<CSVRecord> records = parser.getRecords();
            for (CSVRecord record : records) {
                assertTrue(record.isConsistent(), "record " + record.getRecordNumber() + " is as wide as the header");
            }
            return records;
        }
    }

    private static List<String> header(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return parser.getRecords().get(0).toList();
        }
    }

    @Test
    void oneRowPerTrackTheMixIncludedWithSortedUnitColumns() throws IOException {
        String csv = render(Fixtures.withMix());
        assertEquals(List.of("name", "role", "file", "integratedLoudness [LUFS]", "rms [dBFS]", "samplePeak [dBFS]",
                "truePeak [dBTP]"), header(csv));
        List<CSVRecord> rows = parse(csv);
        assertEquals(List.of("Kick", "Mix", "Bass DI", "Lead Vox", "Broken"),
                rows.stream().map(r -> r.get("name")).toList());
        CSVRecord kick = rows.get(0);
        assertEquals("kick", kick.get("role"));
        assertEquals(Fixtures.ROOT.resolve("01 Kick.wav").toString(), kick.get("file"));
        assertEquals(Fixtures.KICK_LOUDNESS, Double.parseDouble(kick.get("integratedLoudness [LUFS]")), 0.0,
                "full precision");
        assertEquals("-6.25", kick.get("samplePeak [dBFS]"));
        // The vocal's loudness is absent (silent): empty, as are the failed track's values.
        assertEquals("", rows.get(3).get("integratedLoudness [LUFS]"));
        assertEquals("-0.45", rows.get(1).get("truePeak [dBTP]"));
        for (String column : List.of("integratedLoudness [LUFS]", "rms [dBFS]", "samplePeak [dBFS]",
                "truePeak [dBTP]")) {
            assertEquals("", rows.get(4).get(column));
        }
        assertTrue(csv.endsWith("\r\n") && !csv.replace("\r\n", "").contains("\n"), "CRLF line ends");
    }

    @Test
    void quotesCommasQuotesAndLineEndsAndKeepsUtf8() throws IOException {
        String name = "Gtr, \"L\"\nÄ take";
        Track track = new Track(name, Path.of("/s/Gtr, L.wav"), Role.GUITAR, null);
        MeasuredTrack measured = new MeasuredTrack(track, null, 1, Map.of(MeasurementIds.SAMPLE_PEAK,
                Scalar.of(1e-7, Units.DBFS), "custom", Scalar.of(12345678912.5, ""), "dup", Scalar.of(1, Units.DB)),
                null);
        Track other = new Track(" lead ", Path.of("/s/v.wav"), Role.LEAD_VOCAL, null);
        MeasuredTrack second = new MeasuredTrack(other, null, 1, Map.of("dup", Scalar.of(2, Units.LU)), null);
        Session session = new Session(Path.of("/s"), List.of(track, other), ExportKind.STEMS, PanLaw.MINUS_3_DB, null,
                Map.of());
        AnalysisResult result = new AnalysisResult(session, null, List.of(measured, second), List.of(), List.of(),
                null, null, Map.of());
        String csv = render(result);
        List<CSVRecord> rows = parse(csv);
        assertEquals(name, rows.get(0).get("name"));
        assertEquals("/s/Gtr, L.wav", rows.get(0).get("file"));
        assertEquals(" lead ", rows.get(1).get("name"));
        assertEquals("0.0000001", rows.get(0).get("samplePeak [dBFS]"), "no exponent");
        assertEquals("12345678912.5", rows.get(0).get("custom"), "a unitless column has no brackets");
        // One id in two units: two columns, each value under its own unit.
        assertEquals("1", rows.get(0).get("dup [dB]"));
        assertEquals("", rows.get(0).get("dup [LU]"));
        assertEquals("2", rows.get(1).get("dup [LU]"));
        assertFalse(csv.startsWith("\uFEFF"), "no byte-order mark");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsNeutralised() throws IOException {
        List<String> hostile = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                "\tTab", "\rReturn", "\uFF1Dfull-width");
        List<MeasuredTrack> tracks = new java.util.ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            Track track = new Track(hostile.get(i), Path.of("/s/" + i + ".wav"), Role.OTHER, null);
            tracks.add(new MeasuredTrack(track, null, 1, Map.of(MeasurementIds.SAMPLE_PEAK, Scalar.of(-6.5, Units.DBFS),
                    "=evil", Scalar.of(1, "")), null));
        }
        Track file = new Track("Kick", Path.of("-rf.wav"), Role.KICK, null);
        tracks.add(new MeasuredTrack(file, null, 1, Map.of(), null));
        Session session = new Session(Path.of("/s"), tracks.stream().map(MeasuredTrack::track).toList(),
                ExportKind.STEMS, PanLaw.MINUS_3_DB, null, Map.of());
        String csv = render(new AnalysisResult(session, null, tracks, List.of(), List.of(), null, null, Map.of()));
        List<CSVRecord> rows = parse(csv);
        for (int i = 0; i < hostile.size(); i++) {
            assertEquals("'" + hostile.get(i), rows.get(i).get("name"), "a formula cell: " + hostile.get(i));
            assertEquals("-6.5", rows.get(i).get("samplePeak [dBFS]"), "numbers stay numbers");
        }
        assertTrue(header(csv).contains("'=evil"), "a plug-in meter's id is text too: " + header(csv));
        assertEquals("'-rf.wav", rows.get(hostile.size()).get("file"));
    }

    @Test
    void emptySessionIsJustTheHeader() throws IOException {
        Session empty = new Session(Path.of("/s"), List.of(), ExportKind.STEMS, PanLaw.MINUS_3_DB, null, Map.of());
        String csv = render(new AnalysisResult(empty, null, List.of(), List.of(), List.of(), null, null, Map.of()));
        assertEquals("name,role,file\r\n", csv);
        assertEquals(0, parse(csv).size());
    }

    @Test
    void numbersAreShortAndPlain() {
        assertEquals("0", CsvReportRenderer.number(-0.0));
        assertEquals("-16.123456789012344", CsvReportRenderer.number(-16.123456789012345));
        assertEquals("100", CsvReportRenderer.number(100));
        assertEquals("0.001", CsvReportRenderer.number(1e-3));
        assertEquals("\"a\"\"b\"", CsvReportRenderer.field("a\"b"));
        assertEquals("plain", CsvReportRenderer.field("plain"));
    }
}
