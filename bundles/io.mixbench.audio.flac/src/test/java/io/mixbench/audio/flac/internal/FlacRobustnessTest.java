package io.mixbench.audio.flac.internal;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mixbench.audio.testing.DecoderFuzzing;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Damaged files give a decoded file or an AudioDecodeException: never another exception, a hang or an OOM. */
class FlacRobustnessTest {

    @Test
    void randomDamageNeverEscapesAsAnotherException() {
        int[] outcomes = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> DecoderFuzzing.damageHeaders(
                new FlacDecoder(), "fuzz.flac", List.of(seed16(), seedVariable24(), seedUnknownLength8()),
                ByteOrder.BIG_ENDIAN, 2));
        System.out.println("fuzz.flac: " + outcomes[0] + " damaged files decoded, " + outcomes[1] + " rejected");
    }

    private static byte[] seed16() {
        return new FlacWriter(44_100, 16).blockSizes(192, 256).encode(FlacDecoderTest.signal(2, 600, 16, 1));
    }

    private static byte[] seedVariable24() {
        return new FlacWriter(48_000, 24).variableBlocking().blockSizes(100, 37).comment("TITLE=x")
                .encode(FlacDecoderTest.signal(3, 300, 24, 2));
    }

    private static byte[] seedUnknownLength8() {
        return new FlacWriter(8_000, 8).unknownTotal().blockSizes(64).encode(FlacDecoderTest.signal(1, 500, 8, 3));
    }
}
