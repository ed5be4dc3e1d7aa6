package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/mixbench as a user runs it: exit codes, stdout only for the report, broken files. */
class CliProcessTest {

    @Test
    void helpListsTheCommands() throws Exception {
        Product.Run run = Product.process(Map.of(), 60, "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("analyze") && run.out().contains("Exit codes"), run.out());
    }

    @Test
    void jsonOnStdoutProgressOnStderr() throws Exception {
        Product.Run run = Product.process(Map.of(), 60, "analyze", Product.demo("flawed").toString(), "--format",
                "json");
        assertEquals(1, run.exitCode(), run.err());
        JsonNode report = Product.JSON.readTree(run.out());
        ReportSchema.assertValid(report);
        assertTrue(run.err().contains("Analysing"), run.err());
    }

    @Test
    void severalProcessesRunAtOnceAndAgree(@TempDir Path work) throws Exception {
        // A session of its own, named as the demo: the processes race to measure it and to write its cache.
        Path session = Files.createDirectories(work.resolve("flawed"));
        try (Stream<Path> files = Files.list(Product.demo("flawed"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, session.resolve(file.getFileName()));
            }
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var runs = new java.util.ArrayList<java.util.concurrent.Future<Product.Run>>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> Product.process(Map.of(), 120, "analyze", session.toString(),
                        "--format", "json", "--quiet")));
            }
            JsonNode fresh = StartupTest.withoutTimes(Product.process(Map.of(), 120, "analyze",
                    Product.demo("flawed").toString(), "--format", "json", "--quiet", "--no-cache").out());
            for (var run : runs) {
                Product.Run r = run.get();
                assertEquals(1, r.exitCode(), r.err());
                JsonNode report = Product.JSON.readTree(r.out());
                ReportSchema.assertValid(report);
                assertEquals(fresh.toString().replace(Product.demo("flawed").toString(), session.toString()),
                        StartupTest.withoutTimes(r.out()).toString());
            }
            JsonNode cached = StartupTest.withoutTimes(Product.process(Map.of(), 120, "analyze", session.toString(),
                    "--format", "json", "--quiet").out());
            assertEquals(fresh.toString().replace(Product.demo("flawed").toString(), session.toString()),
                    cached.toString(), "what they cached");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void textReportNamesTheFixes() throws Exception {
        Product.Run run = Product.process(Map.of(), 60, "analyze", Product.demo("flawed").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("Kick") && run.out().contains("Lead Vox"), run.out());
        assertFalse(run.out().contains("\u001b["), "no colour when stdout is not a terminal");
    }

