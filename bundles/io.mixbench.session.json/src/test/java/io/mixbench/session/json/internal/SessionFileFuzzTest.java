package io.mixbench.session.json.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.testing.DecoderFuzzing;
import io.mixbench.audio.testing.MutationFuzzer;
import io.mixbench.session.Session;
import io.mixbench.session.SessionException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the session-file reader for a bounded time (20 s, or {@code -Dmixbench.fuzzSeconds=N}): every input reads
 * as a session or fails with a SessionException naming the file, never another exception or a hang. Crashing inputs
 * are kept in src/test/resources/fuzz-regressions/session and replayed first.
 */
class SessionFileFuzzTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void sessionReaderSurvivesMutatedFiles() throws Exception {
        Path file = dir.resolve("song.mixbench.json");
        String name = file.toString();
        for (String track : List.of("Kick.wav", "sub/Bass.wav", "Mix.wav")) {
            Files.createDirectories(dir.resolve(track).getParent());
            Files.write(dir.resolve(track), new byte[44]);
        }
        MutationFuzzer fuzzer = new MutationFuzzer("session", input -> {
            Files.write(file, input);
            try {
                Session session = new SessionFileReader(file).read();
                if (session.tracks() == null || session.exportKind() == null) {
                    throw new AssertionError("incomplete session read as valid: " + session);
                }
                return "ok " + session.tracks().size();
            } catch (SessionException e) {
                String message = e.getMessage();
                if (message == null || !(message.startsWith(name + ": ") || message.startsWith(name + ", line "))) {
                    throw new AssertionError("the message does not start with the file: " + message, e);
                }
                return message.substring(name.length()).replaceAll("\\d+", "#");
            }
        }, Duration.ofSeconds(10), Path.of("target", "fuzz-crashes"));
        List<byte[]> seeds = new ArrayList<>(List.of(seed(), "{}".getBytes(), "[1, 2]".getBytes()));
        seeds.addAll(DecoderFuzzing.regressionInputs(Path.of("src/test/resources/fuzz-regressions/session")));
        MutationFuzzer.Result result = fuzzer.run(seeds, MutationFuzzer.budget(DecoderFuzzing.DEFAULT_SECONDS), 11);
        System.out.println("Session fuzzing: " + result);
        assertTrue(result.inputs() > 1000 && result.outcomes() > 10, result.toString());
    }

    private static byte[] seed() {
        return """
                {
                  "format": "mixbench-session",
                  "formatVersion": 1,
                  "exportKind": "stems",
                  "panLawDb": -3,
                  "ruleSet": "default",
                  "tracks": [
                    {"file": "Kick.wav", "name": "Kick", "role": "kick", "group": "Drums"},
                    {"file": "sub/Bass.wav", "name": "Bass", "role": "bass"},
                    {"file": "Mix.wav", "role": "mix"}
                  ],
                  "x-extra": {"a": [1, 2.5, true, null]}
                }
                """.getBytes(StandardCharsets.UTF_8);
    }
}
