package io.mixbench.analysis.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.ChannelLayout;
import io.mixbench.audio.SampleEncoding;
import io.mixbench.audio.testing.DecoderFuzzing;
import io.mixbench.audio.testing.MutationFuzzer;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.PerChannel;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import io.mixbench.meter.Spectrum;
import io.mixbench.rule.MeasuredTrack;
import io.mixbench.rule.RuleSetException;
import io.mixbench.session.Role;
import io.mixbench.session.Track;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the engine's readers of untrusted files for a bounded time each (20 s, or {@code -Dmixbench.fuzzSeconds=N}),
 * with the harness of io.mixbench.audio.wav's test jar. Crashing inputs are kept in
 * src/test/resources/fuzz-regressions/{ruleset,cache} and replayed first.
 */
class EngineFuzzTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("mixbench.configDir");
    }

    /** Every input loads as a rule set or fails with a RuleSetException naming the file: nothing else, no hang. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void ruleSetFilesLoadOrNameTheFile() throws Exception {
        System.setProperty("mixbench.configDir", dir.resolve("config").toString());
        RuleSetRegistryImpl registry = new RuleSetRegistryImpl();
        registry.addRule(RuleSetFilesTest.rule(RuleSetsTest.KICK), AnalysisEngineTest.reference());
        Path file = dir.resolve("studio.json");
        String name = file.toString();
        MutationFuzzer fuzzer = new MutationFuzzer("ruleset", input -> {
            Files.write(file, input);
            try {
                return "ok " + registry.load(file).rules().size();
            } catch (RuleSetException e) {
                String message = e.getMessage();
                if (message == null || !message.startsWith(name)) {
                    throw new AssertionError("the message does not start with the file: " + message, e);
                }
                return message.substring(name.length()).replaceAll("\\d+", "#");
            }
        }, Duration.ofSeconds(10), Path.of("target", "fuzz-crashes"));
        List<byte[]> seeds = new ArrayList<>(List.of(ruleSetSeed(), "{}".getBytes(StandardCharsets.UTF_8)));
        seeds.addAll(DecoderFuzzing.regressionInputs(Path.of("src/test/resources/fuzz-regressions/ruleset")));
        MutationFuzzer.Result result = fuzzer.run(seeds, MutationFuzzer.budget(DecoderFuzzing.DEFAULT_SECONDS), 13);
        System.out.println("Rule-set fuzzing: " + result);
        assertTrue(result.inputs() > 1000 && result.outcomes() > 10, result.toString());
    }

    /**
     * Any bytes in a cache entry either load as the entry that was stored or are discarded: never an exception out of
     * the cache, never another value. Each input is tried as it is and with its checksum made right (a planted entry),
     * so the parser behind the checksum is fuzzed too.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void cacheEntriesLoadAsStoredOrAreDiscarded() throws Exception {
        Path audio = Files.writeString(dir.resolve("kick.wav"), "not decoded: the cache only checksums it");
        Track track = new Track("Kick", audio, Role.KICK, null);
        AnalysisCache cache = new AnalysisCache(dir.resolve("cache"));
        cache.store(measured(track), "m");
        Path entry;
        try (var entries = Files.list(dir.resolve("cache/entries"))) {
            entry = entries.findFirst().orElseThrow();
        }
        byte[] stored = Files.readAllBytes(entry);
        String contentKey = cache.contentKey(audio);
        List<String> notes = new ArrayList<>();
        // Reasons in the cache's own words only: never text from the entry.
        java.util.regex.Pattern note = java.util.regex.Pattern.compile("Discarded the analysis cache entry of "
                + java.util.regex.Pattern.quote(audio.toString()) + " \\([A-Za-z0-9 :,-]+\\); measuring it again\\.");
        MutationFuzzer fuzzer = new MutationFuzzer("cache", input -> {
            notes.clear();
            Files.write(entry, input);
            Optional<MeasuredTrack> loaded = cache.load(track, "m", notes::add);
            if (loaded.isPresent()) {
                assertArrayEquals(stored, AnalysisCache.encode(loaded.get(), contentKey, "m"),
                        "a damaged entry was believed");
            }
            for (String text : notes) {
                if (!note.matcher(text).matches()) {
                    throw new AssertionError("a note that may quote the entry: " + text);
                }
            }
            String outcome = loaded.isPresent() ? "ok" : String.join(" ", notes).replaceAll("\\d+", "#");
            if (input.length >= 12) {
                byte[] planted = withChecksum(input);
                Files.write(entry, planted);
                // A planted entry may load (its checksum is right); it must not throw or hang.
                cache.load(track, "m", notes::add);
                outcome += " / " + String.join(" ", notes).replaceAll("\\d+", "#");
            }
            return outcome;
        }, Duration.ofSeconds(10), Path.of("target", "fuzz-crashes"));
        List<byte[]> seeds = new ArrayList<>(List.of(stored));
        seeds.addAll(DecoderFuzzing.regressionInputs(Path.of("src/test/resources/fuzz-regressions/cache")));
        MutationFuzzer.Result result = fuzzer.run(seeds, MutationFuzzer.budget(DecoderFuzzing.DEFAULT_SECONDS), 17);
        System.out.println("Cache entry fuzzing: " + result);
        assertTrue(result.inputs() > 1000 && result.outcomes() > 5, result.toString());
    }

    /** The input with its last four bytes replaced by the CRC-32C of the rest, as the cache writes it. */
    static byte[] withChecksum(byte[] input) {
        byte[] fixed = input.clone();
        CRC32C crc = new CRC32C();
        crc.update(fixed, 0, fixed.length - 4);
        ByteBuffer.wrap(fixed, fixed.length - 4, 4).putInt((int) crc.getValue());
        return fixed;
    }

    /** One measurement of every kind, and metadata. */
    static MeasuredTrack measured(Track track) {
        AudioFormat format = new AudioFormat(48_000, ChannelLayout.STEREO, 24, SampleEncoding.PCM_INTEGER, 96_000,
                "WAV");
        Map<String, Measurement> measurements = new LinkedHashMap<>();
        measurements.put("loudness.integrated", new Scalar(-14.2, "LUFS", null));
        measurements.put("lra", new Scalar(Double.NaN, "LU", "too short"));
        measurements.put("peak.sample", new PerChannel(List.of("L", "R"), new double[]{-1.5, -2.25}, "dBFS"));
        measurements.put("spectrum", new Spectrum(new double[]{100, 1000, 10_000}, new double[]{-20, -25, -40},
                "dB"));
        float[] series = new float[20];
        Arrays.fill(series, -18.5f);
        measurements.put("loudness.momentary", new Series(0.1, series, "LUFS"));
        return new MeasuredTrack(track, format, 2.0, measurements, null, Map.of("bext.description", "take 3"));
    }

    static byte[] ruleSetSeed() {
        return """
                {
                  "format": "mixbench-ruleset",
                  "formatVersion": 1,
                  "id": "studio",
                  "title": "Studio",
                  "description": "ours",
                  "extends": null,
                  "rules": {
                    "kick.level": {"enabled": true, "parameters": {"minPeak": "-11.5 dBFS", "maxPeak": -9}}
                  }
                }
                """.getBytes(StandardCharsets.UTF_8);
    }
}
