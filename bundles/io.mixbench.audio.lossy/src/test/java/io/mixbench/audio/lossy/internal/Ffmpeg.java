package io.mixbench.audio.lossy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.AudioStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes files with the installed ffmpeg and decodes them with it. Without ffmpeg the tests are skipped with a
 * message, except in CI (CI=true), where a missing ffmpeg fails them.
 */
final class Ffmpeg {

    private static Boolean available;

    private Ffmpeg() {
    }

    static void require() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                available = false;
            }
        }
        if (!available) {
            String message = "ffmpeg is not installed (releng/setup.sh --test installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI needs it");
            }
            Assumptions.abort(message + ": skipping the comparison with ffmpeg");
        }
    }

    /** Runs ffmpeg quietly with these arguments, failing on a non-zero exit. */
    static void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                "-y"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("ffmpeg " + String.join(" ", args) + " failed: " + out);
        }
    }

    /** Writes planar samples as interleaved 32-bit float little-endian raw audio. */
    static Path writeRaw(Path file, float[][] samples) throws IOException {
        int channels = samples.length;
        int frames = samples[0].length;
        ByteBuffer b = ByteBuffer.allocate(frames * channels * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                b.putFloat(samples[c][i]);
            }
        }
        Files.write(file, b.array());
        return file;
    }

    /** Encodes raw float samples with ffmpeg; {@code codecArgs} choose the codec, e.g. "-c:a", "libmp3lame". */
    static Path encode(Path dir, float[][] samples, int rate, String name, String... codecArgs)
            throws IOException, InterruptedException {
        Path raw = writeRaw(dir.resolve(name + ".raw"), samples);
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-f", "f32le", "-ar", String.valueOf(rate), "-ac",
                String.valueOf(samples.length), "-i", raw.toString()));
        args.addAll(List.of(codecArgs));
        args.add(out.toString());
        run(args.toArray(String[]::new));
        return out;
    }

    /** ffmpeg's decode of a file, planar, as 32-bit floats. */
    static float[][] decode(Path file, int channels) throws IOException, InterruptedException {
        Path raw = file.resolveSibling(file.getFileName() + ".ffmpeg.raw");
        run("-i", file.toString(), "-f", "f32le", "-c:a", "pcm_f32le", raw.toString());
        FloatBuffer f = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        int frames = f.remaining() / channels;
        float[][] out = new float[channels][frames];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                out[c][i] = f.get();
            }
        }
        return out;
    }

    /** Our decode of a file in blocks of {@code blockFrames}, planar. */
    static float[][] decodeWith(AudioDecoder decoder, Path file, int blockFrames) throws IOException {
        try (AudioStream stream = decoder.open(new BufferedInputStream(Files.newInputStream(file)),
                file.getFileName().toString())) {
            int channels = stream.format().channels();
            float[][] block = new float[channels][blockFrames];
            float[][] all = new float[channels][4096];
            int total = 0;
            int n;
            while ((n = stream.read(block, blockFrames)) > 0) {
                if (total + n > all[0].length) {
                    for (int c = 0; c < channels; c++) {
                        all[c] = Arrays.copyOf(all[c], Math.max(2 * all[c].length, total + n));
                    }
                }
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(block[c], 0, all[c], total, n);
                }
                total += n;
            }
            for (int c = 0; c < channels; c++) {
                all[c] = Arrays.copyOf(all[c], total);
            }
            return all;
        }
    }

    /** Signal-to-noise ratio of {@code actual} against {@code reference}, dB, over all channels. */
    static double snrDb(float[][] reference, float[][] actual) {
        assertEquals(reference.length, actual.length, "channels");
        double signal = 0;
        double noise = 0;
        for (int c = 0; c < reference.length; c++) {
            assertEquals(reference[c].length, actual[c].length, "decoded length of channel " + c);
            for (int i = 0; i < reference[c].length; i++) {
                double d = reference[c][i] - actual[c][i];
                signal += (double) reference[c][i] * reference[c][i];
                noise += d * d;
            }
        }
        return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
    }

    /**
     * A test signal: a different sine per channel plus a little deterministic noise, with a short fade in and out
     * so the encoders' delay and padding show in the length, not as clicks.
     */
    static float[][] signal(int channels, int rate, double seconds) {
        int frames = (int) Math.round(rate * seconds);
        float[][] s = new float[channels][frames];
        java.util.Random random = new java.util.Random(42);
        for (int c = 0; c < channels; c++) {
            double f = 220 * (c + 1) + 17;
            for (int i = 0; i < frames; i++) {
                double env = Math.min(1, Math.min(i, frames - 1 - i) / (0.01 * rate));
                s[c][i] = (float) (env * (0.5 * Math.sin(2 * Math.PI * f * i / rate) + 0.05 * random.nextGaussian()));
            }
        }
        return s;
    }
}
