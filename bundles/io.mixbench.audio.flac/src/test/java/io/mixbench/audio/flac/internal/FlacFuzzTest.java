package io.mixbench.audio.flac.internal;

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
 * Fuzzes the FLAC decoder with the shared seeded mutation fuzzer for a bounded time (seeds written by sox),
 * after replaying the crashing inputs kept in src/test/resources/fuzz-regressions/flac.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FlacFuzzTest {

    @TempDir
    Path dir;

    @Test
    void decoderSurvivesMutatedFiles() throws Exception {
        List<byte[]> seeds = List.of(ExternalTools.soxTones(dir, "a.flac", "-r", "44100", "-c", "2", "-b", "16"),
                ExternalTools.soxTones(dir, "b.flac", "-r", "48000", "-c", "1", "-b", "24"));
        MutationFuzzer.Result result = DecoderFuzzing.fuzz(new FlacDecoder(), "fuzz.flac", seeds,
                Path.of("src/test/resources/fuzz-regressions/flac"));
        System.out.println("FLAC fuzzing: " + result);
        assertTrue(result.inputs() > 500, result.toString());
    }
}
