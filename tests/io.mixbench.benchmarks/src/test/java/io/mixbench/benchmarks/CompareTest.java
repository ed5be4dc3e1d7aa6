package io.mixbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.meter.Measurement;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Units;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareTest {

    private static final double NAN = Double.NaN;

    private static Compare.Row row(double iMixbench, double iEbur128, double tpMixbench, double tpEbur128) {
        return new Compare.Row("f.wav", 2, 48000, 10, iMixbench, iEbur128, -1, -1, tpMixbench, tpEbur128, 5, 5,
                null);
    }

    @Test
    void integratedLoudnessMustAgreeWithin005Lu() {
        assertEquals(List.of(), Compare.violations(row(-23.04, -23.0, -1, -1)));
        assertEquals(List.of(), Compare.violations(row(-22.96, -23.0, -1, -1)));
        assertEquals(1, Compare.violations(row(-23.06, -23.0, -1, -1)).size());
        assertEquals(1, Compare.violations(row(-22.94, -23.0, -1, -1)).size());
    }

    @Test
    void truePeakMayReadHigherButNotMoreThan01DbLower() {
        assertEquals(List.of(), Compare.violations(row(-23, -23, -0.2, -1.0)));
        assertEquals(List.of(), Compare.violations(row(-23, -23, -1.09, -1.0)));
        List<String> low = Compare.violations(row(-23, -23, -1.11, -1.0));
        assertEquals(1, low.size());
        assertTrue(low.get(0).contains("true peak"), low.get(0));
    }

    @Test
    void silenceHasNoLoudnessInEitherToolButAValueInOnlyOneFails() {
        assertEquals(List.of(), Compare.violations(row(NAN, NAN, NAN, NAN)));
        assertEquals(1, Compare.violations(row(NAN, -70, -1, -1)).size());
        assertEquals(1, Compare.violations(row(-70, NAN, -1, -1)).size());
        assertEquals(1, Compare.violations(row(-23, -23, NAN, -1)).size());
    }

    @Test
    void aFileThatCannotBeMeasuredFailsTheCheck() {
        List<String> v = Compare.violations(Compare.Row.failed("x.wav", "libebur128: broken"));
        assertEquals(1, v.size());
        assertTrue(v.get(0).contains("broken"));
    }

    @Test
    void findsWavFilesInFoldersInOrder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/z.wav"), "");
        Files.writeString(dir.resolve("a.WAV"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        assertEquals(List.of(dir.resolve("a.WAV"), dir.resolve("b/z.wav")), Compare.files(dir));
        assertEquals(List.of(dir.resolve("notes.txt")), Compare.files(dir.resolve("notes.txt")));
    }

    @Test
    void readsLoudnessRangeOnlyInLu() {
        assertEquals(7.5, Compare.lra(Map.of("loudnessRange", Scalar.of(7.5, Units.LU))));
        assertTrue(Double.isNaN(Compare.lra(Map.<String, Measurement>of())));
        assertTrue(Double.isNaN(Compare.lra(Map.of("loudnessRange", Scalar.of(7.5, Units.DB)))));
    }

    @Test
    void printsOneLinePerFileWithDifferences() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Compare.print(List.of(row(-23.0, -23.25, -1, -1.5), Compare.Row.failed("bad.wav", "no decoder")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].contains("0.250") && lines[1].contains("0.50"), lines[1]);
        assertTrue(lines[2].startsWith("bad.wav") && lines[2].contains("no decoder"), lines[2]);
    }
}
