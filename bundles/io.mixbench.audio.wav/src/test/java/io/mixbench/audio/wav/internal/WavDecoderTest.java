package io.mixbench.audio.wav.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.Channel;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.audio.TruncatedAudioException;
import io.mixbench.audio.testing.DecodedAudio.Decoded;
import io.mixbench.audio.testing.Decoding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WavDecoderTest {

    private static final Decoding DECODING = new Decoding(WavDecoder::new, "take 3.wav");

    private final WavDecoder decoder = new WavDecoder();

    @Test
    void acceptsRiffAndRf64WaveHeadersOnly() {
        assertTrue(decoder.accepts(pcm16Stereo(4), "x.bin"));
        byte[] rf64 = WavBytes.raw().ascii("RF64").u32(0xFFFF_FFFFL).ascii("WAVE").build();
        assertTrue(decoder.accepts(rf64, "x"));
        byte[] bw64 = WavBytes.raw().ascii("BW64").u32(0xFFFF_FFFFL).ascii("WAVE").build();
        assertTrue(decoder.accepts(bw64, "x"));

        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00,
                0x01, 0x01, 0x01, 0x00, 0x48};
        assertFalse(decoder.accepts(jpeg, "cover.wav"), "a JPEG named .wav");
        byte[] avi = WavBytes.raw().ascii("RIFF").u32(100).ascii("AVI LIST").build();
        assertFalse(decoder.accepts(avi, "clip.wav"), "another RIFF form");
        assertFalse(decoder.accepts("RIFF".getBytes(), "short.wav"), "too short to tell");
        assertFalse(decoder.accepts(new byte[0], "empty.wav"));
    }

    @Test
    void serviceDescribesItself() {
        assertEquals("WAV / BWF / RF64", decoder.formatName());
        assertEquals("audio.format", AudioDecoder.FORMAT);
    }

    @Test
    void exact16BitValues() throws IOException {
        byte[] file = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 44100, 16))
                .chunk("data", new WavBytes().u16(0x7FFF).u16(0x8000).u16(1).u16(0xFFFF).u16(0).u16(0x4000).bytes())
                .build();
        Decoded d = DECODING.decode(file);
        assertArrayEquals(new float[]{32767f / 32768, -1f, 1f / 32768, -1f / 32768, 0f, 0.5f}, d.samples()[0]);
        assertEquals(16, d.format().bitsPerSample());
        assertEquals(SampleEncoding.PCM_INTEGER, d.format().encoding());
        assertEquals("WAV PCM 16-bit", d.format().formatName());
        assertEquals(ChannelLayout.MONO, d.format().layout());
        assertEquals(6, d.format().frames());
        assertEquals(44100, d.format().sampleRateHz());
    }

    @Test
    void exact24BitValues() throws IOException {
        byte[] file = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 2, 48000, 24))
                .chunk("data", new WavBytes().s24(0x7FFFFF).s24(0x800000).s24(1).s24(0xFFFFFF).s24(0x400000)
                        .s24(0xC00000).bytes())
                .build();
        Decoded d = DECODING.decode(file);
        assertArrayEquals(new float[]{8388607f / 8388608, 1f / 8388608, 0.5f}, d.samples()[0]);
        assertArrayEquals(new float[]{-1f, -1f / 8388608, -0.5f}, d.samples()[1]);
        assertEquals("WAV PCM 24-bit", d.format().formatName());
        assertEquals(ChannelLayout.STEREO, d.format().layout());
    }

    @Test
    void exact8And32BitValues() throws IOException {
        byte[] eight = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 8000, 8))
                .chunk("data", new byte[]{0, (byte) 128, (byte) 255, 64, (byte) 192}).build();
        assertArrayEquals(new float[]{-1f, 0f, 127f / 128, -0.5f, 0.5f}, DECODING.decode(eight).samples()[0]);
        assertEquals("WAV PCM 8-bit", DECODING.decode(eight).format().formatName());

        byte[] thirtyTwo = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 96000, 32))
                .chunk("data", new WavBytes().u32(0x8000_0000L).u32(0x4000_0000L).u32(0xC000_0000L).u32(256).bytes())
                .build();
        assertArrayEquals(new float[]{-1f, 0.5f, -0.5f, 256f / 2147483648f}, DECODING.decode(thirtyTwo).samples()[0]);
    }

    @Test
    void floatSamplesAreKeptBeyondFullScale() throws IOException {
        byte[] f32 = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.FLOAT, 1, 48000, 32))
                .chunk("fact", new WavBytes().u32(3).bytes())
                .chunk("data", new WavBytes().f32(1.5f).f32(-0.25f).f32(1e-20f).bytes()).build();
        Decoded d = DECODING.decode(f32);
        assertArrayEquals(new float[]{1.5f, -0.25f, 1e-20f}, d.samples()[0]);
        assertEquals(SampleEncoding.PCM_FLOAT, d.format().encoding());
        assertEquals("WAV float 32-bit", d.format().formatName());

        byte[] f64 = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.FLOAT, 1, 48000, 64))
                .chunk("data", new WavBytes().f64(0.125).f64(-2.0).bytes()).build();
        assertArrayEquals(new float[]{0.125f, -2f}, DECODING.decode(f64).samples()[0]);
        assertEquals("WAV float 64-bit", DECODING.decode(f64).format().formatName());
    }

    @Test
    void extensibleChannelMasksMapToSpeakers() throws IOException {
        assertEquals(List.of(Channel.LEFT, Channel.RIGHT, Channel.LEFT_SURROUND, Channel.RIGHT_SURROUND),
                extensibleLayout(4, 0x33).channels(), "quad: back speakers are the surrounds");
        assertEquals(ChannelLayout.SURROUND_5_1, extensibleLayout(6, 0x3F), "5.1 (back)");
        assertEquals(ChannelLayout.SURROUND_5_1, extensibleLayout(6, 0x60F), "5.1 (side)");
        assertEquals(List.of(Channel.LEFT, Channel.RIGHT, Channel.CENTRE, Channel.LFE, Channel.LEFT_BACK,
                Channel.RIGHT_BACK, Channel.LEFT_SURROUND, Channel.RIGHT_SURROUND),
                extensibleLayout(8, 0x63F)
                        .channels(),
                "7.1");
        assertEquals(List.of(Channel.LEFT, Channel.RIGHT, Channel.OTHER), extensibleLayout(3, 0x3).channels(),
                "fewer mask bits than channels");
        assertEquals(List.of(Channel.CENTRE, Channel.BACK_CENTRE), extensibleLayout(2, 0x104).channels());
        assertEquals(ChannelLayout.defaultFor(6), extensibleLayout(6, 0), "no mask");
        assertEquals(ChannelLayout.MONO, extensibleLayout(1, 0x4), "mono stays mono");
        assertEquals(List.of(Channel.LEFT, Channel.OTHER), extensibleLayout(2, 0x1 | 0x800).channels(),
                "top speakers have no name here");
    }

    /** EBU Tech 3341 case 6 comes as a plain 5-channel WAV: L, R, C, Ls, Rs, so its surrounds get BS.1770's 1.41. */
    @Test
    void fiveChannelsWithoutAMaskAreLRCLsRs() throws IOException {
        List<Channel> fiveZero = List.of(Channel.LEFT, Channel.RIGHT, Channel.CENTRE, Channel.LEFT_SURROUND,
                Channel.RIGHT_SURROUND);
        byte[] plain = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 5, 48000, 16))
                .chunk("data", new byte[5 * 2]).build();
        assertEquals(fiveZero, DECODING.decode(plain).format().layout().channels(), "plain fmt chunk");
        assertEquals(fiveZero, extensibleLayout(5, 0).channels(), "EXTENSIBLE with mask 0");
        assertEquals("5.0", DECODING.decode(plain).format().layout().displayName());
        assertEquals(ChannelLayout.SURROUND_5_1, extensibleLayout(6, 0), "6 channels stay 5.1");
    }

    private static ChannelLayout extensibleLayout(int channels, long mask) throws IOException {
        byte[] data = new byte[channels * 2 * 3];
        byte[] file = WavBytes.riff()
                .chunk("fmt ", WavBytes.fmtExtensible(WavBytes.PCM, channels, 48000, 16, 16, mask))
                .chunk("data", data).build();
        Decoded d = DECODING.decode(file);
        assertEquals(3, d.frames());
        return d.format().layout();
    }

    @Test
    void extensibleFloatAndValidBits() throws IOException {
        byte[] f = WavBytes.riff().chunk("fmt ", WavBytes.fmtExtensible(WavBytes.FLOAT, 2, 48000, 32, 32, 0x3))
                .chunk("data", new WavBytes().f32(0.5f).f32(-0.5f).bytes()).build();
        Decoded d = DECODING.decode(f);
        assertEquals("WAV float 32-bit", d.format().formatName());
        assertEquals(0.5f, d.samples()[0][0]);
        assertEquals(-0.5f, d.samples()[1][0]);

        byte[] twenty = WavBytes.riff().chunk("fmt ", WavBytes.fmtExtensible(WavBytes.PCM, 1, 48000, 24, 20, 0x4))
                .chunk("data", new WavBytes().s24(0x400000).s24(0x000010).bytes()).build();
        Decoded t = DECODING.decode(twenty);
        assertEquals(20, t.format().bitsPerSample());
        assertEquals("WAV PCM 20-bit (24-bit container)", t.format().formatName());
        assertArrayEquals(new float[]{0.5f, 16f / 8388608}, t.samples()[0]);
    }

    @Test
    void skipsUnknownChunksWithOddSizesBeforeAndBetween() throws IOException {
        byte[] list = new WavBytes().ascii("INFO").ascii("INAM").u32(5).ascii("Take").u8(0).u8(0).bytes();
        byte[] file = WavBytes.riff().chunk("LIST", list).chunk("bext", new byte[]{1, 2, 3})
                .chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 44100, 16)).chunk("JUNK", new byte[7])
                .chunk("iXML", "<x/>".getBytes()).chunk("data", new WavBytes().u16(0x4000).u16(0xC000).bytes())
                .chunk("LIST", list).build();
        assertArrayEquals(new float[]{0.5f, -0.5f}, DECODING.decode(file).samples()[0]);
    }

    @Test
    void oddSizedUnknownChunkWithPadByteIsNotMistakenForTheNextChunk() throws IOException {
        // A reader that ignored the pad byte would see a chunk "ddat" and miss the data.
        byte[] file = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 44100, 16))
                .chunkHeader("note", 1).raw('x', 'd').chunk("data", new WavBytes().u16(0x2000).bytes()).build();
        assertArrayEquals(new float[]{0.25f}, DECODING.decode(file).samples()[0]);
    }

    /** A second data chunk is never dropped silently: the file is refused, naming both chunks' offsets. */
    @Test
    void aSecondDataChunkIsAnError() throws IOException {
        byte[] pcm = WavBytes.fmt(WavBytes.PCM, 1, 48000, 16);
        byte[] twoChunks = WavBytes.riff().chunk("fmt ", pcm).chunk("data", new byte[8]).chunk("LIST", new byte[4])
                .chunk("data", new byte[8]).build();
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(twoChunks));
        assertEquals(DECODING.name()
                + ": two \"data\" chunks, at bytes 36 and 64: Mixbench reads a file's first one only and "
                + "would drop the audio of the second", e.getMessage());

        // Odd-sized first chunk (8-bit, with its pad byte) and the second straight after it.
        byte[] odd = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 48000, 8))
                .chunk("data", new byte[3]).chunk("data", new byte[3]).build();
        assertTrue(assertThrows(AudioDecodeException.class, () -> DECODING.decode(odd)).getMessage().contains(
                "at bytes 36 and 48"));

        // What else follows the samples is not read for meaning: chunks, a missing pad byte, junk.
        byte[] trailing = WavBytes.riff().chunk("fmt ", pcm).chunk("data", new byte[8]).chunk("id3 ", new byte[5])
                .ascii("junk").build();
        assertEquals(4, DECODING.decode(trailing).frames());
        byte[] overrun = WavBytes.riff().chunk("fmt ", pcm).chunk("data", new byte[8]).chunkHeader("LIST", 1000)
                .ascii("INFO").build();
        assertEquals(4, DECODING.decode(overrun).frames());
    }

    @Test
    void truncatedDataThrowsTruncatedAudioException() {
        byte[] file = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 2, 44100, 16))
                .chunkHeader("data", 100 * 4).bytes(new byte[60 * 4 + 3]).build();
        TruncatedAudioException e = assertThrows(TruncatedAudioException.class, () -> DECODING.decode(file));
        assertEquals(60, e.framesRead());
        assertEquals(100, e.framesDeclared());
        assertTrue(e.getMessage().startsWith(DECODING.name() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncationIsReportedEvenWhenTheBlockEndsExactlyAtTheEndOfTheFile() throws IOException {
        byte[] file = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 44100, 16))
                .chunkHeader("data", 20).bytes(new byte[10]).build();
        try (AudioStream s = decoder.open(new ByteArrayInputStream(file), DECODING.name())) {
            float[][] block = new float[1][5];
            assertEquals(5, s.read(block, 5));
            assertThrows(TruncatedAudioException.class, () -> s.read(block, 5));
        }
    }

    @Test
    void unknownDataSizeMeansUntilTheEndOfTheFile() throws IOException {
        WavBytes b = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 2, 48000, 24))
                .chunkHeader("data", 0xFFFF_FFFFL);
        for (int i = 0; i < 1000; i++) {
            b.s24(i).s24(-i);
        }
        byte[] file = b.raw(0x11, 0x22, 0x33, 0x44).build(); // a partial frame, cut off while recording
        Decoded d = DECODING.decode(file);
        assertEquals(-1, d.format().frames());
        assertEquals(1000, d.frames());
        assertEquals(999f / 8388608, d.samples()[0][999]);
        assertEquals(-999f / 8388608, d.samples()[1][999]);
    }

    @Test
    void rf64UsesTheDs64DataSize() throws IOException {
        byte[] file = WavBytes.raw().ascii("RF64").u32(0xFFFF_FFFFL).ascii("WAVE")
                .chunk("ds64", new WavBytes().u64(100).u64(4).u64(2).u32(0).bytes())
                .chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 1, 48000, 16)).chunkHeader("data", 0xFFFF_FFFFL)
                .u16(0x4000).u16(0x2000).u16(0x1000).build();
        Decoded d = DECODING.decode(file);
        assertEquals(2, d.format().frames());
        assertEquals("RF64 PCM 16-bit", d.format().formatName());
        assertArrayEquals(new float[]{0.5f, 0.25f}, d.samples()[0], "only the size ds64 declares");
    }

    @Test
    void readAfterTheEndKeepsReturningMinusOne() throws IOException {
        try (AudioStream s = decoder.open(new ByteArrayInputStream(pcm16Stereo(10)), DECODING.name())) {
            float[][] block = new float[2][64];
            assertEquals(10, s.read(block, 64));
            assertEquals(-1, s.read(block, 64));
            assertEquals(-1, s.read(block, 64));
        }
    }

    @Test
    void closesTheInputWhenTheHeaderIsRejected() {
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[]{'R', 'I', 'F', 'F'}) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThrows(AudioDecodeException.class, () -> decoder.open(in, DECODING.name()));
        assertTrue(closed[0]);
    }

    @Test
    void nanSampleIsNamed() {
        WavBytes b = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.FLOAT, 2, 48000, 32))
                .chunkHeader("data", 2000 * 8);
        for (int i = 0; i < 2000; i++) {
            b.f32(0.1f).f32(i == 1234 ? Float.NaN : 0.2f);
        }
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(b.build()));
        assertTrue(e.getMessage().startsWith(DECODING.name() + ": sample 1234 of channel 2 is NaN"), e.getMessage());
    }

    @Test
    void infiniteSamplesAreNamed() {
        byte[] f32 = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.FLOAT, 1, 48000, 32))
                .chunk("data", new WavBytes().f32(0).f32(Float.NEGATIVE_INFINITY).bytes()).build();
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(f32));
        assertTrue(e.getMessage().contains("sample 1 of channel 1 is infinite"), e.getMessage());

        byte[] f64 = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.FLOAT, 1, 48000, 64))
                .chunk("data", new WavBytes().f64(1e300).bytes()).build();
        e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(f64));
        assertTrue(e.getMessage().contains("sample 0 of channel 1 is infinite or beyond the float range"),
                e.getMessage());

        byte[] nan64 = WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.FLOAT, 1, 48000, 64))
                .chunk("data", new WavBytes().f64(0).f64(0).f64(Double.NaN).bytes()).build();
        e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(nan64));
        assertTrue(e.getMessage().contains("sample 2 of channel 1 is NaN"), e.getMessage());
    }

    static Stream<Arguments> malformed() {
        byte[] pcm = WavBytes.fmt(WavBytes.PCM, 2, 44100, 16);
        byte[] data = new byte[8];
        return Stream.of(
                bad("not a RIFF/WAVE file", () -> WavBytes.raw().ascii("RIFX").u32(4).ascii("WAVE").build()),
                bad("not a RIFF/WAVE file", () -> "ID3\u0004 this is an mp3".getBytes()),
                bad("not a RIFF/WAVE file", () -> new byte[0]),
                bad("no fmt chunk before the data chunk", () -> WavBytes.riff().chunk("data", data).build()),
                bad("no fmt chunk", () -> WavBytes.riff().chunk("LIST", new byte[4]).build()),
                bad("no data chunk", () -> WavBytes.riff().chunk("fmt ", pcm).build()),
                bad("no data chunk", () -> WavBytes.riff().chunk("fmt ", pcm).chunk("LIST", new byte[4]).build()),
                bad("more than one fmt chunk", () -> WavBytes.riff().chunk("fmt ", pcm).chunk("fmt ", pcm).build()),
                bad("declares 0 channels", () -> wav(WavBytes.fmt(WavBytes.PCM, 0, 44100, 0, 16))),
                bad("declares 33 channels; at most 32", () -> wav(WavBytes.fmt(WavBytes.PCM, 33, 44100, 16))),
                bad("sample rate 0 Hz is not supported", () -> wav(WavBytes.fmt(WavBytes.PCM, 2, 0, 16))),
                bad("sample rate 1 Hz is not supported (8000 to 768000 Hz)", () -> wav(WavBytes.fmt(WavBytes.PCM, 2,
                        1, 16))),
                bad("sample rate 7999 Hz is not supported", () -> wav(WavBytes.fmt(WavBytes.PCM, 2, 7999, 16))),
                bad("sample rate 768001 Hz is not supported", () -> wav(WavBytes.fmt(WavBytes.PCM, 2, 768001, 16))),
                bad("sample rate 4294967295 Hz", () -> wav(WavBytes.fmt(WavBytes.PCM, 2, -1, 16))),
                bad("unsupported bits per sample for integer PCM: 0", () -> wav(WavBytes.fmt(WavBytes.PCM, 2, 44100,
                        4, 0))),
                bad("unsupported bits per sample for integer PCM: 7", () -> wav(WavBytes.fmt(WavBytes.PCM, 1, 44100,
                        1, 7))),
                bad("unsupported bits per sample for integer PCM: 33", () -> wav(WavBytes.fmt(WavBytes.PCM, 1, 44100,
                        5, 33))),
                bad("unsupported bits per sample for integer PCM: 64", () -> wav(WavBytes.fmt(WavBytes.PCM, 1, 44100,
                        64))),
                bad("unsupported bits per sample for float samples: 16", () -> wav(WavBytes.fmt(WavBytes.FLOAT, 1,
                        44100, 16))),
                bad("unsupported format tag 0x0002 (Microsoft ADPCM)", () -> wav(WavBytes.fmt(2, 1, 44100, 4))),
                bad("unsupported format tag 0x0055 (MP3)", () -> wav(WavBytes.fmt(0x55, 2, 44100, 0))),
                bad("block align 6 does not match 2 channels x 2 bytes per sample (4)", () -> wav(WavBytes.fmt(
                        WavBytes.PCM, 2, 44100, 6, 16))),
                bad("block align 4 does not match 2 channels x 3 bytes per sample (6)", () -> wav(WavBytes.fmt(
                        WavBytes.PCM, 2, 44100, 4, 24))),
                bad("fmt chunk is too short (14 bytes", () -> wav(Arrays.copyOf(pcm, 14))),
                bad("WAVE_FORMAT_EXTENSIBLE fmt chunk is too short", () -> wav(Arrays.copyOf(WavBytes.fmtExtensible(
                        WavBytes.PCM, 2, 44100, 16, 16, 3), 24))),
                bad("unsupported WAVE_FORMAT_EXTENSIBLE sub-format 0x0002 (Microsoft ADPCM)", () -> wav(
                        WavBytes.fmtExtensible(2, 2, 44100, 16, 16, 3))),
                bad("unsupported WAVE_FORMAT_EXTENSIBLE sub-format 00000001-0000-0021-8000-00aa00389b71", () -> {
                    byte[] fmt = WavBytes.fmtExtensible(WavBytes.PCM, 2, 44100, 16, 16, 3);
                    fmt[30] = 0x21;
                    return wav(fmt);
                }),
                bad("valid bits per sample (20) exceed the 16-bit container", () -> wav(WavBytes.fmtExtensible(
                        WavBytes.PCM, 2, 44100, 16, 20, 3))),
                bad("the \"LIST\" chunk at byte 12 declares 1000 bytes, but the file ends after 28 bytes",
                        () -> WavBytes.riff().chunkHeader("LIST", 1000).bytes(new byte[8]).build()),
                bad("the \"LIST\" chunk at byte 12 declares 4294967295 bytes", () -> WavBytes.riff()
                        .chunkHeader("LIST", 0xFFFF_FFFFL).bytes(new byte[100]).build()),
                bad("the \"fmt \" chunk at byte 12 declares 16 bytes, but the file ends after 30 bytes",
                        () -> WavBytes.riff().chunkHeader("fmt ", 16).bytes(new byte[10]).build()),
                bad("RF64 file has no ds64 chunk giving the data size", () -> WavBytes.raw().ascii("RF64")
                        .u32(0xFFFF_FFFFL).ascii("WAVE").chunk("fmt ", pcm).chunkHeader("data", 0xFFFF_FFFFL)
                        .bytes(data).build()),
                bad("ds64 chunk is too short", () -> WavBytes.raw().ascii("RF64").u32(0xFFFF_FFFFL).ascii("WAVE")
                        .chunk("ds64", new byte[8]).build()));
    }

    private static Arguments bad(String problem, Supplier<byte[]> file) {
        return Arguments.of(problem, file);
    }

    private static byte[] wav(byte[] fmtBody) {
        return WavBytes.riff().chunk("fmt ", fmtBody).chunk("data", new byte[64]).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedHeadersNameTheFileAndTheProblem(String problem, Supplier<byte[]> file) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> decoder.open(new ByteArrayInputStream(file.get()), "/music/song/kick.wav"));
        assertEquals("/music/song/kick.wav", e.sourceName());
        assertTrue(e.getMessage().startsWith("/music/song/kick.wav: "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), () -> "expected \"" + problem + "\" in: " + e.getMessage());
    }

    private static byte[] pcm16Stereo(int frames) {
        return WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.PCM, 2, 44100, 16))
                .chunk("data", new byte[frames * 4]).build();
    }
}
