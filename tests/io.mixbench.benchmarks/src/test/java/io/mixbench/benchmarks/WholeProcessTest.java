package io.mixbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WholeProcessTest {

    /**
     * A stand-in for bin/mixbench: answers at once; for {@code gui} it counts its runs in a file beside itself and,
     * only when given the contract's options, prints GUI_TRACE on stderr.
     */
    private static final String FAKE_PRODUCT = """
            #!/bin/sh
            case "$1" in
              --version | --help) echo "Mixbench (fake)"; exit 0 ;;
              analyze) echo "Analysed" >&2; exit 1 ;;
              plan) exit 0 ;;
              gui)
                echo run >>"$0.gui-runs"
                case " $MIXBENCH_JAVA_OPTS " in
                  *" -Dmixbench.traceStartup=true "*) printf 'GUI_TRACE' >&2 ;;
                esac
                exit 0 ;;
            esac
            exit 2
            """;

    /** The launcher's own steps, which come before the workbench's. */
    private static final String LAUNCHER_TRACE = "[startup]    40 ms (+  40) launcher started\\n";

    @TempDir
    Path dir;

    @Test
    void aProductsFiguresEndInOneTableWithTheTracedWorkbenchSteps() throws IOException, URISyntaxException {
        String out = runOnFakeProduct(LAUNCHER_TRACE + "[startup]   420 ms (+ 380) window drawn\\n"
                + "Some log line\\n[startup]  1700 ms (+1280) findings shown\\n");

        List<String> table = out.lines().filter(l -> l.startsWith("|")).toList();
        assertEquals(2 + 10, table.size(), out);
        assertEquals(2, Files.readAllLines(dir.resolve("mixbench/bin/mixbench.gui-runs")).size(),
                "the workbench warmed up, then timed once");
        assertTrue(row(table, "`mixbench --version`").contains("picocli Java CLI"), out);
        assertTrue(row(table, "`analyze --no-cache`, one 2-s file").contains("libebur128 CLI"), out);
        String window = row(table, "workbench: start to a drawn window");
        assertTrue(window.contains("| 0.42 s since JVM start "), window);
        assertTrue(window.matches(".*\\| meets +\\|"), window);
        String findings = row(table, "workbench: start to findings (2 stems x 1 min, cached)");
        assertTrue(findings.contains("| 1.70 s since JVM start "), findings);
        assertTrue(findings.contains("not judged: smaller input (--brief)"), findings);
        assertTrue(row(table, "memory: one 1-min 96 kHz file, -Xmx256m").contains("| misses"),
                "this class path has no meters, so the memory run fails: " + out);
        assertTrue(out.contains("Goals met: "), out);
        assertFalse(Files.exists(dir.resolve("work/process")), "the generated audio is deleted");
    }

    @Test
    void aWorkbenchTraceWithoutItsStepsIsNoFigureAfterOneRun() throws IOException, URISyntaxException {
        String out = runOnFakeProduct(LAUNCHER_TRACE);

        List<String> table = out.lines().filter(l -> l.startsWith("|")).toList();
        for (String figure : List.of("workbench: start to a drawn window",
                "workbench: start to findings (2 stems x 1 min, cached)")) {
            String row = row(table, figure);
            assertTrue(row.contains("| n/a (no trace from the product) "), row);
            assertTrue(row.contains("| not judged: no figure "), row);
        }
        assertEquals(1, Files.readAllLines(dir.resolve("mixbench/bin/mixbench.gui-runs")).size(),
                "no more runs once one shows there is nothing to time");
    }

    /** Runs the whole-process section on the fake product, tiny inputs, one timed run; returns what it printed. */
    private String runOnFakeProduct(String guiTrace) throws IOException, URISyntaxException {
        Path product = script(dir.resolve("mixbench/bin/mixbench"), FAKE_PRODUCT.replace("GUI_TRACE", guiTrace));
        Files.createDirectories(dir.resolve("mixbench/conf"));
        Files.writeString(dir.resolve("mixbench/conf/jvm.options"), "-XX:+UseSerialGC\n");
        Path ebur128 = script(dir.resolve("ebur128-measure"), "#!/bin/sh\nexit 0\n");
        Path picocli = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new WholeProcess(product, ebur128, picocli, dir.resolve("work"), new WholeProcess.Sizes(1, 2, 2, 1, 1),
                new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String row(List<String> table, String figure) {
        return table.stream().filter(l -> l.startsWith("| " + figure + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + figure + " in\n" + String.join("\n", table)));
    }

    private static Path script(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void thePeerGetsTheProductsJvmOptionsWithoutItsClassDataArchive() {
        String jvmOptions = """
                # JVM options of bin/mixbench
                -XX:+UseSerialGC
                -XX:TieredStopAtLevel=1 -Xss1m  # two on a line, then a comment

                -XX:SharedArchiveFile=/opt/mixbench/lib/mixbench.jsa
                -XX:ArchiveClassesAtExit=/tmp/x.jsa
                -Xshare:auto
                """;
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss1m", "-Xshare:auto"),
                WholeProcess.peerJvmOptions(jvmOptions));
    }

    @Test
    void findsAProgramOnThePath() {
        assertNotNull(WholeProcess.onPath("sh"));
        assertNull(WholeProcess.onPath("no-such-program-mixbench"));
    }

    @Test
    void anErrorShowsTheLastTwentyLinesOfStderr() {
        String stderr = IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        List<String> tail = WholeProcess.tail(stderr + "\n").lines().toList();
        assertEquals(20, tail.size());
        assertEquals("line 11", tail.get(0));
        assertEquals("line 30", tail.get(19));
    }
}
