package io.mixbench.audio.wav.internal;

import io.mixbench.audio.testing.DecodedAudio;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import io.mixbench.audio.testing.DecodedAudio.Decoded;
import io.mixbench.audio.testing.Decoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Writes with {@link WavWriter}, reads with {@link WavDecoder}: every encoding, mono, stereo and 5.1. */
class WavRoundTripTest {

    private static final Decoding DECODING = new Decoding(WavDecoder::new, "take 3.wav");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} x {1} channels")
    @CsvSource({"PCM_16, 1", "PCM_16, 2", "PCM_16, 6", "PCM_24, 1", "PCM_24, 2", "PCM_24, 6", "PCM_32, 1",
            "PCM_32, 2", "PCM_32, 6", "FLOAT_32, 1", "FLOAT_32, 2", "FLOAT_32, 6"})
    void roundTrip(WavEncoding encoding, int channels) throws IOException {
        // More frames than one read buffer holds, an odd count, and written in uneven pieces.
        int frames = 20_011;
        float[][] signal = signal(channels, frames, 42 + channels);
        Path file = dir.resolve(encoding + "-" + channels + ".wav");
        try (WavWriter writer = WavWriter.create(file, 44_100, channels, encoding)) {
            int at = 0;
            for (int piece : new int[]{1, 999, 8192, 10_819}) {
                float[][] part = new float[channels][];
                for (int c = 0; c < channels; c++) {
                    part[c] = java.util.Arrays.copyOfRange(signal[c], at, at + piece);
                }
                writer.write(part, piece);
                at += piece;
            }
            assertEquals(frames, writer.framesWritten());
        }

        Decoded d = DECODING.decode(file);
        assertEquals(frames, d.format().frames());
        assertEquals(frames, d.frames());
        assertEquals(44_100, d.format().sampleRateHz());
        assertEquals(ChannelLayout.defaultFor(channels), d.format().layout());
        assertEquals(encoding.bitsPerSample(), d.format().bitsPerSample());
        assertEquals(encoding.isFloatingPoint() ? SampleEncoding.PCM_FLOAT : SampleEncoding.PCM_INTEGER,
                d.format().encoding());
        assertEquals("WAV " + (encoding.isFloatingPoint() ? "float " : "PCM ") + encoding.bitsPerSample() + "-bit",
                d.format().formatName());
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                float expected = expected(signal[c][i], encoding);
                if (expected != d.samples()[c][i]) {
                    assertEquals(expected, d.samples()[c][i], "channel " + c + " frame " + i + " of " + signal[c][i]);
                }
            }
        }
    }

    /** What a sample reads back as: rounded to the encoding's step (ties up) and clipped. */
    private static float expected(float x, WavEncoding encoding) {
        if (encoding.isFloatingPoint()) {
            return x;
        }
        double fullScale = Math.pow(2, encoding.bitsPerSample() - 1);
        double q = Math.floor(x * fullScale + 0.5);
        q = Math.max(-fullScale, Math.min(fullScale - 1, q));
        return (float) (q / fullScale);
    }

    /** A sine per channel plus noise, with overs and exact full-scale values mixed in. */
    private static float[][] signal(int channels, int frames, long seed) {
        Random random = new Random(seed);
        float[][] s = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                s[c][i] = (float) (0.7 * Math.sin(2 * Math.PI * (220 + 110 * c) * i / 44_100.0)
                        + 0.2 * random.nextGaussian());
            }
            s[c][3] = 1f;
            s[c][4] = -1f;
            s[c][5] = 1.25f;
            s[c][6] = -3f;
            s[c][7] = 0f;
            s[c][8] = 0.5f / 32768; // a tie at 16 bits
        }
        return s;
    }
}
