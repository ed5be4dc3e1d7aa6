package io.mixbench.audio.flac.internal;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mixbench.audio.AudioDecodeException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged files give a decoded file or an AudioDecodeException: never another exception, a hang or an OOM. */
class FlacRobustnessTest {

    @Test
    void randomDamageNeverEscapesAsAnotherException() {
        byte[][] seeds = {seed16(), seedVariable24(), seedUnknownLength8()};
        Random random = new Random(20261126);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 6000; i++) {
                byte[] file = damage(seeds[i % seeds.length].clone(), random);
                try {
                    Decoding.decode(new ByteArrayInputStream(file), "fuzz.flac", 1 + random.nextInt(300));
                    outcomes[0]++;
                } catch (AudioDecodeException e) {
                    assertTrue(e.getMessage().startsWith("fuzz.flac: "), e.getMessage());
                    outcomes[1]++;
                } catch (Exception | Error e) {
                    fail("case " + i + " threw " + e, e);
                }
            }
        });
        assertTrue(outcomes[0] > 100 && outcomes[1] > 100, "both outcomes occur: " + outcomes[0] + " decoded, "
                + outcomes[1] + " rejected");
    }

    private static byte[] damage(byte[] file, Random random) {
        switch (random.nextInt(4)) {
            case 0 -> file[random.nextInt(Math.min(file.length, 120))] = (byte) random.nextInt(256);
            case 1 -> {
                // A size or count field set to an extreme value.
                int at = 2 * random.nextInt(Math.min(file.length, 120) / 2);
                long value = new long[]{0, 1, 0x7FFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFF0L, 3}[random.nextInt(6)];
                for (int k = 0; k < 4 && at + k < file.length; k++) {
                    file[at + k] = (byte) (value >> (24 - 8 * k));
                }
            }
            case 2 -> {
                return Arrays.copyOf(file, random.nextInt(file.length));
            }
            default -> {
                for (int k = 0; k < 3; k++) {
                    file[random.nextInt(file.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
        }
        return file;
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
