package io.mixbench.audio.wav.internal;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mixbench.audio.AudioDecodeException;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged files give a decoded file or an AudioDecodeException: never another exception, a hang or an OOM. */
class WavRobustnessTest {

    @Test
    void randomDamageNeverEscapesAsAnotherException() {
        byte[][] seeds = {seed16(), seedExtensibleFloat(), seedRf64()};
        Random random = new Random(20261126);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 6000; i++) {
                byte[] file = damage(seeds[i % seeds.length].clone(), random);
                try {
                    Decoding.decode(new ByteArrayInputStream(file), "fuzz.wav", 1 + random.nextInt(300));
                    outcomes[0]++;
                } catch (AudioDecodeException e) {
                    assertTrue(e.getMessage().startsWith("fuzz.wav: "), e.getMessage());
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
                int at = 4 * random.nextInt(Math.min(file.length, 120) / 4);
                long value = new long[]{0, 1, 0x7FFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFF0L, 3}[random.nextInt(6)];
                for (int k = 0; k < 4 && at + k < file.length; k++) {
                    file[at + k] = (byte) (value >> (8 * k));
                }
            }
            case 2 -> {
                return java.util.Arrays.copyOf(file, random.nextInt(file.length));
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
