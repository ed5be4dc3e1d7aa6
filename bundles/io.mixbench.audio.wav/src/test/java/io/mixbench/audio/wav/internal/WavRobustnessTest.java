package io.mixbench.audio.wav.internal;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mixbench.audio.testing.DecoderFuzzing;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Damaged files give a decoded file or an AudioDecodeException: never another exception, a hang or an OOM. */
class WavRobustnessTest {

    @Test
    void randomDamageNeverEscapesAsAnotherException() {
        int[] outcomes = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> DecoderFuzzing.damageHeaders(
                new WavDecoder(), "fuzz.wav", List.of(seed16(), seedExtensibleFloat(), seedRf64()),
                ByteOrder.LITTLE_ENDIAN, 4));
        System.out.println("fuzz.wav: " + outcomes[0] + " damaged files decoded, " + outcomes[1] + " rejected");
    }

    private static byte[] seed16() {
        WavBytes b = WavBytes.riff().chunk("LIST", new byte[13]).chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 2, 44100,
                16)).chunkHeader("data", 400);
        for (int i = 0; i < 200; i++) {
            b.u16(i * 97);
        }
        return b.build();
    }

    private static byte[] seedExtensibleFloat() {
        WavBytes b = WavBytes.riff().chunk("fmt ", WavBytes.fmtExtensible(WavBytes.FLOAT, 3, 48000, 32, 32, 7))
                .chunk("fact", new byte[4]).chunkHeader("data", 3 * 4 * 40);
        for (int i = 0; i < 120; i++) {
            b.f32(i / 200f);
        }
        return b.build();
    }

    private static byte[] seedRf64() {
        WavBytes b = WavBytes.raw().ascii("RF64").u32(0xFFFF_FFFFL).ascii("WAVE")
                .chunk("ds64", new WavBytes().u64(300).u64(240).u64(80).u32(0).bytes())
                .chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 48000, 24)).chunkHeader("data", 0xFFFF_FFFFL);
        for (int i = 0; i < 80; i++) {
            b.s24(i * 1000);
        }
        return b.build();
    }
}
