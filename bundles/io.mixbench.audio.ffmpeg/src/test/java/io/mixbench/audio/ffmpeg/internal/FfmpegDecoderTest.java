package io.mixbench.audio.ffmpeg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.testing.DecodedAudio;
import io.mixbench.audio.testing.ExternalTools;
import io.mixbench.audio.AudioDecodeException;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.testing.DecodedAudio.Decoded;
import io.mixbench.audio.testing.Decoding;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FfmpegDecoderTest {

    private static final Decoding DECODING = new Decoding(FfmpegDecoder::new, "take 3.wv");

    private static final String SIGNAL = "aevalsrc=0.6*sin(2*PI*220*t)+0.2*random(0)|0.5*sin(2*PI*330*t):s=48000"
            + ":d=1.5";

    @TempDir
    Path dir;

    @Test
    void withoutFfmpegNothingIsAccepted() {
        byte[] anything = "OggS\0\2\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        for (String path : new String[]{"", "/nonexistent/bin", null}) {
            FfmpegDecoder decoder = new FfmpegDecoder(path);
            assertFalse(decoder.accepts(anything, "song.ogg"));
            assertTrue(decoder.formatName().contains("not installed"));
            AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> decoder.open(
                    new ByteArrayInputStream(anything), "song.ogg"));
            assertEquals("song.ogg: ffmpeg is not installed (no ffmpeg and ffprobe on the PATH)", e.getMessage());
        }
    }

    @Test
    void acceptsAnythingButObviousNonAudioWhenInstalled() {
        requireTools();
        FfmpegDecoder decoder = new FfmpegDecoder();
        assertTrue(decoder.accepts("OggS\0\2".getBytes(StandardCharsets.ISO_8859_1), "song.ogg"));
        assertTrue(decoder.accepts("wvpk".getBytes(StandardCharsets.ISO_8859_1), "kick.wav"));
        assertFalse(decoder.accepts(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "kick.wav"));
        assertFalse(decoder.accepts("%PDF-1.7".getBytes(StandardCharsets.ISO_8859_1), "kick.wav"));
        assertFalse(decoder.accepts(new byte[0], "kick.wav"));
    }

    @Test
    void losslessFormatsDecodeToFfmpegsOwnSamples() throws IOException, InterruptedException {
        requireTools();
        String[][] cases = {{"a.tta", "tta", "s16"}, {"b.au", "pcm_s16be", "s16"}, {"c.mka", "flac", "s32"},
                {"d.w64", "pcm_s24le", "s32"}, {"e.mka", "wavpack", "s32p"}, {"f.mka", "pcm_f32le", "flt"}};
        for (String[] c : cases) {
            Path file = encode(c[0], SIGNAL, "-c:a", c[1], "-sample_fmt", c[2]);
            Decoded mine = DECODING.decode(file);
            assertEquals(48000, mine.format().sampleRateHz(), c[0]);
            assertEquals(ChannelLayout.STEREO, mine.format().layout(), c[0]);
            assertEquals("ffmpeg " + c[1], mine.format().formatName());
            DecodedAudio.assertSamples(ExternalTools.ffmpegFloats(file), mine, 0, file.toString());
        }
    }

    @Test
    void lossyFormatsDecodeToFfmpegsOwnSamples() throws IOException, InterruptedException {
        requireTools();
        for (String[] c : new String[][]{{"a.ogg", "libvorbis"}, {"b.opus", "libopus"}}) {
            Path file = encode(c[0], SIGNAL, "-c:a", c[1]);
            DecodedAudio.assertSamples(ExternalTools.ffmpegFloats(file), DECODING.decode(file), 0, file.toString());
        }
        // Read from a pipe, ffmpeg does not trim an MP3's end padding (it does from a seekable file): the samples
        // agree, and at most one MP3 frame (1152 samples) is left over.
        Path mp3 = encode("c.mp3", SIGNAL, "-c:a", "libmp3lame");
        Decoded mine = DECODING.decode(mp3);
        float[] reference = ExternalTools.ffmpegFloats(mp3);
        int frames = reference.length / 2;
        assertTrue(mine.frames() >= frames && mine.frames() < frames + 1152, mine.frames() + " vs " + frames);
        for (int i = 0; i < frames; i++) {
            assertEquals(reference[2 * i], mine.samples()[0][i], 0, "frame " + i);
            assertEquals(reference[2 * i + 1], mine.samples()[1][i], 0, "frame " + i);
        }
    }

    /**
     * Given the file, ffmpeg seeks: an MP4 with its index (moov) after the samples, as ffmpeg writes it unless told
     * otherwise (through a pipe only small ones open), opens by its path, even under a name ffmpeg would otherwise
     * take for an option or a protocol.
     */
    @Test
    void filesFfmpegMustSeekInOpenByTheirPath() throws IOException, InterruptedException {
        requireTools();
        Path m4a = encode("late-index.m4a", SIGNAL, "-c:a", "aac");
        String atoms = new String(Files.readAllBytes(m4a), StandardCharsets.ISO_8859_1);
        assertTrue(atoms.indexOf("mdat") < atoms.indexOf("moov"), "the index follows the samples");
        Path odd = Files.copy(m4a, dir.resolve("-pipe:1 take.m4a"));
        for (Path file : List.of(m4a, odd)) {
            Decoded mine;
            try (AudioStream stream = new FfmpegDecoder().openFile(file, file.toString())) {
                mine = DecodedAudio.readAll(stream, 4096);
            }
            assertEquals("ffmpeg aac", mine.format().formatName());
            assertEquals(48000, mine.format().sampleRateHz());
            DecodedAudio.assertSamples(ExternalTools.ffmpegFloats(m4a), mine, 0, file.toString());
        }
        AudioDecodeException missing = assertThrows(AudioDecodeException.class,
                () -> new FfmpegDecoder().openFile(dir.resolve("gone.m4a"), "gone.m4a"));
        assertEquals("gone.m4a: cannot be read", missing.getMessage());
    }

    @Test
    void surroundKeepsItsLayoutAndOrder() throws IOException, InterruptedException {
        requireTools();
        Path file = encode("s.mka", "aevalsrc=0.1|0.2|0.3|0.4|0.5|0.6*sin(2*PI*50*t):s=96000:d=0.3:c=5.1", "-c:a",
                "flac");
        Decoded mine = DECODING.decode(file);
        assertEquals(ChannelLayout.SURROUND_5_1, mine.format().layout());
        assertEquals(96000, mine.format().sampleRateHz());
        assertEquals(0.3f, mine.samples()[2][100], 1e-6f, "centre is the third channel");
        DecodedAudio.assertSamples(ExternalTools.ffmpegFloats(file), mine, 0, file.toString());
    }

    @Test
    void ffmpegsErrorsNameTheFile() throws IOException, InterruptedException {
        requireTools();
        byte[] noise = new byte[5000];
        new Random(1).nextBytes(noise);
        AudioDecodeException garbage = assertThrows(AudioDecodeException.class, () -> DECODING.decode(
                new ByteArrayInputStream(noise), "noise.bin", 1000));
        assertTrue(garbage.getMessage().startsWith("noise.bin: ffmpeg finds no audio stream"), garbage
                .getMessage());

        Path video = dir.resolve("video.mkv");
        ExternalTools.run(ExternalTools.require("ffmpeg"), "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                "color=size=16x16:d=0.2", "-c:v", "ffv1", video.toString());
        AudioDecodeException noAudio = assertThrows(AudioDecodeException.class, () -> DECODING.decode(video));
        assertTrue(noAudio.getMessage().startsWith(video + ": ffmpeg finds no audio stream"), noAudio
                .getMessage());

        // Damage in the middle: ffmpeg reports it but exits with 0 and goes on; the stream fails with its words.
        byte[] file = Files.readAllBytes(encode("damaged.mka", SIGNAL, "-c:a", "flac"));
        for (int i = file.length / 2; i < file.length / 2 + 40; i++) {
            file[i] ^= 0x5A;
        }
        AudioDecodeException damaged = assertThrows(AudioDecodeException.class, () -> DECODING.decode(
                new ByteArrayInputStream(file), "damaged.mka", 1000));
        assertTrue(damaged.getMessage().startsWith("damaged.mka: ffmpeg could not decode the file after "), damaged
                .getMessage());
        assertTrue(damaged.getMessage().contains("(exit code 0): "), damaged.getMessage());
    }

    @Test
    void aReadErrorOfTheFileIsReported() throws IOException, InterruptedException {
        requireTools();
        byte[] file = Files.readAllBytes(encode("long.mka", SIGNAL.replace("d=1.5", "d=20"), "-c:a", "flac"));
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(file)) {
            private int served;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served > FfmpegStream.PROBE_BYTES + 100_000) {
                    throw new IOException("Input/output error");
                }
                int n = super.read(b, off, Math.min(len, 4096));
                served += Math.max(0, n);
                return n;
            }
        };
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> DECODING.decode(failing,
                "long.mka", 4096));
        assertEquals("long.mka: cannot be read: Input/output error", e.getMessage());
    }

    @Test
    void closingKillsFfmpeg() throws IOException, InterruptedException {
        requireTools();
        // A Sun .au header with an unknown length, then silence that never ends.
        byte[] header = {'.', 's', 'n', 'd', 0, 0, 0, 24, -1, -1, -1, -1, 0, 0, 0, 3, 0, 0, (byte) 0xBB, (byte) 0x80,
                0, 0, 0, 2};
        boolean[] closed = new boolean[1];
        InputStream endless = new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < header.length ? header[(int) position++] & 0xFF : 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len && position < header.length) {
                    b[off + n++] = header[(int) position++];
                }
                java.util.Arrays.fill(b, off + n, off + len, (byte) 0);
                position += len - n;
                return len;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        AudioStream stream = new FfmpegDecoder().open(endless, "endless.au");
        float[][] block = new float[2][4096];
        for (int i = 0; i < 20; i++) {
            assertEquals(4096, stream.read(block, 4096));
        }
        Process process = ((FfmpegStream) stream).process();
        assertTrue(process.isAlive());
        stream.close();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "ffmpeg still runs after close");
        assertTrue(closed[0], "the file is closed");
        assertThrows(IOException.class, () -> stream.read(block, 4096));
    }

    @Test
    void emptyInputIsReportedWithoutRunningTools() throws IOException {
        requireTools();
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> new FfmpegDecoder().open(
                new BufferedInputStream(new ByteArrayInputStream(new byte[0])), "empty.ogg"));
        assertEquals("empty.ogg: file is empty", e.getMessage());
    }

    /**
     * An HLS playlist named .m4a in the session whose segment lies outside it: ffmpeg may not follow it, whether it
     * reads the file by its path or from a pipe. The segment is a FIFO fed by a thread that notes when a reader
     * opens it, so "nothing outside was read" is checked without waiting for anything.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a guard against a hang, not a measurement
    void aPlaylistCannotMakeFfmpegReadOtherFiles() throws Exception {
        requireTools();
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Path session = Files.createDirectory(dir.resolve("session"));
        byte[] segmentBytes = Files.readAllBytes(encode("segment.ts", SIGNAL, "-c:a", "aac", "-f", "mpegts"));
        Path segment = outside.resolve("seg.ts");
        ExternalTools.run("mkfifo", segment.toString());
        AtomicBoolean segmentOpened = new AtomicBoolean();
        Thread feeder = new Thread(() -> {
            try (var out = Files.newOutputStream(segment)) { // blocks until someone opens the FIFO to read
                segmentOpened.set(true);
                out.write(segmentBytes);
            } catch (IOException e) {
                // the reader stopped reading
            }
        });
        feeder.setDaemon(true);
        feeder.start();
        Path playlist = Files.writeString(session.resolve("x.m4a"), "#EXTM3U\n#EXT-X-VERSION:3\n"
                + "#EXT-X-TARGETDURATION:2\n#EXTINF:1.5,\n" + segment.toAbsolutePath() + "\n#EXT-X-ENDLIST\n");

        AudioDecodeException byPath = assertThrows(AudioDecodeException.class, () -> new FfmpegDecoder().openFile(
                playlist, "session/x.m4a").close());
        assertEquals("session/x.m4a: ffmpeg reads it as \"hls\", a format that opens other files or addresses (a "
                + "playlist, for one); Mixbench lets ffmpeg read only audio formats that hold their own samples",
                byPath.getMessage());
        AudioDecodeException byPipe = assertThrows(AudioDecodeException.class, () -> DECODING.decode(
                new ByteArrayInputStream(Files.readAllBytes(playlist)), "session/x.m4a", 4096));
        assertTrue(byPipe.getMessage().startsWith("session/x.m4a: ffmpeg reads it as \"hls\""), byPipe
                .getMessage());
        assertFalse(segmentOpened.get(), "ffmpeg opened the segment outside the session");

        if (feeder.isAlive()) {
            try (InputStream release = Files.newInputStream(segment)) {
                release.readAllBytes();
            }
        }
        feeder.join();
    }

    private Path encode(String name, String source, String... options) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(ExternalTools.require("ffmpeg"), "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", source));
        command.addAll(List.of(options));
        command.add(file.toString());
        ExternalTools.run(command.toArray(String[]::new));
        return file;
    }

    private static void requireTools() {
        ExternalTools.require("ffmpeg");
        ExternalTools.require("ffprobe");
    }
}
