package io.mixbench.audio.wav.internal;

import io.mixbench.audio.AudioStream;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints how many times faster than real time a 24-bit stereo 48 kHz file decodes (goal: more than 1500x).
 * Run after {@code mvn install}: {@code java -cp target/classes:target/test-classes:<audio api jar>
 * io.mixbench.audio.wav.internal.WavDecodeBenchmark [seconds of audio]}.
 */
public final class WavDecodeBenchmark {

    private WavDecodeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rate = 48_000;
        Path dir = Files.createTempDirectory("wav-bench");
        Path file = dir.resolve("bench-24bit-stereo.wav");
        try {
            write(file, rate, seconds);
            System.out.printf(Locale.ROOT, "file: %d s of 24-bit stereo at %d Hz, %.1f MB%n", seconds, rate,
                    Files.size(file) / 1e6);
            for (int run = 1; run <= 7; run++) {
                long start = System.nanoTime();
                double sum = decode(file);
                double elapsed = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %.3f s, %.0fx real time (checksum %.3f)%n", run, elapsed,
                        seconds / elapsed, sum);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static void write(Path file, int rate, int seconds) throws IOException {
        int block = 4800;
        float[][] planar = new float[2][block];
        try (WavWriter writer = WavWriter.create(file, rate, 2, WavEncoding.PCM_24)) {
            long frame = 0;
            for (int b = 0; b < seconds * (rate / block); b++) {
                for (int i = 0; i < block; i++, frame++) {
                    planar[0][i] = (float) (0.5 * Math.sin(frame * 0.0131));
                    planar[1][i] = (float) (0.4 * Math.sin(frame * 0.0173));
                }
                writer.write(planar, block);
            }
        }
    }

    private static double decode(Path file) throws IOException {
        int block = 4096;
        float[][] samples = new float[2][block];
        double sum = 0;
        try (AudioStream stream = new WavDecoder().open(new BufferedInputStream(Files.newInputStream(file)),
                file.toString())) {
            int n;
            while ((n = stream.read(samples, block)) > 0) {
                sum += samples[0][n - 1] + samples[1][0];
            }
        }
        return sum;
    }
}
