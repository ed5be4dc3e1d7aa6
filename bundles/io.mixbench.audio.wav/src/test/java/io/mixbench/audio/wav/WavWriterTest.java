package io.mixbench.audio.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {

    @TempDir
    Path dir;

    @Test
    void nothingAppearsUnderTheFinalNameBeforeClose() throws IOException {
        Path file = dir.resolve("kick.wav");
        try (WavWriter writer = WavWriter.create(file, 48_000, 1, WavEncoding.PCM_16)) {
            writer.write(new float[][]{{0.5f, -0.5f}}, 2);
            assertFalse(Files.exists(file));
            assertEquals(1, files().size(), "one temporary file");
            assertTrue(files().get(0).getFileName().toString().startsWith(".kick.wav."));
        }
        assertEquals(List.of(file), files(), "the temporary file was moved into place");
        assertEquals(44 + 4, Files.size(file));
    }

    @Test
    void aFailedWriteLeavesNeitherTheFileNorATemporaryFile() throws IOException {
        Path file = dir.resolve("snare.wav");
        Files.writeString(file, "the old file");
        try (WavWriter writer = WavWriter.create(file, 48_000, 1, WavEncoding.PCM_24)) {
            writer.write(new float[][]{{0.1f, 0.2f}}, 2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> writer.write(new float[][]{{0.3f, Float.NaN}}, 2));
            assertTrue(e.getMessage().contains("sample 3 of channel 1 is NaN"), e.getMessage());
        }
        assertEquals("the old file", Files.readString(file), "the old file is untouched");
        assertEquals(List.of(file), files(), "no temporary file is left");
    }

    @Test
    void aDiscardedFileLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("bass.wav");
        Files.writeString(file, "the old file");
        try (WavWriter writer = WavWriter.create(file, 48_000, 2, WavEncoding.FLOAT_32)) {
            writer.write(new float[][]{{0.1f}, {0.2f}}, 1);
            writer.discard();
            writer.discard();
            assertThrows(IOException.class, () -> writer.write(new float[][]{{0.1f}, {0.2f}}, 1));
        }
        assertEquals("the old file", Files.readString(file), "the old file is untouched");
        assertEquals(List.of(file), files(), "no temporary file is left");
    }

    @Test
    void aKilledWritersTemporaryFileIsRemovedByTheNextWriteOfTheFile() throws IOException {
        Path file = dir.resolve("pad.wav");
        // What a render killed mid-way leaves: nobody holds its lock.
        Files.writeString(dir.resolve(AtomicFiles.temporaryName(file, "123")), "half a file");
        WavWriter.write(file, 44_100, WavEncoding.PCM_16, new float[][]{{0.25f}});
        assertEquals(List.of(file), files());
    }

    @Test
    void closeReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("bass.wav");
        Files.writeString(file, "old");
        WavWriter.write(file, 44_100, WavEncoding.PCM_16, new float[][]{{0.25f}});
        assertEquals(46, Files.size(file));
        assertEquals(List.of(file), files());
    }

    @Test
    void integersAreRoundedAndClippedWithoutDither() throws IOException {
        Path file = dir.resolve("clip.wav");
        float tie = 0.5f / 32768;
        WavWriter.write(file, 44_100, WavEncoding.PCM_16, new float[][]{{1f, -1f, 1.5f, -2f, tie, -tie,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.49f / 32768, -0.51f / 32768}});
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[10];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = b.getShort(44 + 2 * i);
        }
        assertArrayEquals(new short[]{32767, -32768, 32767, -32768, 1, 0, 32767, -32768, 0, -1}, samples);
        byte[] again = Files.readAllBytes(file);
        WavWriter.write(file, 44_100, WavEncoding.PCM_16, new float[][]{{1f, -1f, 1.5f, -2f, tie, -tie,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.49f / 32768, -0.51f / 32768}});
        assertArrayEquals(again, Files.readAllBytes(file), "deterministic");
    }

    @Test
    void plainHeaderFor16BitStereo() throws IOException {
        ByteBuffer b = written(WavEncoding.PCM_16, 2, 3);
        assertEquals("RIFF", ascii(b, 0));
        assertEquals(36 + 12, b.getInt(4));
        assertEquals("WAVE", ascii(b, 8));
        assertEquals("fmt ", ascii(b, 12));
        assertEquals(16, b.getInt(16));
        assertEquals(1, b.getShort(20), "WAVE_FORMAT_PCM");
        assertEquals(2, b.getShort(22));
        assertEquals(48_000, b.getInt(24));
        assertEquals(48_000 * 4, b.getInt(28));
        assertEquals(4, b.getShort(32));
        assertEquals(16, b.getShort(34));
        assertEquals("data", ascii(b, 36));
        assertEquals(12, b.getInt(40));
        assertEquals(44 + 12, b.limit());
    }

    @Test
    void floatStereoHasAFactChunk() throws IOException {
        ByteBuffer b = written(WavEncoding.FLOAT_32, 2, 5);
        assertEquals(18, b.getInt(16));
        assertEquals(3, b.getShort(20), "WAVE_FORMAT_IEEE_FLOAT");
        assertEquals(0, b.getShort(36), "cbSize");
        assertEquals("fact", ascii(b, 38));
        assertEquals(5, b.getInt(46), "frames");
        assertEquals("data", ascii(b, 50));
        assertEquals(40, b.getInt(54));
    }

    @Test
    void extensibleFor24BitAndForMoreThanTwoChannels() throws IOException {
        ByteBuffer mono24 = written(WavEncoding.PCM_24, 1, 3);
        assertEquals(40, mono24.getInt(16));
        assertEquals(0xFFFE, mono24.getShort(20) & 0xFFFF, "WAVE_FORMAT_EXTENSIBLE");
        assertEquals(22, mono24.getShort(36), "cbSize");
        assertEquals(24, mono24.getShort(38), "valid bits");
        assertEquals(0x4, mono24.getInt(40), "front centre");
        assertEquals(1, mono24.getShort(44), "PCM sub-format");
        assertEquals("data", ascii(mono24, 60));
        assertEquals(9, mono24.getInt(64), "odd data size");
        assertEquals(68 + 10, mono24.limit(), "padded to an even size");
        assertEquals(68 + 10 - 8, mono24.getInt(4), "RIFF size counts the pad byte");

        ByteBuffer surround = written(WavEncoding.PCM_16, 6, 1);
        assertEquals(0xFFFE, surround.getShort(20) & 0xFFFF);
        assertEquals(0x3F, surround.getInt(40), "5.1");

        ByteBuffer float8 = written(WavEncoding.FLOAT_32, 8, 2);
        assertEquals(0x63F, float8.getInt(40), "7.1");
        assertEquals(3, float8.getShort(44), "float sub-format");
        assertEquals("fact", ascii(float8, 60));
        assertEquals("data", ascii(float8, 72));
    }

    @Test
    void rejectsImpossibleArguments() throws IOException {
        Path file = dir.resolve("x.wav");
        assertThrows(IllegalArgumentException.class, () -> WavWriter.create(file, 0, 1, WavEncoding.PCM_16));
        assertThrows(IllegalArgumentException.class, () -> WavWriter.create(file, 44_100, 0, WavEncoding.PCM_16));
        assertThrows(IllegalArgumentException.class, () -> WavWriter.create(file, 44_100, 33, WavEncoding.PCM_16));
        assertThrows(IllegalArgumentException.class,
                () -> WavWriter.write(file, 44_100, WavEncoding.PCM_16, new float[][]{{0f}, {0f, 0f}}));
        try (WavWriter writer = WavWriter.create(file, 44_100, 2, WavEncoding.PCM_16)) {
            assertThrows(IllegalArgumentException.class, () -> writer.write(new float[][]{{0f}}, 1));
            assertThrows(IllegalArgumentException.class, () -> writer.write(new float[][]{{0f}, {0f}}, 2));
        }
        assertFalse(Files.exists(file), "a failed write discards the file");
        assertEquals(List.of(), files());
    }

    private ByteBuffer written(WavEncoding encoding, int channels, int frames) throws IOException {
        Path file = dir.resolve(encoding + "-" + channels + ".wav");
        float[][] planar = new float[channels][frames];
        WavWriter.write(file, 48_000, encoding, planar);
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String ascii(ByteBuffer b, int at) {
        byte[] id = new byte[4];
        b.get(at, id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
