package io.mixbench.audio.flac.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.testing.DecoderFuzzing;
import io.mixbench.audio.testing.MutationFuzzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the FLAC decoder with the shared seeded mutation fuzzer for a bounded time (seeds written by sox),
 * after replaying the crashing inputs kept in src/test/resources/fuzz-regressions/flac.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FlacFuzzTest {

    @TempDir
    Path dir;

    @Test
    void decoderSurvivesMutatedFiles() throws Exception {
        List<byte[]> seeds = List.of(sox(dir, "a.flac", "-r", "44100", "-c", "2", "-b", "16"),
                sox(dir, "b.flac", "-r", "48000", "-c", "1", "-b", "24"));
        MutationFuzzer.Result result = DecoderFuzzing.fuzz(new FlacDecoder(), "fuzz.flac", seeds,
                Path.of("src/test/resources/fuzz-regressions/flac"));
        System.out.println("FLAC fuzzing: " + result);
        assertTrue(result.inputs() > 500, result.toString());
    }

    /** A short two-tone file written by sox; with CI=true a missing sox fails the test. */
    static byte[] sox(Path dir, String name, String... format) throws IOException, InterruptedException {
        boolean ci = "true".equals(System.getenv("CI"));
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("sox", "-n"));
        command.addAll(List.of(format));
        command.addAll(List.of(out.toString(), "synth", "0.05", "sine", "440", "sine", "3000"));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            if (ci) {
                throw new AssertionError("sox is required in CI (releng/setup.sh --test installs it)", e);
            }
            Assumptions.abort("sox is not installed: " + e.getMessage());
            throw e;
        }
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new AssertionError("sox failed to write " + name);
        }
        return Files.readAllBytes(out);
    }
}
