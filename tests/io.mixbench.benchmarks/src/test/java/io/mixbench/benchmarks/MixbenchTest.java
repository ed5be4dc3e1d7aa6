package io.mixbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioDecoder;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import io.mixbench.meter.MeterFactory;
import io.mixbench.meter.Scalar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixbenchTest {

    @TempDir
    Path dir;

    private Mixbench mixbench() throws IOException {
        List<ServiceComponents.Found<AudioDecoder>> decoders = ServiceComponents.load(AudioDecoder.class,
                getClass().getClassLoader());
        CountingMeterFactory meter = new CountingMeterFactory();
        return new Mixbench(decoders, List.of(new ServiceComponents.Found<MeterFactory>("counting", "test",
                Map.of(), meter)));
    }

    @Test
    void decodesAWavAndFeedsEveryFrameToTheMeters() throws IOException {
        int frames = 3 * MeterChain.BLOCK_FRAMES + 123; // a partial last block
        float[][] x = new float[2][frames];
        double sumSquares = 0;
        for (int i = 0; i < frames; i++) {
            x[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 997 * i / 44_100.0));
            x[1][i] = -x[0][i];
            sumSquares += x[0][i] * (double) x[0][i];
        }
        Path file = dir.resolve("sine.wav");
        WavWriter.write(file, 44_100, WavEncoding.FLOAT_32, x);

        Mixbench.Measured m = mixbench().measure(file);

        assertEquals(44_100, m.format().sampleRateHz());
        assertEquals(frames, m.frames());
        assertEquals(frames, ((Scalar) m.measurements().get("frames")).value());
        assertEquals(sumSquares, ((Scalar) m.measurements().get("sumSquares")).value(), 1e-9 * sumSquares);
        assertEquals(List.of("counting"), List.of(m.meterIds()));
        assertTrue(m.meterNanos()[0] > 0);
    }

    @Test
    void aFileNoDecoderAcceptsIsAnError() throws IOException {
        Path file = dir.resolve("notes.wav");
        Files.writeString(file, "not audio at all");
        IOException e = assertThrows(IOException.class, () -> mixbench().measure(file));
        assertTrue(e.getMessage().contains("no decoder"), e.getMessage());
    }

    @Test
    void theGeneratedBenchmarkFileDecodesToTheGeneratorsSamples() throws IOException {
        Path file = dir.resolve("music.wav");
        Benchmark.generate(file, 48_000, 2);
        Mixbench.Measured m = mixbench().measure(file);
        assertEquals(96_000, m.frames());
        assertEquals(2, m.format().channels());
        assertEquals(24, m.format().bitsPerSample());
        MusicSignal signal = new MusicSignal(48_000, Benchmark.SEED);
        float[][] block = new float[2][96_000];
        signal.fill(block, 96_000);
        double sumSquares = 0;
        for (float v : block[0]) {
            sumSquares += v * (double) v;
        }
        // 24-bit rounding changes the sum far less than this.
        assertEquals(sumSquares, ((Scalar) m.measurements().get("sumSquares")).value(), 1e-4 * sumSquares);
    }
}
