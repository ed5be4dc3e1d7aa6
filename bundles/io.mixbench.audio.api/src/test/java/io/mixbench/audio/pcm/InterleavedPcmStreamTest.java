package io.mixbench.audio.pcm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.audio.TruncatedAudioException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class InterleavedPcmStreamTest {

    /** Stereo test values every encoding stores exactly: multiples of 1/128 within full scale. */
    private static final float[][] SAMPLES = {{0f, 0.5f, -1f, 127f / 128, -0.25f}, {-0.5f, 0.125f, 0f, -1f, 0.75f}};

    private static AudioFormat format(long frames) {
        return new AudioFormat(48_000, ChannelLayout.STEREO, 16, SampleEncoding.PCM_INTEGER, frames, "test");
    }

    /** The samples stored by the encoding's own definition, frame by frame, plus {@code pad} bytes per frame. */
    private static byte[] encode(PcmEncoding encoding, int pad) {
        int frames = SAMPLES[0].length;
        ByteBuffer out = ByteBuffer.allocate(frames * (2 * encoding.bytes() + pad));
        out.order(encoding.name().endsWith("_BE") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (float[] channel : SAMPLES) {
                double v = channel[i];
                switch (encoding) {
                    case SIGNED_8 -> out.put((byte) Math.round(v * 128));
                    case UNSIGNED_8 -> out.put((byte) (Math.round(v * 128) + 128));
                    case SIGNED_16_LE, SIGNED_16_BE -> out.putShort((short) Math.round(v * 32768));
                    case SIGNED_24_LE, SIGNED_24_BE -> {
                        int x = (int) Math.round(v * 8388608);
                        byte[] b = {(byte) x, (byte) (x >> 8), (byte) (x >> 16)};
                        if (out.order() == ByteOrder.BIG_ENDIAN) {
                            out.put(b[2]).put(b[1]).put(b[0]);
                        } else {
                            out.put(b);
                        }
                    }
                    case SIGNED_32_LE, SIGNED_32_BE -> out.putInt((int) Math.round(v * 2147483648.0));
                    case FLOAT_32_LE, FLOAT_32_BE -> out.putFloat((float) v);
                    case FLOAT_64_LE, FLOAT_64_BE -> out.putDouble(v);
                    default -> throw new AssertionError(encoding);
                }
            }
            out.put(new byte[pad]);
        }
        return out.array();
    }

    private static float[][] readAll(InterleavedPcmStream stream, int blockFrames) throws IOException {
        float[][] all = new float[2][0];
        float[][] block = new float[2][blockFrames];
        int n;
        while ((n = stream.read(block, blockFrames)) > 0) {
            for (int c = 0; c < 2; c++) {
                float[] grown = java.util.Arrays.copyOf(all[c], all[c].length + n);
                System.arraycopy(block[c], 0, grown, all[c].length, n);
                all[c] = grown;
            }
        }
        return all;
    }

    @ParameterizedTest
    @EnumSource(PcmEncoding.class)
    void everyEncodingDecodesToFullScaleFloats(PcmEncoding encoding) throws IOException {
        for (int pad : new int[]{0, 2}) {
            byte[] bytes = encode(encoding, pad);
            InterleavedPcmStream stream = new InterleavedPcmStream(new ByteArrayInputStream(bytes), "t.raw",
                    format(SAMPLES[0].length), Map.of(), encoding, 2 * encoding.bytes() + pad, SAMPLES[0].length);
            float[][] decoded = readAll(stream, 2);
            assertArrayEquals(SAMPLES[0], decoded[0], encoding + ", pad " + pad);
            assertArrayEquals(SAMPLES[1], decoded[1], encoding + ", pad " + pad);
            assertEquals(-1, stream.read(new float[2][4], 4));
            assertEquals(SAMPLES[0].length, stream.framesRead());
        }
    }

    @Test
    void unknownLengthReadsToTheEndAndDropsAPartialFrame() throws IOException {
        byte[] bytes = encode(PcmEncoding.SIGNED_16_LE, 0);
        byte[] partial = java.util.Arrays.copyOf(bytes, bytes.length + 3);
        InterleavedPcmStream stream = new InterleavedPcmStream(new ByteArrayInputStream(partial), "t.wav",
                format(-1), Map.of(), PcmEncoding.SIGNED_16_LE, 4, -1);
        assertArrayEquals(SAMPLES[1], readAll(stream, 3)[1]);
        assertEquals(-1, stream.read(new float[2][4], 4));
    }

    @Test
    void fewerFramesThanDeclaredIsATruncatedFile() throws IOException {
        byte[] bytes = encode(PcmEncoding.SIGNED_16_BE, 0);
        // The input ends after 5 frames of 8 declared.
        InterleavedPcmStream stream = new InterleavedPcmStream(new ByteArrayInputStream(bytes), "t.aif", format(8),
                Map.of(), PcmEncoding.SIGNED_16_BE, 4, 8);
        TruncatedAudioException e = assertThrows(TruncatedAudioException.class, () -> readAll(stream, 3));
        assertEquals(5, e.framesRead());
        assertEquals(8, e.framesDeclared());
        // The container holds 3 of 8 declared frames: the first 3 are delivered, then the file is truncated.
        InterleavedPcmStream short3 = new InterleavedPcmStream(new ByteArrayInputStream(bytes), "t.aif", format(8),
                Map.of(), PcmEncoding.SIGNED_16_BE, 4, 3);
        float[][] block = new float[2][8];
        assertEquals(3, short3.read(block, 8));
        assertEquals(3, assertThrows(TruncatedAudioException.class, () -> short3.read(block, 8)).framesRead());
    }

    @Test
    void nonFiniteSamplesAndReadErrorsNameTheFile() {
        ByteBuffer nan = ByteBuffer.allocate(4 * 2 * 3).order(ByteOrder.LITTLE_ENDIAN);
        nan.putFloat(0).putFloat(0).putFloat(0.5f).putFloat(Float.NaN).putFloat(0).putFloat(0);
        InterleavedPcmStream stream = new InterleavedPcmStream(new ByteArrayInputStream(nan.array()), "n.wav",
                format(3), Map.of(), PcmEncoding.FLOAT_32_LE, 8, 3);
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> readAll(stream, 3));
        assertEquals("n.wav: sample 1 of channel 2 is NaN (at 0.000 s)", e.getMessage());

        InputStream failing = new FilterInputStream(new ByteArrayInputStream(new byte[4000])) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("Input/output error");
            }
        };
        InterleavedPcmStream broken = new InterleavedPcmStream(failing, "b.wav", format(1000), Map.of(),
                PcmEncoding.SIGNED_16_LE, 4, 1000);
        AudioDecodeException io = assertThrows(AudioDecodeException.class, () -> readAll(broken, 100));
        assertEquals("b.wav: reading failed after 0 sample frames: Input/output error", io.getMessage());
    }

    @Test
    void argumentsAreChecked() throws IOException {
        InterleavedPcmStream stream = new InterleavedPcmStream(new ByteArrayInputStream(new byte[8]), "a.wav",
                format(2), Map.of(), PcmEncoding.SIGNED_16_LE, 4, 2);
        assertThrows(IllegalArgumentException.class, () -> stream.read(new float[2][4], 0));
        assertThrows(IllegalArgumentException.class, () -> stream.read(new float[1][4], 4));
        assertThrows(IllegalArgumentException.class, () -> stream.read(new float[2][3], 4));
        assertThrows(IllegalArgumentException.class, () -> new InterleavedPcmStream(new ByteArrayInputStream(
                new byte[8]), "a.wav", format(2), Map.of(), PcmEncoding.SIGNED_16_LE, 3, 2));
        stream.close();
        assertThrows(IOException.class, () -> stream.read(new float[2][4], 4));
    }
}
