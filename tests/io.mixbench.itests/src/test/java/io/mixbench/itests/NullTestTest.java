package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import io.mixbench.launch.internal.EmbeddedProduct;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The null test in the product: the clean demo's mix is the exact sum of its stems, and the same session with its
 * mix re-rendered through a peak limiter is reported as bus limiting, with the bypass fix.
 */
class NullTestTest {

    @TempDir
    static Path plugins;
    static EmbeddedProduct product;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        product = Product.startCli(plugins);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    static JsonNode analyze(Path session) throws Exception {
        Product.Run run = Product.run(product, "analyze", session.toString(), "--format", "json");
        JsonNode report = run.json();
        ReportSchema.assertValid(report);
        return report;
    }

    static JsonNode nullTestGroup(JsonNode report) {
        for (JsonNode g : report.get("groups")) {
            if (g.get("meter").asText().equals("nullTest")) {
                return g;
            }
        }
        throw new AssertionError("no nullTest group in " + report.get("groups"));
    }

    @Test
    void cleanDemoMixIsTheExactSumOfItsStems() throws Exception {
        JsonNode report = analyze(Product.demo("clean"));
        JsonNode group = nullTestGroup(report);
        assertEquals("Mix", group.get("tracks").get(0).asText());
        assertEquals(6, group.get("tracks").size(), "the mix and five stems");
        List<JsonNode> findings = Findings.ofRule(report, "bus.limiting");
        assertEquals(1, findings.size(), findings.toString());
        JsonNode f = findings.get(0);
        assertEquals("ok", f.get("severity").asText(), f.toString());
        assertTrue(f.get("message").asText().startsWith("The mix is the exact sum of the stems: no bus processing"),
                f.toString());
    }

    @Test
    void limitedMixIsReportedAsBusLimiting() throws Exception {
        Path session = Files.createDirectories(work.resolve("limited"));
        try (Stream<Path> files = Files.list(Product.demo("clean"))) {
            for (Path file : files.toList()) {
                Files.copy(file, session.resolve(file.getFileName().toString()));
            }
        }
        Path mixFile = session.resolve("Mix.wav");
        Wav mix = read(mixFile);
        double peak = 0;
        for (float[] channel : mix.channels()) {
            for (float v : channel) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        float[][] limited = limit(mix.channels(), peak * Math.pow(10, -4 / 20.0), mix.rateHz(), 0.05);
        WavWriter.write(mixFile, mix.rateHz(), WavEncoding.PCM_24, limited);

        JsonNode report = analyze(session);
        List<JsonNode> findings = Findings.ofRule(report, "bus.limiting");
        assertEquals(1, findings.size(), findings.toString());
        JsonNode f = findings.get(0);
        assertEquals("problem", f.get("severity").asText(), f.toString());
        assertTrue(f.get("message").asText().startsWith("Bus limiting or compression pulls the mix's peaks down by"),
                f.toString());
        assertEquals(4.0, f.get("measured").get("value").asDouble(), 0.1, f.toString());
        assertEquals("Mix", f.get("fix").get("track").asText());
        assertTrue(f.get("fix").get("bypassBusProcessing").asBoolean(), f.toString());
        JsonNode reduction = nullTestGroup(report).get("measurements").get("peakReduction");
        assertEquals(4.0, reduction.get("value").asDouble(), 0.1, reduction.toString());
    }

    @Test
    void mixWithAStemLeftOutOfTheSessionDoesNotAddUp() throws Exception {
        Path session = Files.createDirectories(work.resolve("incomplete"));
        try (Stream<Path> files = Files.list(Product.demo("clean"))) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("Pad.wav")) {
                    Files.copy(file, session.resolve(file.getFileName().toString()));
                }
            }
        }
        JsonNode report = analyze(session);
        List<JsonNode> findings = Findings.ofRule(report, "bus.limiting");
        assertEquals(1, findings.size(), findings.toString());
        JsonNode f = findings.get(0);
        assertEquals("warn", f.get("severity").asText(), f.toString());
        assertTrue(f.get("message").asText().startsWith("The stems do not add up to the mix: a stem is missing"),
                f.toString());
        assertTrue(f.get("message").asText().contains("as a missing stem would be"), f.toString());
    }

    /** A stereo-linked peak limiter: instant attack to the ceiling, exponential release. */
    static float[][] limit(float[][] in, double ceiling, int rateHz, double releaseSeconds) {
        float[][] out = new float[in.length][in[0].length];
        double recover = 1 - Math.exp(-1 / (releaseSeconds * rateHz));
        double gain = 1;
        for (int i = 0; i < in[0].length; i++) {
            double level = 0;
            for (float[] channel : in) {
                level = Math.max(level, Math.abs(channel[i]));
            }
            gain += (1 - gain) * recover;
            if (level * gain > ceiling) {
                gain = ceiling / level;
            }
            for (int c = 0; c < in.length; c++) {
                out[c][i] = (float) (in[c][i] * gain);
            }
        }
        return out;
    }

    record Wav(int rateHz, float[][] channels) {
    }

    /** Reads a 16- or 24-bit PCM WAV file through javax.sound (the product's decoders are not on this path). */
    static Wav read(Path file) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = in.getFormat();
            int bytes = format.getSampleSizeInBits() / 8;
            int channels = format.getChannels();
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding());
            assertTrue(!format.isBigEndian() && (bytes == 2 || bytes == 3), format.toString());
            byte[] data = readAll(in);
            int frames = data.length / (bytes * channels);
            float[][] out = new float[channels][frames];
            double scale = 1.0 / (1L << (8 * bytes - 1));
            for (int i = 0, p = 0; i < frames; i++) {
                for (int c = 0; c < channels; c++, p += bytes) {
                    int v = 0;
                    for (int b = 0; b < bytes; b++) {
                        v |= (data[p + b] & 0xff) << (8 * b);
                    }
                    v = v << (32 - 8 * bytes) >> (32 - 8 * bytes);
                    out[c][i] = (float) (v * scale);
                }
            }
            return new Wav((int) format.getSampleRate(), out);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