    /** Reports are ordinary user files: the umask decides who may read them, as for any other program. */
    @Test
    void reportsHonourTheUmask(@TempDir Path work) throws Exception {
        Path out = work.resolve("reports/flawed");
        Product.Run run = Product.processUnderUmask("077", 60, "analyze", Product.demo("flawed").toString(),
                "--format", "json,csv", "--out", out.toString(), "--quiet");
        assertEquals(1, run.exitCode(), run.err());
        for (String name : java.util.List.of("flawed.json", "flawed.csv")) {
            Path report = work.resolve("reports").resolve(name);
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(report)), name);
        }
    }

    /** A run killed while writing leaves a temporary file; the next run of the same report removes it. */
    @Test
    void aKilledRunsTemporaryReportIsRemovedByTheNextRun(@TempDir Path work) throws Exception {
        Path reports = Files.createDirectories(work.resolve("reports"));
        Path stale = Files.writeString(reports.resolve(".flawed.json.8214431.tmp"), "{\"half\": ");
        Product.Run run = Product.process(Map.of(), 60, "analyze", Product.demo("flawed").toString(), "--format",
                "json", "--out", reports.resolve("flawed.json").toString(), "--quiet");
        assertEquals(1, run.exitCode(), run.err());
        assertFalse(Files.exists(stale), "the stale temporary file is gone");
        ReportSchema.assertValid(Product.JSON.readTree(reports.resolve("flawed.json").toFile()));
    }

    /** A file name can carry terminal escape sequences: stderr shows them, it does not send them. */
    @Test
    void escapeSequencesInFileNamesDoNotReachTheTerminal(@TempDir Path work) throws Exception {
        Path session = Files.createDirectories(work.resolve("session"));
        Files.copy(Product.demo("clean").resolve("Kick.wav"),
                session.resolve("Kick \u001b]0;owned\u0007\u001b[2J.wav"));
        Files.writeString(session.resolve("Bass \u001b[31m.wav"), "not audio");
        Product.Run run = Product.process(Map.of(), 60, "analyze", session.toString(), "--format", "json");
        assertFalse(run.err().contains("\u001b"), "no raw escape on stderr: " + run.err());
        assertTrue(run.err().contains("\\x1b[31m"), "the name is shown with the escape made visible: " + run.err());
    }

    /** A batch of deliveries in one process: a report per input, the worst exit code, a bad input not fatal. */
    @Test
    void eachInputIsASessionOfItsOwn(@TempDir Path work) throws Exception {
        Path bounce = Files.copy(Product.demo("clean").resolve("Mix.wav"), work.resolve("Delivery 1.wav"));
        Path out = work.resolve("reports");
        Product.Run run = Product.process(Map.of(), 120, "analyze", "--each", Product.demo("clean").toString(),
                Product.demo("flawed").toString(), bounce.toString(), work.resolve("missing").toString(), "--format",
                "json,html", "--out", out.toString(), "--quiet");
        assertEquals(2, run.exitCode(), "an input that could not be analysed outranks findings: " + run.err());
        assertTrue(run.err().contains("missing"), run.err());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(java.util.Set.of("clean.json", "clean.html", "flawed.json", "flawed.html", "Delivery 1.json",
                    "Delivery 1.html"),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors
                            .toSet()));
        }
        JsonNode clean = Product.JSON.readTree(Files.readString(out.resolve("clean.json")));
        ReportSchema.assertValid(clean);
        assertTrue(clean.get("session").get("location").asText().endsWith("clean"), clean.get("session").toString());
        JsonNode flawed = Product.JSON.readTree(Files.readString(out.resolve("flawed.json")));
        assertFalse(Findings.ofRule(flawed, "kick.level").isEmpty());
        JsonNode delivery = Product.JSON.readTree(Files.readString(out.resolve("Delivery 1.json")));
        assertEquals(0, delivery.get("tracks").size(), "a lone bounce is the mix, not a part: " + delivery);
        assertEquals("Delivery 1", delivery.get("mix").get("name").asText(), delivery.get("mix").toString());

        // text reports one after another on stdout; the flawed session's problems decide the exit code
        Product.Run text = Product.process(Map.of(), 120, "analyze", "--each", Product.demo("clean").toString(),
                Product.demo("flawed").toString(), "--quiet");
        assertEquals(1, text.exitCode(), text.err());
        // one report per input, each opening with its one-line header
        assertEquals(2, text.out().lines().filter(l -> l.startsWith("Mixbench ") && l.contains(": ")).count(),
                text.out());

        Product.Run noOut = Product.process(Map.of(), 60, "analyze", "--each", bounce.toString(), "--format",
                "json");
        assertEquals(2, noOut.exitCode());
        assertTrue(noOut.err().contains("--out FOLDER"), noOut.err());
    }

    @Test
    void aReportThatCannotBeWrittenDoesNotStopTheBatch(@TempDir Path work) throws Exception {
        Path out = Files.createDirectories(work.resolve("reports"));
        Files.createDirectories(out.resolve("clean.json")); // a folder where the first report should go
        Product.Run run = Product.process(Map.of(), 120, "analyze", "--each", Product.demo("clean").toString(),
                Product.demo("flawed").toString(), "--format", "json", "--out", out.toString(), "--quiet");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("clean"), run.err());
        ReportSchema.assertValid(Product.JSON.readTree(Files.readString(out.resolve("flawed.json"))));
    }

    @Test
    void brokenFilesAreReportedAndTheRestIsAnalysed(@TempDir Path session) throws Exception {
        try (Stream<Path> stems = Files.list(Product.demo("clean"))) {
            for (Path stem : stems.toList()) {
                Files.copy(stem, session.resolve(stem.getFileName()));
            }
        }
        writeTruncatedWav(session.resolve("Gtr L.wav"));
        Files.write(session.resolve("Keys.wav"), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0,
                0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1});
        Product.Run run = Product.process(Map.of(), 60, "analyze", session.toString(), "--format", "json");
        assertEquals(1, run.exitCode(), run.err());
        JsonNode report = Product.JSON.readTree(run.out());
        ReportSchema.assertValid(report);
        JsonNode guitar = Findings.ofRule(report, "decode").stream()
                .filter(f -> f.get("tracks").get(0).asText().equals("Gtr L")).findFirst().orElseThrow();
        assertEquals("problem", guitar.get("severity").asText());
        assertTrue(guitar.get("message").asText().contains("Gtr L.wav")
                && guitar.get("message").asText().contains("truncated"), guitar.toString());
        JsonNode keys = Findings.ofRule(report, "decode").stream()
                .filter(f -> f.get("tracks").get(0).asText().equals("Keys")).findFirst().orElseThrow();
        assertTrue(keys.get("message").asText().contains("Keys.wav")
                && keys.get("message").asText().contains("JPEG"), keys.toString());
        int measured = 0;
        for (JsonNode t : report.get("tracks")) {
            if (t.get("measurements").has("samplePeak")) {
                measured++;
            }
        }
        assertEquals(5, measured, "the five good stems were analysed");
        assertTrue(report.get("mix").get("measurements").has("integratedLoudness"));
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path empty) throws Exception {
        assertEquals(2, Product.process(Map.of(), 60, "analyze", Product.demo("clean").toString(), "--format",
                "xml").exitCode());
        assertEquals(2, Product.process(Map.of(), 60, "analyze", empty.resolve("missing").toString()).exitCode());
        assertEquals(2, Product.process(Map.of(), 60, "analyze", empty.toString()).exitCode(), "nothing to analyse");
        assertEquals(2, Product.process(Map.of(), 60, "frobnicate").exitCode());
    }

    /** A valid 24-bit WAV with its last 40 % cut off, as an interrupted copy leaves it. */
    static void writeTruncatedWav(Path file) throws IOException {
        float[][] tone = new float[2][44_100];
        for (int i = 0; i < tone[0].length; i++) {
            tone[0][i] = tone[1][i] = (float) (0.25 * Math.sin(2 * Math.PI * 330 * i / 44_100.0));
        }
        Path whole = file.resolveSibling("whole.tmp");
        WavWriter.write(whole, 44_100, WavEncoding.PCM_24, tone);
        byte[] bytes = Files.readAllBytes(whole);
        Files.delete(whole);
        Files.write(file, java.util.Arrays.copyOf(bytes, (int) (bytes.length * 0.6)));
    }
}
