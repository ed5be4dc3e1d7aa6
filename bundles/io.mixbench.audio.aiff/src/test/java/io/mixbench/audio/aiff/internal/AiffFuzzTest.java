package io.mixbench.audio.aiff.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.testing.DecoderFuzzing;
import io.mixbench.audio.testing.ExternalTools;
import io.mixbench.audio.testing.MutationFuzzer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the AIFF decoder with the shared seeded mutation fuzzer for a bounded time (seeds written by sox),
 * after replaying the crashing inputs kept in src/test/resources/fuzz-regressions/aiff.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AiffFuzzTest {

    @TempDir
    Path dir;

    @Test
    void decoderSurvivesMutatedFiles() throws Exception {
        List<byte[]> seeds = List.of(ExternalTools.soxTones(dir, "a.aiff", "-r", "44100", "-c", "2", "-b", "16"),
                ExternalTools.soxTones(dir, "b.aifc", "-r", "48000", "-c", "1", "-e", "floating-point", "-b", "32"),
                ExternalTools.soxTones(dir, "c.aiff", "-r", "22050", "-c", "1", "-b", "24"));
        MutationFuzzer.Result result = DecoderFuzzing.fuzz(new AiffDecoder(), "fuzz.aiff", seeds,
                Path.of("src/test/resources/fuzz-regressions/aiff"));
        System.out.println("AIFF fuzzing: " + result);
        assertTrue(result.inputs() > 500, result.toString());
    }
}
