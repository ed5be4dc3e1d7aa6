package io.mixbench.plan.internal.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A CSV table of the plan's exports being written, with the CSV report's conventions (docs/report-csv.md): RFC 4180
 * (comma-separated, CRLF, quoted when a field holds a comma, a quote or a line end or starts or ends with a space),
 * UTF-8 without a byte-order mark, numbers in full precision and plain notation, text cells guarded against formulas.
 * Written here rather than with commons-csv: the quoting is a dozen lines, and the guard and the number form are
 * ours anyway.
 */
final class CsvOut {

    private static final String EOL = "\r\n";

    private final Writer writer;

    CsvOut(OutputStream out) {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** One row of cells already made with {@link #number} or {@link #text}; null or empty is an empty cell. */
    void row(List<String> cells) throws IOException {
        writer.write(cells.stream().map(CsvOut::quoted).collect(Collectors.joining(",", "", EOL)));
    }

    void flush() throws IOException {
        writer.flush();
    }

    /** The shortest decimal that reads back as the same double, without an exponent, never "-0"; empty for NaN. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return exact.scale() < 0 ? exact.setScale(0).toPlainString() : exact.toPlainString();
    }

    /**
     * A text cell a spreadsheet shows as text: one that starts with {@code = + - @}, a tab or a carriage return (or
     * their full-width forms) would run as a formula (OWASP, "CSV Injection"), so it gets a leading {@code '}.
     */
    static String text(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String quoted(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        boolean quote = cell.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                || cell.startsWith(" ") || cell.endsWith(" ");
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
