package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file measured with its meters split over several threads (the default when cores are idle) gives the report
 * the one-thread path gives ({@code -Dmixbench.meterThreads=1}): every measurement in the JSON report equal, only
 * the timing fields differ.
 */
class MultiThreadedAnalysisTest {

    static final int RATE = 48_000;

    @TempDir
    Path dir;

    /** Music-like: decaying notes, a bass line, noise hits, a stretch of digital silence; not whole blocks long. */
    static float[][] music(int channels, int frames, long seed) {
        Random random = new Random(seed);
        float[][] samples = new float[channels][frames];
        for (int i = 0; i < frames; i++) {
            double s = i / (double) RATE;
            if (s >= 2 && s < 3) {
                continue;
            }
            double beat = s * 2 % 1;
            double note = Math.sin(2 * Math.PI * (196 + 98 * ((i / 12_000) % 5)) * s) * Math.exp(-5 * beat);
            double bass = 0.35 * Math.sin(2 * Math.PI * 49 * s) * (0.6 + 0.4 * Math.sin(0.5 * s));
            double noise = random.nextGaussian() * (beat < 0.04 ? 0.3 : 0.01);
            for (int c = 0; c < channels; c++) {
                double pan = 0.5 + 0.4 * Math.sin(0.25 * s + c);
                samples[c][i] = (float) (0.45 * (pan * note + bass + noise * (c + 1) / channels));
            }
        }
        return samples;
    }

    static void write(Path file, int channels, int frames, long seed) throws IOException {
        WavWriter.write(file, RATE, WavEncoding.PCM_24, music(channels, frames, seed));
    }

    /** The report's JSON without what depends on the clock. */
    static JsonNode analyse(String meterThreads, Path input) throws Exception {
        Product.Run run = Product.process(Map.of("MIXBENCH_JAVA_OPTS", "-Dmixbench.meterThreads=" + meterThreads),
                300, "analyze", input.toString(), "--no-cache", "--format", "json", "--quiet");
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
        JsonNode report = Product.JSON.readTree(run.out());
        ((ObjectNode) report).remove(List.of("analysedAt", "elapsedSeconds"));
        return report;
    }

    @Test
    void oneFileOnSeveralThreadsReportsWhatOneThreadReports() throws Exception {
        Path stereo = dir.resolve("mix.wav");
        write(stereo, 2, RATE * 40 + 4321, 1);
        Path mono = dir.resolve("mono.wav");
        write(mono, 1, RATE * 9 + 17, 2);
        Path surround = dir.resolve("surround.wav");
        write(surround, 6, RATE * 7 + 999, 3);
        Path shorter = dir.resolve("short.wav");
        write(shorter, 2, 5_000, 4);
        for (Path file : List.of(stereo, mono, surround, shorter)) {
            JsonNode one = analyse("1", file);
            JsonNode many = analyse("4", file);
            assertTrue(one.toString().contains("integratedLoudness"), "measured: " + one);
            assertEquals(one, many, file.getFileName() + ": the report of the multi-threaded path");
        }
    }

    @Test
    void aSessionOfStemsReportsTheSameEitherWay() throws Exception {
        Path session = Files.createDirectories(dir.resolve("session"));
        write(session.resolve("kick.wav"), 1, RATE * 12 + 1, 5);
        write(session.resolve("bass.wav"), 2, RATE * 12 + 1, 6);
        write(session.resolve("keys.wav"), 2, RATE * 12 + 1, 7);
        write(session.resolve("mix.wav"), 2, RATE * 12 + 1, 8);
        assertEquals(analyse("1", session), analyse("4", session));
    }
}
