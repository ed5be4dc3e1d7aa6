package io.mixbench.audio.wav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Decodes a 2.25 GiB RF64 file (24-bit stereo 48 kHz, about 2 h 10 min) generated on the fly as a stream, never
 * held in memory or written to disk, and checks that the heap stays bounded. Skipped by default (it reads 2.25 GiB);
 * run it with {@code mvn -pl bundles/io.mixbench.audio.wav verify -Dmixbench.bigWav=true -Dtest=LargeWavMemoryTest}.
 */
@EnabledIfSystemProperty(named = "mixbench.bigWav", matches = "true")
class LargeWavMemoryTest {

    private static final long DATA_BYTES = 2_400_000_000L - 2_400_000_000L % 6; // over 2 GiB, whole frames
    private static final long MAX_HEAP_GROWTH_BYTES = 64L << 20;

    /** An RF64 header followed by {@link #DATA_BYTES} of a repeating 24-bit ramp, produced as it is read. */
    static final class GeneratedRf64 extends InputStream {
        private final byte[] header;
        private long position;

        GeneratedRf64() {
            header = WavBytes.raw().ascii("RF64").u32(0xFFFF_FFFFL).ascii("WAVE")
                    .chunk("ds64", new WavBytes().u64(DATA_BYTES + 80).u64(DATA_BYTES).u64(DATA_BYTES / 6).u32(0)
                            .bytes())
                    .chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 2, 48000, 24)).chunkHeader("data", 0xFFFF_FFFFL)
                    .build();
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long total = header.length + DATA_BYTES;
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                b[off + i] = p < header.length ? header[(int) p] : (byte) ((p - header.length) % 251);
            }
            position += n;
            return n;
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void memoryStaysBoundedOnA2GiBFile() throws Exception {
        System.gc();
        long before = heapUsed();
        long peakGrowth = 0;
        long frames = 0;
        try (AudioStream stream = new WavDecoder().open(new GeneratedRf64(), "huge.wav")) {
            assertEquals(DATA_BYTES / 6, stream.format().frames());
            float[][] block = new float[2][4096];
            int n;
            long blocks = 0;
            while ((n = stream.read(block, 4096)) > 0) {
                frames += n;
                if (++blocks % 20_000 == 0) {
                    peakGrowth = Math.max(peakGrowth, heapUsed() - before);
                }
            }
        }
        assertEquals(DATA_BYTES / 6, frames, "every frame of the 2 GiB+ file");
        System.gc();
        long after = heapUsed() - before;
        assertTrue(after < MAX_HEAP_GROWTH_BYTES, "heap grew by " + (after >> 20) + " MiB");
        System.out.println("2.24 GiB RF64 decoded: " + frames + " frames; heap growth seen " + (peakGrowth >> 20)
                + " MiB (garbage included), after GC " + (after >> 20) + " MiB");
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
