package io.mixbench.audio.flac.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.testing.DecodedAudio;
import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioMetadataKeys;
import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.audio.TruncatedAudioException;
import io.mixbench.audio.testing.DecodedAudio.Decoded;
import io.mixbench.audio.flac.internal.FlacWriter.Subframe;
import io.mixbench.audio.testing.Decoding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlacDecoderTest {

    private static final Decoding DECODING = new Decoding(FlacDecoder::new, "take 3.flac");

    private final FlacDecoder decoder = new FlacDecoder();

    @Test
    void acceptsFlacByContentOnly() {
        byte[] flac = new FlacWriter(48000, 16).encode(signal(1, 100, 16, 1));
        assertTrue(decoder.accepts(Arrays.copyOf(flac, 64), "kick.wav"));
        assertTrue(decoder.accepts(Arrays.copyOf(flac, 4), "kick"));
        assertFalse(decoder.accepts("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1), "kick.flac"));
        assertFalse(decoder.accepts("ID3\4\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), "song.mp3"));
        assertTrue(decoder.accepts("ID3\4\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), "song.FLAC"));
        assertFalse(decoder.accepts(new byte[0], "x.flac"));
    }

    @Test
    void everySubframeTypeStereoModeAndHeaderCodingDecodesExactly() throws IOException {
        for (int bits : new int[]{8, 12, 16, 20, 24}) {
            long[][] s = signal(2, 20_000, bits, bits);
            byte[] file = new FlacWriter(44_100, bits).blockSizes(4096, 192, 1152, 17, 256, 4608, 3000).encode(s);
            Decoded d = DECODING.decode(file);
            assertEquals(44_100, d.format().sampleRateHz());
            assertEquals(bits, d.format().bitsPerSample());
            assertEquals(SampleEncoding.PCM_INTEGER, d.format().encoding());
            assertEquals("FLAC " + bits + "-bit", d.format().formatName());
            assertEquals(20_000, d.format().frames());
            assertExact(s, d, bits);
        }
    }

    @Test
    void thirtyTwoBitSamplesAndThirtyThreeBitSideChannels() throws IOException {
        long[][] s = signal(2, 5000, 32, 3);
        s[0][10] = Integer.MAX_VALUE;
        s[1][10] = Integer.MIN_VALUE;
        s[0][11] = Integer.MIN_VALUE;
        s[1][11] = Integer.MAX_VALUE;
        Decoded d = DECODING.decode(new FlacWriter(96_000, 32).blockSizes(1000).encode(s));
        assertExact(s, d, 32);
        assertEquals(-1f, d.samples()[1][10]);
    }

    @Test
    void eachSubframeTypeAlone() throws IOException {
        for (Subframe type : Subframe.values()) {
            long[][] s = signal(1, 3000, 16, type.ordinal());
            for (int i = 1000; i < 2000; i++) {
                s[0][i] = -1234; // a constant block for CONSTANT
            }
            Decoded d = DECODING.decode(new FlacWriter(8000, 16).subframes(type).blockSizes(1000).encode(s));
            assertExact(s, d, 16);
        }
    }

    @Test
    void wastedBitsVariableBlockingAndUnknownLength() throws IOException {
        long[][] s = signal(3, 9000, 24, 5);
        for (long[] channel : s) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] &= ~0xFFL; // 16-bit material in a 24-bit file
            }
        }
        Decoded d = DECODING.decode(new FlacWriter(192_000, 24).variableBlocking().unknownTotal()
                .blockSizes(1024, 333, 4096, 16, 2000).encode(s));
        assertEquals(-1, d.format().frames());
        assertExact(s, d, 24);
    }

    @Test
    void channelCountsHaveFlacOrders() throws IOException {
        for (int channels = 1; channels <= 8; channels++) {
            long[][] s = signal(channels, 1500, 16, channels);
            Decoded d = DECODING.decode(new FlacWriter(48_000, 16).blockSizes(512).encode(s));
            assertExact(s, d, 16);
            assertEquals(channels, d.format().channels());
        }
        assertEquals(ChannelLayout.SURROUND_5_1, DECODING.decode(new FlacWriter(48_000, 16).encode(signal(6, 10,
                16, 0))).format().layout());
        assertEquals(List.of(Channel.LEFT, Channel.RIGHT, Channel.CENTRE, Channel.LFE, Channel.LEFT_BACK,
                Channel.RIGHT_BACK, Channel.LEFT_SURROUND, Channel.RIGHT_SURROUND),
                DECODING.decode(new FlacWriter(
                        48_000, 16).encode(signal(8, 10, 16, 0))).format().layout().channels());
        Decoded masked = DECODING.decode(new FlacWriter(48_000, 16).comment(
                "WAVEFORMATEXTENSIBLE_CHANNEL_MASK=0x0603").encode(signal(4, 10, 16, 0)));
        assertEquals(List.of(Channel.LEFT, Channel.RIGHT, Channel.LEFT_SURROUND, Channel.RIGHT_SURROUND), masked
                .format().layout().channels());
    }

    @Test
    void titleComesFromTheVorbisComment() throws IOException {
        Decoded d = DECODING.decode(new FlacWriter(48_000, 16).comment("ARTIST=Nobody").comment("title=Snare Top")
                .encode(signal(1, 10, 16, 0)));
        assertEquals("Snare Top", d.metadata().get(AudioMetadataKeys.TITLE));
    }

    @Test
    void anId3TagBeforeTheStreamIsSkipped() throws IOException {
        long[][] s = signal(2, 500, 16, 9);
        byte[] flac = new FlacWriter(48_000, 16).encode(s);
        byte[] tag = new byte[10 + 300];
        tag[0] = 'I';
        tag[1] = 'D';
        tag[2] = '3';
        tag[3] = 4;
        tag[8] = 300 >> 7;
        tag[9] = 300 & 0x7F;
        byte[] file = concat(tag, flac);
        assertExact(s, DECODING.decode(file), 16);
    }

    @Test
    void bytesAfterTheDeclaredLengthAreNotRead() throws IOException {
        long[][] s = signal(1, 700, 16, 2);
        byte[] file = concat(new FlacWriter(48_000, 16).encode(s), "TAG junk".getBytes(StandardCharsets.US_ASCII));
        assertExact(s, DECODING.decode(file), 16);
    }

    @Test
    void truncationIsReportedAtEveryCut() throws IOException {
        long[][] s = signal(2, 3000, 16, 4);
        byte[] whole = new FlacWriter(48_000, 16).blockSizes(1000).encode(s);
        int headerEnd = 4 + 4 + 34;
        int truncations = 0;
        for (int cut = 0; cut < whole.length; cut += 7) {
            byte[] file = Arrays.copyOf(whole, cut);
            AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(file),
                    "cut at " + cut);
            assertTrue(e.getMessage().startsWith(DECODING.name() + ": "), e.getMessage());
            if (cut >= headerEnd) {
                TruncatedAudioException t = assertInstanceOf(e);
                assertEquals(3000, t.framesDeclared());
                assertTrue(t.framesRead() < 3000);
                truncations++;
            }
        }
        assertTrue(truncations > 100);
        byte[] unknown = new FlacWriter(48_000, 16).blockSizes(1000).unknownTotal().encode(s);
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(Arrays.copyOf(
                unknown, unknown.length - 100)));
        assertTrue(e.getMessage().contains("file is truncated: the data stops inside frame 2"), e.getMessage());
    }

    private static TruncatedAudioException assertInstanceOf(AudioDecodeException e) {
        assertTrue(e instanceof TruncatedAudioException, e.getMessage());
        return (TruncatedAudioException) e;
    }

    @Test
    void damagedFramesFailTheirCrc() {
        byte[] whole = new FlacWriter(48_000, 16).blockSizes(1000).encode(signal(2, 3000, 16, 4));
        Random random = new Random(3);
        int crcFailures = 0;
        for (int i = 0; i < 300; i++) {
            byte[] file = whole.clone();
            int at = 42 + random.nextInt(whole.length - 42);
            file[at] ^= (byte) (1 << random.nextInt(8));
            AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(file),
                    "flip at " + at);
            assertTrue(e.getMessage().startsWith(DECODING.name() + ": "), e.getMessage());
            if (e.getMessage().contains("CRC")) {
                crcFailures++;
            }
        }
        assertTrue(crcFailures > 200, crcFailures + " of 300 flips caught by a CRC");
    }

    @Test
    void malformedHeadersGiveClearErrors() {
        expect("not a FLAC file (the file does not start with \"fLaC\")", "RIFF....WAVE".getBytes(
                StandardCharsets.US_ASCII));
        expect("the metadata blocks stop after 0 bytes; the file is truncated", new byte[0]);
        byte[] good = new FlacWriter(48_000, 16).encode(signal(2, 100, 16, 0));
        expect("the first metadata block is of type 4, not STREAMINFO", patch(good, 4, 0x84));
        expect("the STREAMINFO block has 33 bytes, 34 expected", patch(good, 7, 33));
        expect("sample rate 0 Hz is not supported (8000 to 768000 Hz)", streamInfo(0, 2, 16, 4096));
        expect("sample rate 1 Hz is not supported (8000 to 768000 Hz)", streamInfo(1, 2, 16, 4096));
        expect("sample rate 7999 Hz is not supported", streamInfo(7999, 2, 16, 4096));
        expect("sample rate 1000000 Hz is not supported", streamInfo(1_000_000, 2, 16, 4096));
        expect("STREAMINFO declares 3 bits per sample; FLAC allows 4 to 32", streamInfo(48_000, 2, 3, 4096));
        expect("STREAMINFO declares block sizes of 8 to 8 samples", streamInfo(48_000, 2, 16, 8));
        expect("the frame header (2 channels, 16-bit, 48000 Hz) contradicts STREAMINFO (3 channels, 16-bit,"
                + " 48000 Hz)",
                concat(streamInfo(48_000, 3, 16, 4096), Arrays.copyOfRange(good, 42,
                        good.length)));
        expect("frame 0 at byte 42: no frame sync code; the file is damaged", concat(Arrays.copyOf(good, 42),
                new byte[100]));
    }

    @Test
    void theInputIsClosedWhenTheHeaderIsRejected() {
        boolean[] closed = new boolean[1];
        InputStream in = new ByteArrayInputStream(streamInfo(0, 2, 16, 4096)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThrows(AudioDecodeException.class, () -> decoder.open(in, "x.flac"));
        assertTrue(closed[0]);
    }

    /** A STREAMINFO-only header with the given fields and an unknown length. */
    private static byte[] streamInfo(int rate, int channels, int bits, int blockSize) {
        FlacWriter.Bits b = new FlacWriter.Bits().bytes("fLaC").bits(0x80, 8).bits(34, 24);
        b.bits(blockSize, 16).bits(blockSize, 16).bits(0, 24).bits(0, 24).bits(rate, 20).bits(channels - 1, 3)
                .bits(bits - 1, 5).bits(0, 36).bits(0, 64).bits(0, 64);
        return b.toBytes();
    }

    private static byte[] patch(byte[] file, int at, int value) {
        byte[] copy = file.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void expect(String problem, byte[] file) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(file));
        assertTrue(e.getMessage().startsWith(DECODING.name() + ": ") && e.getMessage().contains(problem), e
                .getMessage());
    }

    static void assertExact(long[][] expected, Decoded d, int bits) {
        assertEquals(expected.length, d.format().channels());
        assertEquals(expected[0].length, d.frames());
        float scale = Math.scalb(1f, 1 - bits);
        for (int c = 0; c < expected.length; c++) {
            for (int i = 0; i < expected[c].length; i++) {
                if (expected[c][i] * scale != d.samples()[c][i]) {
                    assertEquals(expected[c][i] * scale, d.samples()[c][i], "channel " + c + " sample " + i);
                }
            }
        }
    }

    /** Tones, noise, silence and full-scale runs: every predictor and residual size gets used. */
    static long[][] signal(int channels, int frames, int bits, int seed) {
        Random random = new Random(seed);
        long max = (1L << (bits - 1)) - 1;
        long[][] s = new long[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                double v;
                int section = i * 5 / frames;
                v = switch (section) {
                    case 0 -> 0.7 * Math.sin(2 * Math.PI * (110 + 30 * c) * i / 8000.0);
                    case 1 -> 0.3 * random.nextGaussian();
                    case 2 -> 0;
                    case 3 -> random.nextBoolean() ? 1 : -1;
                    default -> 0.5 * Math.sin(i * 0.01) + 0.01 * random.nextGaussian();
                };
                s[c][i] = Math.max(-max - 1, Math.min(max, Math.round(v * max)));
            }
        }
        return s;
    }
}
