package io.mixbench.audio.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

/** Decodes whole files in small blocks, the way the analysis does, for the decoder modules' tests. */
public final class DecodedAudio {

    private DecodedAudio() {
    }

    /** A whole decoded file: its format, planar samples and metadata. */
    public record Decoded(AudioFormat format, float[][] samples, Map<String, String> metadata) {

        public int frames() {
            return samples[0].length;
        }
    }

    /** Decodes everything {@code in} holds with {@code decoder}, {@code blockFrames} at a time. */
    public static Decoded decode(AudioDecoder decoder, InputStream in, String name, int blockFrames)
            throws IOException {
        try (AudioStream stream = decoder.open(in, name)) {
            return readAll(stream, blockFrames);
        }
    }

    /** Reads what is left of an open stream, {@code blockFrames} at a time (the caller closes it). */
    public static Decoded readAll(AudioStream stream, int blockFrames) throws IOException {
        int channels = stream.format().channels();
        float[][] block = new float[channels][blockFrames];
        float[][] all = new float[channels][1024];
        int total = 0;
        int n;
        while ((n = stream.read(block, blockFrames)) > 0) {
            if (total + n > all[0].length) {
                for (int c = 0; c < channels; c++) {
                    all[c] = Arrays.copyOf(all[c], Math.max(all[c].length * 2, total + n));
                }
            }
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block[c], 0, all[c], total, n);
            }
            total += n;
        }
        for (int c = 0; c < channels; c++) {
            all[c] = Arrays.copyOf(all[c], total);
        }
        return new Decoded(stream.format(), all, stream.metadata());
    }

    /** Asserts that planar samples equal interleaved reference samples within {@code tolerance}. */
    public static void assertSamples(float[] interleaved, Decoded mine, double tolerance, String what) {
        int channels = mine.format().channels();
        assertEquals(interleaved.length, mine.frames() * channels, "sample count of " + what);
        assertTrue(mine.frames() > 0, what);
        for (int i = 0; i < mine.frames(); i++) {
            for (int c = 0; c < channels; c++) {
                float expected = interleaved[i * channels + c];
                float actual = mine.samples()[c][i];
                if (Math.abs(expected - actual) > tolerance) {
                    assertEquals(expected, actual, tolerance, what + ": frame " + i + " channel " + c);
                }
            }
        }
    }
}
