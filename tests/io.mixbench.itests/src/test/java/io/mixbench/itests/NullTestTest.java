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
        Path session = copyOfCleanDemo("limited");
        Path mixFile = session.resolve("Mix.wav");
        Wav mix = read(mixFile);
        float[][] limited = limit(mix.channels(), peak(mix.channels()) * Math.pow(10, -4 / 20.0), mix.rateHz(), 0.05);
        WavWriter.write(mixFile, mix.rateHz(), WavEncoding.PCM_24, limited);

        JsonNode report = analyze(session);
        List<JsonNode> findings = Findings.ofRule(report, "bus.limiting");
        assertEquals(1, findings.size(), findings.toString());
        JsonNode f = findings.get(0);
        assertEquals("problem", f.get("severity").asText(), f.toString());
        assertTrue(f.get("message").asText().startsWith("The mix bus is limited: up to 4.0 dB of gain reduction"),
                f.toString());
        assertEquals(4.0, f.get("measured").get("value").asDouble(), 0.1, f.toString());
        assertEquals("Mix", f.get("fix").get("track").asText());
        assertTrue(f.get("fix").get("bypassBusProcessing").asBoolean(), f.toString());
        assertTrue(!f.get("fix").has("gainDb"), "no make-up gain to take off: " + f);
        JsonNode reduction = nullTestGroup(report).get("measurements").get("peakReduction");
        assertEquals(4.0, reduction.get("value").asDouble(), 0.1, reduction.toString());
    }

    /**
     * The clean demo's mix pushed +8 dB into a -1 dBFS limiter with 50 ms release (sox: gain 8, then a peak limiter):
     * the mix peaks higher than the stems' sum and the residual is everywhere, yet the bus's gain per 10 ms shows the
     * limiter. It is the first finding, with its measured reduction and the bypass plus the make-up gain off, and no
     * master-fader move is offered after it.
     */
    @Test
    void limiterWithMakeUpGainIsNamedFirstWithItsReduction() throws Exception {
        Path session = copyOfCleanDemo("made-up");
        Path mixFile = session.resolve("Mix.wav");
        Wav mix = read(mixFile);
        // The clean demo's mix is the exact sum of its stems: its peak is the sum's.
        double sumPeakDbfs = 20 * Math.log10(peak(mix.channels()));
        float[][] loud = new float[mix.channels().length][];
        for (int c = 0; c < loud.length; c++) {
            loud[c] = mix.channels()[c].clone();
            for (int i = 0; i < loud[c].length; i++) {
                loud[c][i] *= (float) Math.pow(10, 8 / 20.0);
            }
        }
        float[][] limited = limit(loud, Math.pow(10, -1 / 20.0), mix.rateHz(), 0.05);
        WavWriter.write(mixFile, mix.rateHz(), WavEncoding.PCM_24, limited);

        JsonNode report = analyze(session);
        JsonNode first = report.get("findings").get(0);
        assertEquals("bus.limiting", first.get("rule").asText(), "the limiter is said first: " + first);
        assertEquals("problem", first.get("severity").asText(), first.toString());
        double expectedDb = sumPeakDbfs + 8 + 1;
        assertTrue(first.get("message").asText().startsWith("The mix bus is limited: up to "
                + String.format(java.util.Locale.ROOT, "%.1f", expectedDb) + " dB of gain reduction on the loudest "
                + "hits, in "), first.toString());
        assertTrue(first.get("message").asText().contains("behind +8.0 dB of make-up gain"), first.toString());
        assertEquals(expectedDb, first.get("measured").get("value").asDouble(), 0.1, first.toString());
        assertTrue(first.get("timeRanges").size() > 0, "where the mix is limited: " + first);
        JsonNode fix = first.get("fix");
        assertEquals("Mix", fix.get("track").asText());
        assertTrue(fix.get("bypassBusProcessing").asBoolean(), fix.toString());
        assertEquals(-8.0, fix.get("gainDb").asDouble(), 0.05, fix.toString());

        JsonNode headroom = Findings.ofRule(report, "mix.headroom").get(0);
        assertTrue(headroom.get("fix") == null || headroom.get("fix").isNull(),
                "no master fader after the limiter: " + headroom);
        assertTrue(headroom.get("message").asText().contains("ceiling of the limiter/compressor on the mix bus"),
                headroom.toString());
        for (JsonNode f : Findings.all(report)) {
            String suggestion = f.path("suggestion").asText("");
            assertTrue(!suggestion.contains("master fader"), "a master-fader move standing alone: " + f);
        }

        Product.Run text = Product.run(product, "analyze", session.toString());
        // The text report starts with its moves: the limiter's is the first, most urgent.
        String firstMove = text.out().lines().dropWhile(l -> !l.equals("Moves, most urgent first")).skip(1)
                .findFirst().orElseThrow(() -> new AssertionError("no moves: " + text.out()));
        assertTrue(firstMove.matches("PROBLEM +Bypass the bus processing on Mix.*\\[bus\\.limiting.*"), text.out());
        assertTrue(text.out().contains("The mix bus is limited: "), text.out());
    }

    private Path copyOfCleanDemo(String name) throws IOException {
        Path session = Files.createDirectories(work.resolve(name));
        try (Stream<Path> files = Files.list(Product.demo("clean"))) {
            for (Path file : files.toList()) {
                Files.copy(file, session.resolve(file.getFileName().toString()));
            }
        }
        return session;
    }

    static double peak(float[][] channels) {
        double peak = 0;
        for (float[] channel : channels) {
            for (float v : channel) {
                peak = Math.max(peak, Math.abs(v));
            }
        }
        return peak;
    }

    @Test
    void mixWithAStemLeftOutOfTheSessionDoesNotAddUp() throws Exception {
        Path session = copyOfCleanDemo("incomplete");
        Files.delete(session.resolve("Pad.wav"));
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
