package io.mixbench.audio.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fuzzer finds crashes and hangs, and keeps the inputs that cause them. */
class MutationFuzzerTest {

    @TempDir
    Path crashes;

    @Test
    void findsACrashReachableByMutationAndSavesTheInput() throws Exception {
        // crashes only when a size-like field holds 0xFFFFFFFF: what the interesting-value mutation writes
        MutationFuzzer fuzzer = new MutationFuzzer("demo", input -> {
            for (int i = 0; i + 3 < input.length; i++) {
                if ((input[i] & input[i + 1] & input[i + 2] & input[i + 3]) == (byte) 0xFF) {
                    throw new ArrayIndexOutOfBoundsException("size field");
                }
            }
            return "fine";
        }, Duration.ofSeconds(5), crashes);
        AssertionError e = assertThrows(AssertionError.class, () -> fuzzer.run(List.of(new byte[16]),
                Duration.ofSeconds(30), 1));
        assertTrue(e.getMessage().contains("ArrayIndexOutOfBoundsException: size field"), e.getMessage());
        try (var files = Files.list(crashes)) {
            Path saved = files.findFirst().orElseThrow();
            assertTrue(saved.getFileName().toString().startsWith("demo-"));
            assertEquals(AssertionError.class, assertThrows(AssertionError.class, () -> fuzzer.execute(
                    java.util.concurrent.Executors.newSingleThreadExecutor(), Files.readAllBytes(saved))).getClass(),
                    "the saved input reproduces the crash");
        }
    }

    @Test
    void findsAHang() {
        MutationFuzzer fuzzer = new MutationFuzzer("slow", input -> {
            if (input.length < 8) {
                Thread.sleep(60_000);
            }
            return "fine";
        }, Duration.ofMillis(200), crashes);
        AssertionError e = assertThrows(AssertionError.class, () -> fuzzer.run(List.of(new byte[9]),
                Duration.ofSeconds(30), 2));
        assertTrue(e.getMessage().startsWith("input hangs (over 200 ms)"), e.getMessage());
    }

    @Test
    void aCleanTargetRunsForTheBudget() throws Exception {
        long start = System.nanoTime();
        MutationFuzzer.Result result = new MutationFuzzer("clean", input -> "len " + Math.min(input.length, 50),
                Duration.ofSeconds(5), crashes).run(List.of(new byte[20]), Duration.ofMillis(500), 3);
        assertTrue(System.nanoTime() - start >= 500_000_000L);
        assertTrue(result.inputs() > 100 && result.outcomes() > 10, result.toString());
    }
}
