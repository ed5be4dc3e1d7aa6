package io.mixbench.audio.aiff.internal;

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
class AiffRobustnessTest {

    @Test
    void randomDamageNeverEscapesAsAnotherException() {
        byte[][] seeds = {seed16(), seedSowt24(), seedFloat()};
        Random random = new Random(20261126);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 6000; i++) {
                byte[] file = damage(seeds[i % seeds.length].clone(), random);
                try {
                    Decoding.decode(new ByteArrayInputStream(file), "fuzz.aif", 1 + random.nextInt(300));
                    outcomes[0]++;
                } catch (AudioDecodeException e) {
                    assertTrue(e.getMessage().startsWith("fuzz.aif: "), e.getMessage());
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
