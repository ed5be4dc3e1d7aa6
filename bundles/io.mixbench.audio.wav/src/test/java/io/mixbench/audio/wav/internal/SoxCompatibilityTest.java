package io.mixbench.audio.wav.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import io.mixbench.audio.testing.DecodedAudio.Decoded;
import io.mixbench.audio.testing.Decoding;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by sox decode to the samples sox itself reads from them, and sox reads our files as we wrote
 * them. Skipped only where sox is missing outside CI; with CI=true a missing sox fails.
 */
class SoxCompatibilityTest {

    private static final Decoding DECODING = new Decoding(WavDecoder::new, "take 3.wav");

    /** sox rounds samples to 25 bits when it writes floats ((x + 64) & ~127 of its 32-bit samples). */
    private static final double SOX_FLOAT_STEP = 0x1p-24;

    private static String sox;

    @TempDir
    Path dir;

    @BeforeAll
    static void findSox() {
        sox = findOnPath("sox");
        if (sox == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("sox is not installed, and CI=true requires this test to run (apt-get install sox)");
            }
            Assumptions.abort("sox is not installed");
        }
    }

    @Test
    void soxWrittenFilesDecodeToWhatSoxReads() throws IOException, InterruptedException {
        Path source = dir.resolve("source.wav");
        WavWriter.write(source, 44_100, WavEncoding.PCM_16, signal(2, 30_000));
        Path source6 = dir.resolve("source6.wav");
        WavWriter.write(source6, 48_000, WavEncoding.PCM_16, signal(6, 5_000));

        check(convert(source, "s24.wav", "-b", "24"), 2, 24, "WAV PCM 24-bit", 1e-9);
        check(convert(source, "s32.wav", "-b", "32"), 2, 32, "WAV PCM 32-bit", SOX_FLOAT_STEP);
        check(convert(source, "u8.wav", "-e", "unsigned-integer", "-b", "8"), 2, 8, "WAV PCM 8-bit", 1e-9);
        check(convert(source, "f32.wav", "-e", "floating-point", "-b", "32"), 2, 32, "WAV float 32-bit",
                SOX_FLOAT_STEP);
        check(convert(source, "f64.wav", "-e", "floating-point", "-b", "64"), 2, 64, "WAV float 64-bit",
                SOX_FLOAT_STEP);
        check(convert(source, "mono16.wav", "-b", "16", "-c", "1"), 1, 16, "WAV PCM 16-bit", 1e-9);
        Path surround = convert(source6, "s24x6.wav", "-b", "24");
        check(surround, 6, 24, "WAV PCM 24-bit", 1e-9);
        assertEquals(ChannelLayout.SURROUND_5_1, DECODING.decode(surround).format().layout());

        Path synth = dir.resolve("synth.wav");
        run(sox, "-D", "-n", "-r", "96000", "-c", "2", "-b", "24", synth.toString(), "synth", "0.25", "sine",
                "997", "sine", "3000");
        check(synth, 2, 24, "WAV PCM 24-bit", 1e-9);
    }

    @Test
    void soxReadsOurFilesAsWritten() throws IOException, InterruptedException {
        float[][] signal = signal(2, 10_000);
        for (WavEncoding encoding : WavEncoding.values()) {
            Path ours = dir.resolve("ours-" + encoding + ".wav");
            WavWriter.write(ours, 48_000, encoding, signal);
            Decoded mine = DECODING.decode(ours);
            float[] theirs = soxRawFloats(ours);
            compare(mine, theirs, encoding.bitsPerSample() == 32 ? SOX_FLOAT_STEP : 1e-9, ours);
        }
    }

    private void check(Path file, int channels, int bits, String formatName, double tolerance)
            throws IOException, InterruptedException {
        Decoded mine = DECODING.decode(file);
        assertEquals(channels, mine.format().channels(), file.toString());
        assertEquals(bits, mine.format().bitsPerSample(), file.toString());
        assertEquals(formatName, mine.format().formatName(), file.toString());
        assertEquals(mine.frames(), mine.format().frames(), file.toString());
        compare(mine, soxRawFloats(file), tolerance, file);
    }

    private static void compare(Decoded mine, float[] interleaved, double tolerance, Path file) {
        int channels = mine.format().channels();
        assertEquals(interleaved.length, mine.frames() * channels, "sample count of " + file);
        assertTrue(mine.frames() > 0);
        for (int i = 0; i < mine.frames(); i++) {
            for (int c = 0; c < channels; c++) {
                float expected = interleaved[i * channels + c];
                float actual = mine.samples()[c][i];
                if (Math.abs(expected - actual) > tolerance) {
                    assertEquals(expected, actual, tolerance, file + ": frame " + i + " channel " + c);
                }
            }
        }
    }

    private Path convert(Path source, String name, String... options) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(sox, "-D", source.toString()));
        command.addAll(List.of(options));
        command.add(out.toString());
        run(command.toArray(String[]::new));
        return out;
    }

    /** What sox reads from a file, as interleaved little-endian 32-bit floats. */
    private float[] soxRawFloats(Path file) throws IOException, InterruptedException {
        Path raw = dir.resolve(file.getFileName() + ".f32");
        run(sox, "-D", file.toString(), "-t", "raw", "-e", "floating-point", "-b", "32", "-L", raw.toString());
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[b.remaining() / 4];
        b.asFloatBuffer().get(samples);
        return samples;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("sox did not finish: " + String.join(" ", command));
        }
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + "\n"
                + new String(output, StandardCharsets.UTF_8));
    }

    private static float[][] signal(int channels, int frames) {
        Random random = new Random(7);
        float[][] s = new float[channels][frames];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) {
                s[c][i] = (float) (0.5 * Math.sin(2 * Math.PI * (100 + 50 * c) * i / 44_100.0)
                        + 0.1 * random.nextGaussian());
            }
        }
        return s;
    }

    private static String findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
