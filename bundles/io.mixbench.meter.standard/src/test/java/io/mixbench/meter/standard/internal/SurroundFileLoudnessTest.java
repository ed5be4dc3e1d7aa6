package io.mixbench.meter.standard.internal;

import static io.mixbench.meter.standard.internal.TestSignals.run;
import static io.mixbench.meter.standard.internal.TestSignals.tone;
import static io.mixbench.meter.standard.internal.TestSignals.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mixbench.audio.testing.DecodedAudio;
import io.mixbench.audio.testing.DecodedAudio.Decoded;
import io.mixbench.audio.wav.internal.WavDecoder;
import io.mixbench.meter.MeasurementIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EBU Tech 3341 case 6 as the EBU distributes it ({@code seq-3341-6-5channels-16bit.wav}): a 16-bit WAV with five
 * channels and no channel mask, measured through the WAV decoder and the loudness meter. The channels are L, R, C,
 * Ls, Rs; read as five unnamed channels, the surrounds lose their 1.41 weight and the file measures -23.4 LUFS.
 */
class SurroundFileLoudnessTest {

    private static final int FS = 48_000;

    /** @param extensible false: a plain PCM fmt chunk; true: WAVE_FORMAT_EXTENSIBLE with a channel mask of 0 */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void case6FromAFiveChannelWavWithoutMask(boolean extensible) throws IOException {
        float[] front = tone(FS, 1000, 20, -28);
        float[] centre = tone(FS, 1000, 20, -24);
        float[] surround = tone(FS, 1000, 20, -30);
        byte[] file = wav16(extensible, front, front, centre, surround, surround);

        Decoded d = DecodedAudio.decode(new WavDecoder(), new ByteArrayInputStream(file), "seq-3341-6-5channels.wav",
                8192);
        double integratedLufs = value(run(new LevelsMeter(d.format()), d
                .samples()), MeasurementIds.INTEGRATED_LOUDNESS);
        assertEquals(-23.0, integratedLufs, 0.1);
    }

    /** A 16-bit WAV of the given channels, without a channel mask. */
    private static byte[] wav16(boolean extensible, float[]... channels) {
        int frames = channels[0].length;
        int align = 2 * channels.length;
        int fmtBytes = extensible ? 40 : 16;
        int dataBytes = frames * align;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtBytes + 8 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(b.capacity() - 8).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(fmtBytes).putShort((short) (extensible ? 0xFFFE : 1))
                .putShort((short) channels.length).putInt(FS).putInt(FS * align).putShort((short) align)
                .putShort((short) 16);
        if (extensible) {
            // cbSize, valid bits, dwChannelMask 0, KSDATAFORMAT_SUBTYPE_PCM
            b.putShort((short) 22).putShort((short) 16).putInt(0).put(new byte[]{1, 0, 0, 0, 0, 0, 0x10, 0,
                    (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        b.put(ascii("data")).putInt(dataBytes);
        for (int n = 0; n < frames; n++) {
            for (float[] channel : channels) {
                b.putShort((short) Math.round(channel[n] * 32767));
            }
        }
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
