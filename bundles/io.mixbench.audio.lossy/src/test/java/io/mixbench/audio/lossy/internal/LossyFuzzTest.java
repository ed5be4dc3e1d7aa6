package io.mixbench.audio.lossy.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixbench.audio.testing.DecoderFuzzing;
import io.mixbench.audio.testing.MutationFuzzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the MP3 and Vorbis decoders for a bounded time each (seeds made by ffmpeg), after replaying the crashing
 * inputs kept in src/test/resources/fuzz-regressions.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LossyFuzzTest {

    @TempDir
    Path dir;

    @Test
    void mp3DecoderSurvivesMutatedFiles() throws Exception {
        Ffmpeg.require();
        List<byte[]> seeds = List.of(
                Files.readAllBytes(Ffmpeg.encode(dir, Ffmpeg.signal(2, 44100, 0.1), 44100, "a.mp3", "-c:a",
                        "libmp3lame", "-b:a", "96k")),
                Files.readAllBytes(Ffmpeg.encode(dir, Ffmpeg.signal(1, 22050, 0.1), 22050, "b.mp3", "-c:a",
                        "libmp3lame", "-write_xing", "0")));
        MutationFuzzer.Result result = DecoderFuzzing.fuzz(new Mp3Decoder(), "fuzz.mp3", seeds,
                Path.of("src/test/resources/fuzz-regressions/mp3"));
        System.out.println("MP3 fuzzing: " + result);
        assertTrue(result.inputs() > 500, result.toString());
    }

    @Test
    void vorbisDecoderSurvivesMutatedFiles() throws Exception {
        Ffmpeg.require();
        List<byte[]> seeds = List.of(Files.readAllBytes(Ffmpeg.encode(dir, Ffmpeg.signal(2, 44100, 0.1), 44100,
                "a.ogg", "-c:a", "libvorbis", "-q:a", "0")));
        MutationFuzzer.Result result = DecoderFuzzing.fuzz(new VorbisDecoder(), "fuzz.ogg", seeds,
                Path.of("src/test/resources/fuzz-regressions/vorbis"));
        System.out.println("Vorbis fuzzing: " + result);
        assertTrue(result.inputs() > 500, result.toString());
    }
}
