package io.mixbench.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole-process figures next to their goals and peers: one row per figure, printed as a Markdown table with
 * its columns lined up, so it reads in a terminal and pastes into docs/performance.md as it is.
 */
final class Table {

    static final List<String> HEADER = List.of("figure", "Mixbench", "goal", "peer(s)", "verdict");

    private Table() {
    }

    /** Whether a figure meets its goal. */
    enum Kind {
        MEETS, MISSES, NOT_JUDGED
    }

    /** A row's last column: meets, misses, or why it is not judged. */
    record Verdict(Kind kind, String text) {

        static final Verdict MEETS = new Verdict(Kind.MEETS, "meets");
        static final Verdict MISSES = new Verdict(Kind.MISSES, "misses");

        /** Meets when {@code value <= limit} (at the limit counts as met); not judged when there is no value. */
        static Verdict atMost(double value, double limit) {
            if (Double.isNaN(value) || Double.isNaN(limit)) {
                return notJudged("no figure");
            }
            return value <= limit ? MEETS : MISSES;
        }

        static Verdict notJudged(String why) {
            return new Verdict(Kind.NOT_JUDGED, "not judged: " + why);
        }
    }

    /** One figure: what it is, Mixbench's value, its goal, the peers' values and the verdict. */
    record Row(String figure, String mixbench, String goal, String peers, Verdict verdict) {

        List<String> cells() {
            return List.of(figure, mixbench, goal, peers, verdict.text());
        }
    }

    /** The rows under a header line and a separator line, every column padded to its widest cell. */
    static String format(List<Row> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row row : rows) {
            lines.add(row.cells().stream().map(Table::cell).toList());
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> line : lines) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            appendLine(out, lines.get(i), widths);
            if (i == 0) {
                appendLine(out, HEADER.stream().map(h -> "").toList(), widths, '-');
            }
        }
        return out.toString();
    }

    /** "Goals met: 5 of 8 judged; 2 not judged." */
    static String summary(List<Row> rows) {
        long met = rows.stream().filter(r -> r.verdict().kind() == Kind.MEETS).count();
        long judged = rows.stream().filter(r -> r.verdict().kind() != Kind.NOT_JUDGED).count();
        long notJudged = rows.size() - judged;
        return String.format(Locale.ROOT, "Goals met: %d of %d judged%s.", met, judged,
                notJudged == 0 ? "" : "; " + notJudged + " not judged");
    }

    // A pipe inside a cell would start a new column in Markdown; line breaks would break the row.
    private static String cell(String text) {
        return text.replace("|", "\\|").replace('\n', ' ');
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        appendLine(out, cells, widths, ' ');
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths, char pad) {
        out.append('|');
        for (int c = 0; c < widths.length; c++) {
            String text = cells.get(c);
            out.append(pad).append(text).append(String.valueOf(pad).repeat(widths[c] - text.length())).append(pad)
                    .append('|');
        }
        out.append('\n');
    }
}
