package io.mixbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import io.mixbench.launch.internal.EmbeddedProduct;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real product on a session folder holding good stems and the bad-input corpus of issue 4: every good stem is
 * measured, and every bad file gets a decode PROBLEM finding that names it and says what is wrong.
 */
class BadInputTest {

    @TempDir
    static Path plugins;
    static EmbeddedProduct product;

    @BeforeAll
    static void start() throws Exception {
        product = Product.startCli(plugins);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    /** Bad file name → what its decode finding must say. */
    private static final Map<String, String> BAD = new LinkedHashMap<>();

    static {
        BAD.put("x01 empty.wav", "file is empty");
        BAD.put("x02 header only.wav", "no fmt chunk");
        BAD.put("x03 truncated.wav", "file is truncated");
        BAD.put("x04 data larger than file.wav", "file is truncated");
        BAD.put("x05 list size ffffffff.wav", "declares 4294967295 bytes");
        BAD.put("x06 zero channels.wav", "declares 0 channels");
        BAD.put("x07 zero rate.wav", "sample rate 0 Hz is not supported");
        BAD.put("x08 absurd rate.wav", "sample rate 4294967295 Hz is not supported");
        BAD.put("x09 bits 0.wav", "unsupported bits per sample for integer PCM: 0");
        BAD.put("x10 bits 7.wav", "unsupported bits per sample for integer PCM: 7");
        BAD.put("x11 bits 33.wav", "unsupported bits per sample for integer PCM: 33");
        BAD.put("x12 bits 64 int.wav", "unsupported bits per sample for integer PCM: 64");
        BAD.put("x13 lying block align.wav", "block align 6 does not match");
        BAD.put("x14 nan.wav", "is NaN");
        BAD.put("x15 inf.wav", "is infinite");
        BAD.put("x16 cover.wav", "JPEG");
        BAD.put("kick.wav", "is a folder");
        BAD.put("x17 unreadable.wav", "error");
        BAD.put("x18 one hertz.wav", "sample rate 1 Hz is not supported (8000 to 768000 Hz)");
        BAD.put("x19 two data chunks.wav", "two \"data\" chunks, at bytes 36 and 108");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void goodStemsAreAnalysedAndEveryBadFileIsNamed(@TempDir Path session) throws Exception {
        writeGoodStems(session);
        writeCorpus(session);
        Product.Run run = Product.run(product, "analyze", session.toString(), "--format", "json");
        assertEquals(1, run.exitCode(), "PROBLEM findings exit with 1: " + run.err());
        JsonNode report = run.json();
        ReportSchema.assertValid(report);

        Map<String, JsonNode> trackByFile = new HashMap<>();
        for (JsonNode t : report.get("tracks")) {
            trackByFile.put(Path.of(t.get("file").asText()).getFileName().toString(), t);
        }
        JsonNode mix = report.get("mix");
        trackByFile.put(Path.of(mix.get("file").asText()).getFileName().toString(), mix);
        for (String good : List.of("Kick In.wav", "Snare Top.wav", "Bass DI.wav", "Mix.wav")) {
            JsonNode t = trackByFile.get(good);
            assertTrue(t != null && t.get("measurements").has("samplePeak"), good + " was analysed: " + t);
        }
        for (Map.Entry<String, String> bad : BAD.entrySet()) {
            JsonNode track = trackByFile.get(bad.getKey());
            assertTrue(track != null, bad.getKey() + " is a track of the session");
            String name = track.get("name").asText();
            assertFalse(track.get("measurements").has("samplePeak"), bad.getKey() + " has no measurement");
            JsonNode finding = Findings.ofRule(report, "decode").stream()
                    .filter(f -> f.get("tracks").get(0).asText().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no decode finding for " + bad.getKey() + ": " + run.out()));
            assertEquals("problem", finding.get("severity").asText());
            String message = finding.get("message").asText();
            assertTrue(message.contains(name), message);
            if (!bad.getKey().contains("unreadable")) {
                // the I/O error of the probe is reported by the analysis engine without the path (see report)
                assertTrue(message.contains(bad.getKey()), "the message names the file: " + message);
            }
            assertTrue(message.toLowerCase().contains(bad.getValue().toLowerCase()), "expected \"" + bad.getValue()
                    + "\" in: " + message);
        }
    }

    private static void writeGoodStems(Path dir) throws IOException {
        int rate = 48_000;
        float[][] kick = new float[1][rate * 2];
        float[][] snare = new float[1][rate * 2];
        float[][] bass = new float[1][rate * 2];
        float[][] mix = new float[2][rate * 2];
        java.util.Random noise = new java.util.Random(4);
        for (int i = 0; i < rate * 2; i++) {
            double t = (double) i / rate;
            double beat = t % 0.5;
            kick[0][i] = (float) (0.3 * Math.exp(-beat * 30) * Math.sin(2 * Math.PI * 55 * beat));
            snare[0][i] = (float) (0.2 * Math.exp(-((t + 0.25) % 0.5) * 40) * noise.nextGaussian() * 0.5);
            bass[0][i] = (float) (0.2 * Math.sin(2 * Math.PI * 41.2 * t));
            mix[0][i] = mix[1][i] = (kick[0][i] + snare[0][i] + bass[0][i]) * 0.7f;
        }
        WavWriter.write(dir.resolve("Kick In.wav"), rate, WavEncoding.PCM_24, kick);
        WavWriter.write(dir.resolve("Snare Top.wav"), rate, WavEncoding.PCM_24, snare);
        WavWriter.write(dir.resolve("Bass DI.wav"), rate, WavEncoding.PCM_24, bass);
        WavWriter.write(dir.resolve("Mix.wav"), rate, WavEncoding.PCM_24, mix);
    }

    private static void writeCorpus(Path dir) throws IOException {
        byte[] pcm16 = fmt(1, 2, 48_000, 4, 16);
        Files.write(dir.resolve("x01 empty.wav"), new byte[0]);
        Files.write(dir.resolve("x02 header only.wav"), riff());
        byte[] whole = riff(chunk("fmt ", pcm16), chunk("data", new byte[4 * 4800]));
        Files.write(dir.resolve("x03 truncated.wav"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.write(dir.resolve("x04 data larger than file.wav"), riff(chunk("fmt ", pcm16),
                header("data", 40_000_000), new byte[4000]));
        Files.write(dir.resolve("x05 list size ffffffff.wav"), riff(header("LIST", 0xFFFF_FFFFL), new byte[100]));
        Files.write(dir.resolve("x06 zero channels.wav"), wav(fmt(1, 0, 48_000, 0, 16)));
        Files.write(dir.resolve("x07 zero rate.wav"), wav(fmt(1, 2, 0, 4, 16)));
        Files.write(dir.resolve("x08 absurd rate.wav"), wav(fmt(1, 2, 0xFFFF_FFFFL, 4, 16)));
        Files.write(dir.resolve("x09 bits 0.wav"), wav(fmt(1, 1, 48_000, 1, 0)));
        Files.write(dir.resolve("x10 bits 7.wav"), wav(fmt(1, 1, 48_000, 1, 7)));
        Files.write(dir.resolve("x11 bits 33.wav"), wav(fmt(1, 1, 48_000, 5, 33)));
        Files.write(dir.resolve("x12 bits 64 int.wav"), wav(fmt(1, 1, 48_000, 8, 64)));
        Files.write(dir.resolve("x13 lying block align.wav"), wav(fmt(1, 2, 48_000, 6, 16)));
        Files.write(dir.resolve("x14 nan.wav"), floats(0.25f, Float.NaN));
        Files.write(dir.resolve("x15 inf.wav"), floats(Float.NEGATIVE_INFINITY, 0));
        Files.write(dir.resolve("x16 cover.wav"), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0,
                0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        Files.createDirectory(dir.resolve("kick.wav"));
        // Reading /proc/self/mem at offset 0 fails with EIO even for root: a real I/O error without chmod.
        Files.createSymbolicLink(dir.resolve("x17 unreadable.wav"), Path.of("/proc/self/mem"));
        // Inside the range the decoders once declared (1 Hz up), but no meter can measure it.
        Files.write(dir.resolve("x18 one hertz.wav"), wav(fmt(1, 2, 1, 4, 16)));
        Files.write(dir.resolve("x19 two data chunks.wav"), riff(chunk("fmt ", pcm16), chunk("data", new byte[64]),
                chunk("data", new byte[64])));
    }

    private static byte[] floats(float... values) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            data.putFloat(v);
        }
        return riff(chunk("fmt ", fmt(3, 1, 48_000, 4, 32)), chunk("data", data.array()));
    }

    private static byte[] wav(byte[] fmt) {
        return riff(chunk("fmt ", fmt), chunk("data", new byte[64]));
    }

    private static byte[] fmt(int tag, int channels, long rate, int blockAlign, int bits) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) tag).putShort((short) channels)
                .putInt((int) rate).putInt((int) (rate * blockAlign)).putShort((short) blockAlign)
                .putShort((short) bits).array();
    }

    private static byte[] header(String id, long size) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .put(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) size).array();
    }

    private static byte[] chunk(String id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(id, body.length));
        out.writeBytes(body);
        if ((body.length & 1) == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** "RIFF" size "WAVE" and the parts, with the RIFF size set. */
    private static byte[] riff(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header("RIFF", body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}
