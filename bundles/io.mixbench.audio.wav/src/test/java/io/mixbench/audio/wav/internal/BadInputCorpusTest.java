package io.mixbench.audio.wav.internal;

import io.mixbench.audio.testing.DecodedAudio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.TruncatedAudioException;
import io.mixbench.audio.testing.Decoding;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of issue 4, generated here: each file gives an error that names the file and the problem,
 * within a time limit, without allocating in proportion to a size field, and never a number presented as valid.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BadInputCorpusTest {

    private static final Decoding DECODING = new Decoding(WavDecoder::new, "take 3.wav");

    private static final byte[] PCM16 = WavBytes.fmt(WavBytes.PCM, 2, 48000, 16);

    private static byte[] good(int frames) {
        return WavBytes.riff().chunk("fmt ", PCM16).chunk("data", new byte[frames * 4]).build();
    }

    private static byte[] withFmt(byte[] fmt) {
        return WavBytes.riff().chunk("fmt ", fmt).chunk("data", new byte[64]).build();
    }

    private static byte[] floats(float... values) {
        WavBytes data = new WavBytes();
        for (float v : values) {
            data.f32(v);
        }
        return WavBytes.riff().chunk("fmt ", WavBytes.fmt(WavBytes.FLOAT, 1, 48000, 32)).chunk("data", data.bytes())
                .build();
    }

    /** The corpus: file name, content, and what the error must say. */
    static Stream<Arguments> corpus() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
                0, 1, 0, 1, 0, 0};
        byte[] oversized = WavBytes.riff().chunk("fmt ", PCM16).chunkHeader("data", 4_000_000).bytes(new byte[400])
                .build();
        return Stream.of(
                Arguments.of("empty.wav", new byte[0], "not a RIFF/WAVE file"),
                Arguments.of("header-only.wav", WavBytes.riff().build(), "no fmt chunk (the file ends after 12 bytes)"),
                Arguments.of("fmt-only.wav", WavBytes.riff().chunk("fmt ", PCM16).build(), "no data chunk"),
                Arguments.of("truncated.wav", Arrays.copyOf(good(1000), 2000), "file is truncated: the data stops"
                        + " after 489 of 1000 sample frames"),
                Arguments.of("data-larger-than-file.wav", oversized, "file is truncated: the data stops after 100 of"
                        + " 1000000 sample frames"),
                Arguments.of("list-size-ffffffff.wav", WavBytes.riff().chunkHeader("LIST", 0xFFFF_FFFFL)
                        .bytes(new byte[64]).build(), "the \"LIST\" chunk at byte 12 declares 4294967295 bytes"),
                Arguments.of("fmt-size-ffffffff.wav", WavBytes.riff().chunkHeader("fmt ", 0xFFFF_FFFFL).bytes(PCM16)
                        .build(), "the \"fmt \" chunk at byte 12 declares 4294967295 bytes"),
                Arguments.of("zero-channels.wav", withFmt(WavBytes.fmt(WavBytes.PCM, 0, 48000, 0, 16)),
                        "WAV header declares 0 channels"),
                Arguments.of("zero-rate.wav", withFmt(WavBytes.fmt(WavBytes.PCM, 2, 0, 16)),
                        "sample rate 0 Hz is not supported"),
                Arguments.of("absurd-rate.wav", withFmt(WavBytes.fmt(WavBytes.PCM, 2, 0x7FFF_FFFF, 16)),
                        "sample rate 2147483647 Hz is not supported"),
                Arguments.of("bits-0.wav", withFmt(WavBytes.fmt(WavBytes.PCM, 1, 48000, 1, 0)),
                        "unsupported bits per sample for integer PCM: 0"),
                Arguments.of("bits-7.wav", withFmt(WavBytes.fmt(WavBytes.PCM, 1, 48000, 1, 7)),
                        "unsupported bits per sample for integer PCM: 7"),
                Arguments.of("bits-33.wav", withFmt(WavBytes.fmt(WavBytes.PCM, 1, 48000, 5, 33)),
                        "unsupported bits per sample for integer PCM: 33"),
                Arguments.of("bits-64-int.wav", withFmt(WavBytes.fmt(WavBytes.PCM, 1, 48000, 8, 64)),
                        "unsupported bits per sample for integer PCM: 64"),
                Arguments.of("lying-block-align.wav", withFmt(WavBytes.fmt(WavBytes.PCM, 2, 48000, 3, 16)),
                        "block align 3 does not match 2 channels x 2 bytes per sample (4)"),
                Arguments.of("nan.wav", floats(0.1f, Float.NaN), "sample 1 of channel 1 is NaN"),
                Arguments.of("plus-inf.wav", floats(Float.POSITIVE_INFINITY), "sample 0 of channel 1 is infinite"),
                Arguments.of("minus-inf.wav", floats(0, 0, Float.NEGATIVE_INFINITY), "sample 2 of channel 1 is"
                        + " infinite"),
                Arguments.of("cover.wav", jpeg, "not a RIFF/WAVE file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadFileNamesTheFileAndTheProblem(String name, byte[] content, String problem) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class,
                () -> DECODING.decode(new ByteArrayInputStream(content), "/session/" + name, 256));
        assertEquals("/session/" + name, e.sourceName());
        assertTrue(e.getMessage().startsWith("/session/" + name + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), () -> "expected \"" + problem + "\" in: " + e.getMessage());
    }

    @Test
    void aJpegRenamedWavIsNotAccepted() {
        assertFalse(new WavDecoder().accepts(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10,
                'J', 'F', 'I', 'F', 0, 1}, "kick.wav"));
    }

    @Test
    void dataSizeFfffffffMeansToTheEndOfTheFileAndRiffSizeIsIgnored() throws IOException {
        // recorders write 0xFFFFFFFF until they patch the sizes; the samples that are there are the file
        byte[] file = WavBytes.riff().chunk("fmt ", PCM16).chunkHeader("data", 0xFFFF_FFFFL).bytes(new byte[4 * 10 + 3])
                .build();
        file[4] = file[5] = file[6] = file[7] = (byte) 0xFF;
        DecodedAudio.Decoded d = DECODING.decode(file);
        assertEquals(10, d.frames(), "a partial last frame is dropped");
        assertEquals(-1, d.format().frames());
    }

    @Test
    void oddSizedFmtChunkIsFollowedByItsPadByte() throws IOException {
        byte[] fmt17 = Arrays.copyOf(PCM16, 17);
        byte[] file = WavBytes.riff().chunk("fmt ", fmt17).chunk("data", new WavBytes().u16(0x4000).u16(0xC000)
                .bytes()).build();
        DecodedAudio.Decoded d = DECODING.decode(file);
        assertEquals(1, d.frames());
        assertEquals(0.5f, d.samples()[0][0]);
        assertEquals(-0.5f, d.samples()[1][0]);
    }

    /** A stream that fails like a disk with a bad sector after {@code goodBytes}. */
    static final class FailingStream extends FilterInputStream {
        private long left;

        FailingStream(InputStream in, long goodBytes) {
            super(in);
            this.left = goodBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("Input/output error");
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }
    }

    @Test
    void unreadableFileInTheHeaderOrTheDataNamesTheFile() {
        byte[] file = good(10_000);
        AudioDecodeException header = assertThrows(AudioDecodeException.class,
                () -> DECODING.decode(new FailingStream(new ByteArrayInputStream(file), 20), "bad-sector.wav", 512));
        assertEquals("bad-sector.wav: reading the header failed: Input/output error", header.getMessage());
        AudioDecodeException data = assertThrows(AudioDecodeException.class,
                () -> DECODING.decode(new FailingStream(new ByteArrayInputStream(file), 20_000), "bad-sector.wav",
                        512));
        assertTrue(data.getMessage().startsWith("bad-sector.wav: reading failed after "), data.getMessage());
        assertTrue(data.getMessage().endsWith(" sample frames: Input/output error"), data.getMessage());
    }

    @Test
    void aFileThatShrinksWhileBeingReadIsTruncatedNotShorter(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("shrinking.wav");
        Files.write(path, good(100_000));
        try (AudioStream stream = new WavDecoder().open(new BufferedInputStream(Files.newInputStream(path), 4096),
                path.toString())) {
            float[][] block = new float[2][1024];
            assertEquals(1024, stream.read(block, 1024));
            try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
                raf.setLength(200_000); // another program cuts the file while it is being read
            }
            TruncatedAudioException e = assertThrows(TruncatedAudioException.class, () -> {
                while (stream.read(block, 1024) > 0) {
                    // keep reading until the cut
                }
            });
            assertTrue(e.getMessage().startsWith(path + ": file is truncated"), e.getMessage());
            assertEquals(100_000, e.framesDeclared());
            assertTrue(e.framesRead() < 50_000, e.getMessage());
        }
    }
}
