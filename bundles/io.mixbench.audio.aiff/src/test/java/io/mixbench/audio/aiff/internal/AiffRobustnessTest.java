package io.mixbench.audio.aiff.internal;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mixbench.audio.testing.DecoderFuzzing;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Damaged files give a decoded file or an AudioDecodeException: never another exception, a hang or an OOM. */
class AiffRobustnessTest {

    @Test
    void randomDamageNeverEscapesAsAnotherException() {
        int[] outcomes = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> DecoderFuzzing.damageHeaders(
                new AiffDecoder(), "fuzz.aif", List.of(seed16(), seedSowt24(), seedFloat()), ByteOrder.BIG_ENDIAN, 2));
        System.out.println("fuzz.aif: " + outcomes[0] + " damaged files decoded, " + outcomes[1] + " rejected");
    }

    private static byte[] seed16() {
        AiffBytes b = AiffBytes.aiff().chunk("NAME", new byte[13]).chunk("COMM", AiffBytes.comm(2, 100, 16, 44100))
                .ssndHeader(400);
        for (int i = 0; i < 200; i++) {
            b.u16(i * 97);
        }
        return b.build();
    }

    private static byte[] seedSowt24() {
        AiffBytes b = AiffBytes.aifc().chunk("CHAN", new AiffBytes().u32(121L << 16 | 6).u32(0).u32(0).bytes())
                .chunk("COMM", AiffBytes.commC(6, 20, 24, 48000, "sowt")).ssndHeader(6 * 3 * 20);
        for (int i = 0; i < 120; i++) {
            b.s24(i * 1001);
        }
        return b.build();
    }

    private static byte[] seedFloat() {
        AiffBytes b = AiffBytes.aifc().chunk("COMM", AiffBytes.commC(1, 80, 32, 96000, "fl32")).ssndHeader(320);
        for (int i = 0; i < 80; i++) {
            b.f32(i / 100f);
        }
        return b.build();
    }
}
