package io.mixbench.audio.aiff.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.mixbench.audio.testing.Decoding;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AiffDecoderTest {

    private static final Decoding DECODING = new Decoding(AiffDecoder::new, "take 3.aif");

    private final AiffDecoder decoder = new AiffDecoder();

    @Test
    void acceptsAiffAndAifcByContentOnly() {
        assertTrue(decoder.accepts(AiffBytes.aiff().build(), "kick.wav"));
        assertTrue(decoder.accepts(AiffBytes.aifc().build(), "kick"));
        byte[] riff = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
        assertFalse(decoder.accepts(riff, "kick.aiff"));
        assertFalse(decoder.accepts("fLaC\0\0\0\"".getBytes(StandardCharsets.ISO_8859_1), "kick.aif"));
        assertFalse(decoder.accepts("FORM\0\0\0\0ILBM".getBytes(StandardCharsets.ISO_8859_1), "pic.aif"));
        assertFalse(decoder.accepts(new byte[0], "empty.aif"));
    }

    @Test
    void decodesBigEndian16BitStereo() throws IOException {
        AiffBytes b = AiffBytes.aiff().chunk("COMM", AiffBytes.comm(2, 3, 16, 44100)).ssndHeader(12);
        b.u16(0x7FFF).u16(0x8000).u16(1).u16(0xFFFF).u16(0x4000).u16(0);
        Decoded d = DECODING.decode(b.build());
        assertEquals(44100, d.format().sampleRateHz());
        assertEquals(ChannelLayout.STEREO, d.format().layout());
        assertEquals(16, d.format().bitsPerSample());
        assertEquals(3, d.format().frames());
        assertEquals("AIFF PCM 16-bit", d.format().formatName());
        assertArrayEquals(new float[]{32767f / 32768, 1f / 32768, 0.5f}, d.samples()[0]);
        assertArrayEquals(new float[]{-1f, -1f / 32768, 0f}, d.samples()[1]);
    }

    @Test
    void decodesEveryIntegerWidthAndByteOrder() throws IOException {
        Decoded s8 = DECODING.decode(AiffBytes.aiff().chunk("COMM", AiffBytes.comm(1, 2, 8, 8000)).ssndHeader(2)
                .raw(0x80, 0x40).build());
        assertArrayEquals(new float[]{-1f, 0.5f}, s8.samples()[0]);

        Decoded s24 = DECODING.decode(AiffBytes.aiff().chunk("COMM", AiffBytes.comm(1, 2, 24, 96000))
                .ssndHeader(6).s24(0x7FFFFF).s24(-0x800000).build());
        assertArrayEquals(new float[]{8388607f / 8388608, -1f}, s24.samples()[0]);

        Decoded s32 = DECODING.decode(AiffBytes.aiff().chunk("COMM", AiffBytes.comm(1, 1, 32, 192000))
                .ssndHeader(4).u32(0xC0000000L).build());
        assertArrayEquals(new float[]{-0.5f}, s32.samples()[0]);

        Decoded sowt16 = DECODING.decode(AiffBytes.aifc().chunk("COMM", AiffBytes.commC(1, 2, 16, 48000, "sowt"))
                .ssndHeader(4).u16le(0x4000).u16le(0xC000).build());
        assertArrayEquals(new float[]{0.5f, -0.5f}, sowt16.samples()[0]);
        assertEquals("AIFF-C PCM 16-bit little-endian", sowt16.format().formatName());

        Decoded sowt24 = DECODING.decode(AiffBytes.aifc().chunk("COMM", AiffBytes.commC(1, 1, 24, 48000, "sowt"))
                .ssndHeader(3).raw(0x00, 0x00, 0xC0).build());
        assertArrayEquals(new float[]{-0.5f}, sowt24.samples()[0]);

        Decoded sowt32 = DECODING.decode(AiffBytes.aifc().chunk("COMM", AiffBytes.commC(1, 1, 32, 48000, "sowt"))
                .ssndHeader(4).raw(0, 0, 0, 0x40).build());
        assertArrayEquals(new float[]{0.5f}, sowt32.samples()[0]);

        Decoded none = DECODING.decode(AiffBytes.aifc().chunk("COMM", AiffBytes.commC(1, 1, 16, 48000, "NONE"))
                .ssndHeader(2).u16(0x2000).build());
        assertArrayEquals(new float[]{0.25f}, none.samples()[0]);
        assertEquals("AIFF-C PCM 16-bit", none.format().formatName());

        Decoded raw8 = DECODING.decode(AiffBytes.aifc().chunk("COMM", AiffBytes.commC(1, 2, 8, 48000, "raw "))
                .ssndHeader(2).raw(0x00, 0xC0).build());
        assertArrayEquals(new float[]{-1f, 0.5f}, raw8.samples()[0]);
    }

    @Test
    void samplesNarrowerThanTheirBytesAreLeftJustified() throws IOException {
        Decoded d = DECODING.decode(AiffBytes.aiff().chunk("COMM", AiffBytes.comm(1, 1, 20, 48000)).ssndHeader(3)
                .s24(0x400000).build());
        assertEquals(20, d.format().bitsPerSample());
        assertArrayEquals(new float[]{0.5f}, d.samples()[0]);
    }

    @Test
    void decodesFloats() throws IOException {
        for (String type : List.of("fl32", "FL32")) {
            Decoded d = DECODING.decode(AiffBytes.aifc().chunk("COMM", AiffBytes.commC(2, 1, 32, 48000, type))
                    .ssndHeader(8).f32(1.5f).f32(-0.25f).build());
            assertEquals(SampleEncoding.PCM_FLOAT, d.format().encoding());
            assertEquals("AIFF-C float 32-bit", d.format().formatName());
            assertArrayEquals(new float[]{1.5f}, d.samples()[0]);
            assertArrayEquals(new float[]{-0.25f}, d.samples()[1]);
        }
        for (String type : List.of("fl64", "FL64")) {
            Decoded d = DECODING.decode(AiffBytes.aifc().chunk("COMM", AiffBytes.commC(1, 2, 64, 48000, type))
                    .ssndHeader(16).f64(0.125).f64(-2).build());
            assertEquals(64, d.format().bitsPerSample());
            assertArrayEquals(new float[]{0.125f, -2f}, d.samples()[0]);
        }
    }

    @Test
    void nonFiniteFloatsAreRejectedWithTheirPosition() {
        byte[] file = AiffBytes.aifc().chunk("COMM", AiffBytes.commC(1, 3, 32, 8000, "fl32")).ssndHeader(12)
                .f32(0).f32(0).f32(Float.NaN).build();
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(file));
        assertEquals(DECODING.name() + ": sample 2 of channel 1 is NaN (at 0.000 s)", e.getMessage());
        byte[] inf = AiffBytes.aifc().chunk("COMM", AiffBytes.commC(1, 1, 64, 8000, "fl64")).ssndHeader(8)
                .f64(Double.NEGATIVE_INFINITY).build();
        assertTrue(assertThrows(AudioDecodeException.class, () -> DECODING.decode(inf)).getMessage()
                .contains("infinite"));
    }

    @Test
    void skipsUnknownAndOddChunksAndReadsTheName() throws IOException {
        AiffBytes b = AiffBytes.aiff().chunk("ANNO", "odd".getBytes(StandardCharsets.US_ASCII))
                .chunk("NAME", "Kick In\0".getBytes(StandardCharsets.US_ASCII))
                .chunk("COMM", AiffBytes.comm(1, 2, 16, 48000)).chunk("MARK", new byte[7]);
        b.ascii("SSND").u32(8 + 3 + 4).u32(3).u32(0).raw(9, 9, 9).u16(0x4000).u16(0x2000);
        b.chunk("AUTH", "after the samples".getBytes(StandardCharsets.US_ASCII));
        Decoded d = DECODING.decode(b.build());
        assertArrayEquals(new float[]{0.5f, 0.25f}, d.samples()[0]);
        assertEquals("Kick In", d.metadata().get(AudioMetadataKeys.TITLE));
    }

    @Test
    void chanChunkNamesTheChannels() throws IOException {
        byte[] tag51 = new AiffBytes().u32(121L << 16 | 6).u32(0).u32(0).bytes();
        assertEquals(ChannelLayout.SURROUND_5_1, sixChannels(tag51, 6).format().layout());

        byte[] tag51c = new AiffBytes().u32(123L << 16 | 6).u32(0).u32(0).bytes();
        assertEquals(List.of(Channel.LEFT, Channel.CENTRE, Channel.RIGHT, Channel.LEFT_SURROUND,
                Channel.RIGHT_SURROUND, Channel.LFE), sixChannels(tag51c, 6).format().layout().channels());

        byte[] bitmap71 = new AiffBytes().u32(1L << 16).u32(0x63F).u32(0).bytes();
        assertEquals(List.of(Channel.LEFT, Channel.RIGHT, Channel.CENTRE, Channel.LFE, Channel.LEFT_BACK,
                Channel.RIGHT_BACK, Channel.LEFT_SURROUND, Channel.RIGHT_SURROUND),
                sixChannels(bitmap71, 8).format().layout().channels());

        AiffBytes described = new AiffBytes().u32(0).u32(0).u32(2);
        described.u32(2).u32(0).u32(0).u32(0).u32(0).u32(1).u32(0).u32(0).u32(0).u32(0);
        assertEquals(List.of(Channel.RIGHT, Channel.LEFT), sixChannels(described.bytes(), 2).format().layout()
                .channels());

        // A layout whose channel count differs from COMM's is ignored.
        assertEquals(ChannelLayout.defaultFor(8), sixChannels(tag51, 8).format().layout());
    }

    @Test
    void fiveChannelsWithoutChanAreLRCLsRs() throws IOException {
        AiffBytes b = AiffBytes.aiff().chunk("COMM", AiffBytes.comm(5, 1, 16, 48000)).ssndHeader(10).raw(
                new int[10]);
        assertEquals(List.of(Channel.LEFT, Channel.RIGHT, Channel.CENTRE, Channel.LEFT_SURROUND,
                Channel.RIGHT_SURROUND), DECODING.decode(b.build()).format().layout().channels());
    }

    private static Decoded sixChannels(byte[] chan, int channels) throws IOException {
        AiffBytes b = AiffBytes.aiff().chunk("CHAN", chan).chunk("COMM", AiffBytes.comm(channels, 1, 16, 48000))
                .ssndHeader(2L * channels);
        for (int c = 0; c < channels; c++) {
            b.u16(c * 1000);
        }
        Decoded d = DECODING.decode(b.build());
        for (int c = 0; c < channels; c++) {
            assertEquals(c * 1000 / 32768f, d.samples()[c][0], "channel " + c);
        }
        return d;
    }

    @Test
    void fractionalRatesAreRounded() throws IOException {
        Decoded d = DECODING.decode(AiffBytes.aiff().chunk("COMM", AiffBytes.comm(1, 0, 8, 22254.5454))
                .ssndHeader(0).build());
        assertEquals(22255, d.format().sampleRateHz());
        assertEquals(0, d.frames());
    }

    @Test
    void truncatedDataIsReportedNotShortened() {
        byte[] whole = AiffBytes.aiff().chunk("COMM", AiffBytes.comm(2, 1000, 16, 48000)).ssndHeader(4000)
                .raw(new int[4000]).build();
        byte[] cut = Arrays.copyOf(whole, whole.length - 41);
        TruncatedAudioException e = assertThrows(TruncatedAudioException.class, () -> DECODING.decode(cut));
        assertEquals(989, e.framesRead());
        assertEquals(1000, e.framesDeclared());
        assertTrue(e.getMessage().startsWith(DECODING.name() + ": file is truncated"), e.getMessage());

        // The SSND chunk holds fewer frames than COMM declares: also truncated, even with bytes after it.
        byte[] small = AiffBytes.aiff().chunk("COMM", AiffBytes.comm(1, 10, 16, 48000)).ssndHeader(8)
                .raw(new int[8]).chunk("ANNO", new byte[100]).build();
        TruncatedAudioException s = assertThrows(TruncatedAudioException.class, () -> DECODING.decode(small));
        assertEquals(4, s.framesRead());
        assertEquals(10, s.framesDeclared());
    }

    /**
     * A second SSND chunk is never dropped silently: after a whole first chunk, or after one that holds fewer frames
     * than COMM declares (not "truncated": the rest is there, in the second chunk).
     */
    @Test
    void aSecondSsndChunkIsAnError() throws IOException {
        byte[] whole = AiffBytes.aiff().chunk("COMM", AiffBytes.comm(1, 2, 16, 48000)).ssndHeader(4).raw(new int[4])
                .chunk("ANNO", new byte[3]).ssndHeader(4).raw(new int[4]).build();
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(whole));
        assertEquals(DECODING.name() + ": two \"SSND\" chunks, at bytes 38 and 70: Mixbench reads a file's first one "
                + "only and would drop the audio of the second", e.getMessage());
        byte[] split = AiffBytes.aiff().chunk("COMM", AiffBytes.comm(1, 4, 16, 48000)).ssndHeader(4).raw(new int[4])
                .ssndHeader(4).raw(new int[4]).build();
        AudioDecodeException s = assertThrows(AudioDecodeException.class, () -> DECODING.decode(split));
        assertFalse(s instanceof TruncatedAudioException, s.getMessage());
        assertTrue(s.getMessage().contains("two \"SSND\" chunks, at bytes 38 and 58"), s.getMessage());

        byte[] trailing = AiffBytes.aiff().chunk("COMM", AiffBytes.comm(1, 2, 16, 48000)).ssndHeader(4).raw(
                new int[4]).chunk("NAME", "x".getBytes(StandardCharsets.US_ASCII)).ascii("ju").build();
        assertEquals(2, DECODING.decode(trailing).frames());
    }

    @Test
    void malformedHeadersGiveClearErrors() {
        expect("not an AIFF file", new byte[0]);
        expect("not an AIFF file", "RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1));
        expect("no COMM chunk (the file ends after 12 bytes)", AiffBytes.aiff().build());
        expect("no SSND chunk", AiffBytes.aiff().chunk("COMM", AiffBytes.comm(1, 1, 16, 48000)).build());
        expect("the SSND chunk comes before the COMM chunk", AiffBytes.aiff().ssndHeader(0)
                .chunk("COMM", AiffBytes.comm(1, 0, 16, 48000)).build());
        expect("AIFF header declares 0 channels", file(AiffBytes.comm(0, 1, 16, 48000)));
        expect("AIFF header declares 40 channels; at most 32", file(AiffBytes.comm(40, 1, 16, 48000)));
        expect("sample rate 0 Hz is not supported", file(AiffBytes.comm(1, 1, 16, 0)));
        expect("sample rate 1 Hz is not supported (8000 to 768000 Hz)", file(AiffBytes.comm(1, 1, 16, 1)));
        expect("sample rate 7999 Hz is not supported", file(AiffBytes.comm(1, 1, 16, 7999)));
        expect("sample rate 4000000000 Hz is not supported", file(AiffBytes.comm(1, 1, 16, 4e9)));
        expect("sample rate -44100 Hz is not supported", file(AiffBytes.comm(1, 1, 16, -44100)));
        byte[] nanRate = new AiffBytes().u16(1).u32(1).u16(16).u16(0x7FFF).u32(0xC0000000L).u32(0).bytes();
        expect("sample rate NaN or infinite Hz is not supported", file(nanRate));
        expect("unsupported sample size 0 bits (1 to 32 are supported)", file(AiffBytes.comm(1, 1, 0, 48000)));
        expect("unsupported sample size 33 bits", file(AiffBytes.comm(1, 1, 33, 48000)));
        expect("unsupported sample size 64 bits", file(AiffBytes.comm(1, 1, 64, 48000)));
        expect("unsupported AIFF-C compression type \"ulaw\" (mu-law)", AiffBytes.aifc()
                .chunk("COMM", AiffBytes.commC(1, 1, 16, 8000, "ulaw")).ssndHeader(2).u16(0).build());
        expect("COMM chunk is too short (18 bytes, at least 22 needed for AIFF-C)", AiffBytes.aifc()
                .chunk("COMM", AiffBytes.comm(1, 1, 16, 8000)).ssndHeader(2).u16(0).build());
        expect("more than one COMM chunk", AiffBytes.aiff().chunk("COMM", AiffBytes.comm(1, 1, 16, 8000))
                .chunk("COMM", AiffBytes.comm(1, 1, 16, 8000)).build());
        expect("the \"ANNO\" chunk at byte 12 declares 4294967295 bytes, but the file ends after 40 bytes",
                AiffBytes.aiff().ascii("ANNO").u32(0xFFFF_FFFFL).raw(new int[20]).build());
        expect("SSND chunk's data offset (100 bytes) lies beyond its size (12 bytes)", AiffBytes.aiff()
                .chunk("COMM", AiffBytes.comm(1, 1, 16, 8000)).ascii("SSND").u32(12).u32(100).u32(0).u32(0)
                .build());
    }

    @Test
    void theInputIsClosedWhenTheHeaderIsRejected() {
        boolean[] closed = new boolean[1];
        InputStream in = new ByteArrayInputStream(file(AiffBytes.comm(0, 1, 16, 48000))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThrows(AudioDecodeException.class, () -> decoder.open(in, "x.aif"));
        assertTrue(closed[0]);
    }

    @Test
    void readErrorsNameTheFileAndPosition() {
        byte[] good = AiffBytes.aiff().chunk("COMM", AiffBytes.comm(1, 10_000, 16, 48000)).ssndHeader(20_000)
                .raw(new int[20_000]).build();
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(good)) {
            private int served;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served > 5000) {
                    throw new IOException("Input/output error");
                }
                int n = super.read(b, off, Math.min(len, 512));
                served += Math.max(n, 0);
                return n;
            }
        };
        // The error names the file and how far reading got, as for WAV.
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> DECODING.decode(failing, "bad.aif", 100));
        assertEquals("bad.aif: reading failed after 2500 sample frames: Input/output error", e.getMessage());
        assertEquals("Input/output error", e.getCause().getMessage());
    }

    private static byte[] file(byte[] comm) {
        return AiffBytes.aiff().chunk("COMM", comm).ssndHeader(2).u16(0).build();
    }

    private static void expect(String problem, byte[] file) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(file));
        assertTrue(e.getMessage().startsWith(DECODING.name() + ": " + problem), e.getMessage());
    }
}
