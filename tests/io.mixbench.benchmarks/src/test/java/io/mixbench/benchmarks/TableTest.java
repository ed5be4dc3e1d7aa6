package io.mixbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    private static final List<Table.Row> ROWS = List.of(
            new Table.Row("`mixbench --version`", "1.37 s (1.30..1.45), CPU 2.30 s", "<= 0.3 s",
                    "C tool 0.004 s; picocli Java CLI 0.31 s", Table.Verdict.atMost(1.37, 0.3)),
            new Table.Row("32 stems x 4 min from the cache", "0.62 s", "<= 0.8 s", "-",
                    Table.Verdict.atMost(0.62, 0.8)),
            new Table.Row("workbench: start to a drawn window", "n/a (no trace from the product)", "<= 1.0 s", "-",
                    Table.Verdict.notJudged("no figure")));

    @Test
    void everyColumnLinesUpUnderItsHeader() {
        List<String> lines = Table.format(ROWS).lines().toList();
        assertEquals(2 + ROWS.size(), lines.size(), "header, separator, one line per row");
        List<Integer> pipes = pipes(lines.get(0));
        assertEquals(6, pipes.size(), "five columns");
        for (String line : lines) {
            assertEquals(pipes, pipes(line), line);
        }
        assertEquals("| figure ", lines.get(0).substring(0, 9));
        assertTrue(lines.get(1).matches("\\|(-+\\|){5}"), "a Markdown separator line: " + lines.get(1));
        assertTrue(lines.get(2).contains("| 1.37 s (1.30..1.45), CPU 2.30 s |"), lines.get(2));
        assertTrue(lines.get(2).matches(".*\\| misses +\\|"), lines.get(2));
        assertTrue(lines.get(3).matches(".*\\| meets +\\|"), lines.get(3));
        assertTrue(lines.get(4).contains("| not judged: no figure |"), lines.get(4));
    }

    @Test
    void aPipeInACellIsEscapedSoItStaysOneCell() {
        String table = Table.format(List.of(new Table.Row("libebur128 I|LRA", "1 s", "-", "-",
                Table.Verdict.MEETS)));
        assertTrue(table.contains("libebur128 I\\|LRA"), table);
    }

    @Test
    void aFigureAtItsLimitMeetsItAndAboveMissesIt() {
        assertEquals(Table.Kind.MEETS, Table.Verdict.atMost(0.7, 0.7).kind());
        assertEquals(Table.Kind.MISSES, Table.Verdict.atMost(0.7001, 0.7).kind());
        assertEquals(Table.Kind.MEETS, Table.Verdict.atMost(0.2, 0.3).kind());
        assertEquals(Table.Kind.NOT_JUDGED, Table.Verdict.atMost(Double.NaN, 0.3).kind(), "no CPU figure");
    }

    @Test
    void theSummaryCountsOnlyJudgedRows() {
        assertEquals("Goals met: 1 of 2 judged; 1 not judged.", Table.summary(ROWS));
        assertEquals("Goals met: 1 of 1 judged.", Table.summary(ROWS.subList(1, 2)));
    }

    private static List<Integer> pipes(String line) {
        List<Integer> at = new java.util.ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\')) {
                at.add(i);
            }
        }
        return at;
    }
}
