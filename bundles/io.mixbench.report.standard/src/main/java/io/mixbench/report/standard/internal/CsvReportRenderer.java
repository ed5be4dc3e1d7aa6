package io.mixbench.report.standard.internal;

import io.mixbench.analysis.AnalysisResult;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.Scalar;
import io.mixbench.report.ReportOptions;
import io.mixbench.report.ReportRenderer;
import io.mixbench.rule.MeasuredTrack;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Component;

/**
 * The scalar measurements as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line end; UTF-8 without a byte-order mark): one header row, then one row per track in session order,
 * the mix included. Columns: name, role, file, then every scalar measurement id any track has, sorted, headed
 * "id [unit]". Values in full precision, plain decimal notation; empty where a track has no value. Contract:
 * docs/report-csv.md.
 */
@Component(service = ReportRenderer.class, property = ReportRenderer.FORMAT + "=" + CsvReportRenderer.FORMAT_ID)
public final class CsvReportRenderer implements ReportRenderer {

    static final String FORMAT_ID = "csv";
    private static final String EOL = "\r\n";

    @Override
    public String format() {
        return FORMAT_ID;
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv";
    }

    /** A column: a measurement id and the unit it has (an id measured in two units gets two columns). */
    private record Column(String id, String unit) implements Comparable<Column> {
        @Override
        public int compareTo(Column o) {
            int byId = id.compareTo(o.id);
            return byId != 0 ? byId : unit.compareTo(o.unit);
        }

        String header() {
            return unit.isEmpty() ? id : id + " [" + unit + "]";
        }
    }

    @Override
    public void render(AnalysisResult result, ReportOptions options, OutputStream out) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        TreeSet<Column> columns = new TreeSet<>();
        for (MeasuredTrack track : result.tracks()) {
            for (Map.Entry<String, Measurement> entry : track.measurements().entrySet()) {
                if (entry.getValue() instanceof Scalar scalar) {
                    columns.add(new Column(entry.getKey(), scalar.unit() == null ? "" : scalar.unit()));
                }
            }
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<String> header = new ArrayList<>(List.of("name", "role", "file"));
        for (Column column : columns) {
            header.add(text(column.header()));
        }
        row(w, header);
        for (MeasuredTrack track : result.tracks()) {
            List<String> row = new ArrayList<>(3 + columns.size());
            row.add(text(track.name()));
            row.add(text(track.track().role().id()));
            row.add(track.track().file() == null ? "" : text(track.track().file().toString()));
            Map<String, Measurement> measurements = new TreeMap<>(track.measurements());
            for (Column column : columns) {
                Measurement m = measurements.get(column.id());
                if (m instanceof Scalar scalar && scalar.present()
                        && column.unit().equals(scalar.unit() == null ? "" : scalar.unit())) {
                    row.add(number(scalar.value()));
                } else {
                    row.add("");
                }
            }
            row(w, row);
        }
        w.flush();
    }

    /** The shortest decimal that reads back as the same double, without an exponent, never "-0.0". */
    static String number(double value) {
        if (value == 0) {
            return "0";
        }
        String plain = new BigDecimal(Double.toString(value)).toPlainString();
        if (plain.contains(".")) {
            plain = plain.replaceAll("0+$", "");
            if (plain.endsWith(".")) {
                plain = plain.substring(0, plain.length() - 1);
            }
        }
        return plain;
    }

    /**
     * A text cell that a spreadsheet will not run: one starting with {@code = + - @}, a tab or a carriage return
     * would be read as a formula (OWASP, "CSV Injection"), so it gets a leading {@code '}, which spreadsheets show
     * as text and hide. Numbers are written by {@link #number} and never pass here.
     */
    static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r' || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20';
        return formula ? "'" + text : text;
    }

    private static void row(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(field(fields.get(i)));
        }
        w.write(EOL);
    }

    /** RFC 4180: quoted when it holds a comma, a quote, a line end, or starts or ends with a space. */
    static String field(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ';
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
