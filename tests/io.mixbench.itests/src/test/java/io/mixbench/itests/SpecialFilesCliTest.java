package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/mixbench on what is not a regular file, on a damaged analysis cache, and on a session whose rule set points out
 * of its folder. A hang would end the process at Product.process's time limit and fail the test.
 */
class SpecialFilesCliTest {

    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + path);
        return path;
    }

    static Path copyOfDemo(String variant, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> stems = Files.list(Product.demo(variant))) {
            for (Path stem : stems.filter(Files::isRegularFile).toList()) {
                Files.copy(stem, to.resolve(stem.getFileName()));
            }
        }
        return to;
    }

    @Test
    void aFifoAmongTheEachInputsIsRefusedAndTheBatchGoesOn(@TempDir Path work) throws Exception {
        Path fifo = mkfifo(work.resolve("late.wav"));
        Path zero = Files.createSymbolicLink(work.resolve("zero.wav"), Path.of("/dev/zero"));
        Path out = work.resolve("reports");
        Product.Run run = Product.process(Map.of(), 180, "analyze", "--each", Product.demo("clean").toString(),
                fifo.toString(), zero.toString(), Product.demo("flawed").toString(), "--format", "json", "--out",
                out.toString(), "--quiet");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("mixbench: " + fifo + ": not a regular file"), run.err());
        assertTrue(run.err().contains("mixbench: " + zero + ": not a regular file"), run.err());
        ReportSchema.assertValid(Product.JSON.readTree(Files.readString(out.resolve("clean.json"))));
        ReportSchema.assertValid(Product.JSON.readTree(Files.readString(out.resolve("flawed.json"))));
    }

    @Test
    void aFifoAsATrackOrARuleSetIsRefused(@TempDir Path work) throws Exception {
        Path session = copyOfDemo("clean", work.resolve("song"));
        Path fifo = mkfifo(session.resolve("Late Vox.wav"));
        Product.Run run = Product.process(Map.of(), 120, "analyze", session.toString(), "--format", "json",
                "--quiet");
        JsonNode decode = Findings.ofRule(run.json(), "decode").get(0);
        assertTrue(decode.get("message").asText().contains(fifo + ": not a regular file (a FIFO)"),
                decode.toString());

        Path rules = mkfifo(work.resolve("studio.json"));
        Product.Run check = Product.process(Map.of(), 60, "rulesets", "check", rules.toString());
        assertEquals(1, check.exitCode(), check.err());
        assertTrue(check.err().contains("mixbench: " + rules + ": not a regular file (a FIFO)"), check.err());
        Product.Run analyse = Product.process(Map.of(), 60, "analyze", Product.demo("clean").toString(), "--rules",
                rules.toString(), "--quiet");
        assertEquals(2, analyse.exitCode(), analyse.err());
        assertTrue(analyse.err().contains(rules + ": not a regular file (a FIFO)"), analyse.err());
    }

    @Test
    void aDamagedCacheEntryIsDiscardedAndSaidWithVerbose(@TempDir Path work) throws Exception {
        Path session = copyOfDemo("clean", work.resolve("song"));
        Product.Run first = Product.process(Map.of(), 120, "analyze", session.toString(), "--format", "json",
                "--quiet");
        List<Path> entries;
        try (Stream<Path> list = Files.list(session.resolve(".mixbench/cache/entries"))) {
            entries = list.sorted(Comparator.comparing(Path::toString)).toList();
        }
        assertFalse(entries.isEmpty());
        // One flipped bit in the middle of a value, and two other entries swapped.
        byte[] bytes = Files.readAllBytes(entries.get(0));
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(entries.get(0), bytes);
        byte[] second = Files.readAllBytes(entries.get(1));
        Files.write(entries.get(1), Files.readAllBytes(entries.get(2)));
        Files.write(entries.get(2), second);

        Product.Run again = Product.process(Map.of(), 120, "analyze", session.toString(), "--format", "json",
                "--quiet", "--verbose");
        assertEquals(first.exitCode(), again.exitCode(), again.err());
        assertEquals(first.json().get("tracks"), again.json().get("tracks"), "the same measurements as a fresh run");
        assertEquals(3, again.err().lines().filter(l -> l.contains("Discarded the analysis cache entry of "))
                .count(), again.err());
        assertTrue(again.err().contains("damaged: its checksum does not match"), again.err());

        Product.Run quiet = Product.process(Map.of(), 120, "analyze", session.toString(), "--format", "json",
                "--quiet");
        assertFalse(quiet.err().contains("Discarded"), "the entries were written again: " + quiet.err());
    }

    @Test
    void aSessionsRuleSetOutsideItsFolderIsRefusedWithoutQuotingIt(@TempDir Path work) throws Exception {
        Path session = copyOfDemo("clean", work.resolve("song"));
        Path secret = Files.writeString(work.resolve("secret"), "AKIAIOSFODNN7EXAMPLE\n");
        Path file = session.resolve("song.mixbench");
        for (String ruleSet : List.of(secret.toString(), "../secret")) {
            Files.writeString(file, "{\"format\": \"mixbench-session\", \"formatVersion\": 1, \"ruleSet\": \""
                    + ruleSet + "\", \"tracks\": [{\"file\": \"Kick.wav\"}]}");
            Product.Run run = Product.process(Map.of(), 60, "analyze", file.toString(), "--quiet");
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("\"ruleSet\" must be a rule set id"), run.err());
            assertFalse(run.err().contains("AKIA"), run.err());
        }
    }
}
