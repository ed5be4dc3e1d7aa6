package io.mixbench.audio.wav.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.testing.DecoderFuzzing;
import io.mixbench.audio.testing.MutationFuzzer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the WAV parser for a bounded time ({@link DecoderFuzzing#DEFAULT_SECONDS} s, or
 * {@code -Dmixbench.fuzzSeconds=N}), after replaying the crashing inputs kept in
 * src/test/resources/fuzz-regressions/wav.
 */
class WavFuzzTest {

    static final Path REGRESSIONS = Path.of("src/test/resources/fuzz-regressions/wav");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void wavParserSurvivesMutatedFiles() throws Exception {
        MutationFuzzer.Result result = DecoderFuzzing.fuzz(new WavDecoder(), "fuzz.wav", seeds(), REGRESSIONS);
        System.out.println("WAV fuzzing: " + result);
        assertTrue(result.inputs() > 1000, "the fuzzer ran: " + result);
        assertTrue(result.outcomes() > 20, "inputs reached many different outcomes: " + result);
    }

    static List<byte[]> seeds() {
        return List.of(pcm16(), extensibleFloat(), rf64(), bwf(), WavBytes.riff().chunk("fmt ",
                WavBytes.fmt(WavBytes.FLOAT, 1, 8000, 64)).chunk("data", new WavBytes().f64(0.5).f64(-1).bytes())
                .build());
    }

    private static byte[] pcm16() {
        WavBytes b = WavBytes.riff().chunk("LIST", new WavBytes().ascii("INFO").chunk("INAM", "Kick\0".getBytes())
                .bytes()).chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 2, 44100, 16)).chunkHeader("data", 400);
        for (int i = 0; i < 200; i++) {
            b.u16(i * 97);
        }
        return b.build();
    }

    private static byte[] extensibleFloat() {
        WavBytes b = WavBytes.riff().chunk("fmt ", WavBytes.fmtExtensible(WavBytes.FLOAT, 3, 48000, 32, 32, 7))
                .chunk("fact", new byte[4]).chunkHeader("data", 3 * 4 * 40);
        for (int i = 0; i < 120; i++) {
            b.f32(i / 200f);
        }
        return b.build();
    }

    private static byte[] rf64() {
        WavBytes b = WavBytes.raw().ascii("RF64").u32(0xFFFF_FFFFL).ascii("WAVE")
                .chunk("ds64", new WavBytes().u64(300).u64(240).u64(80).u32(0).bytes())
                .chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 48000, 24)).chunkHeader("data", 0xFFFF_FFFFL);
        for (int i = 0; i < 80; i++) {
            b.s24(i * 1000);
        }
        return b.build();
    }

    private static byte[] bwf() {
        return WavBytes.riff().chunk("bext", WavMetadataTest.bext("d", "o", "2026-01-01", "10:00:00", 48000, "A=PCM"))
                .chunk("iXML", "<BWFXML/>".getBytes()).chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 48000, 8))
                .chunk("data", new byte[]{1, 2, 3, (byte) 200, 5}).build();
    }
}
