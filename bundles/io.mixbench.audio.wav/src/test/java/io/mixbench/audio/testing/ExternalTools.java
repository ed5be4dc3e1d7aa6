package io.mixbench.audio.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The command-line decoders the tests compare with: required with CI=true, else the test is skipped. */
public final class ExternalTools {

    private ExternalTools() {
    }

    /** The program's path; aborts the test (fails it under CI=true) when it is not on the PATH. */
    public static String require(String program) {
        String found = findOnPath(program);
        if (found == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(program + " is not installed, and CI=true requires this test to run (apt-get install "
                        + program + ")");
            }
            Assumptions.abort(program + " is not installed");
        }
        return found;
    }

    public static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("did not finish: " + String.join(" ", command));
        }
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + "\n"
                + new String(output, StandardCharsets.UTF_8));
    }

    /**
     * A short two-tone file (440 Hz and 3 kHz, 50 ms) that sox writes in the given format, e.g. {@code "-r", "44100",
     * "-c", "2", "-b", "16"}; the type follows the name's extension. Seeds for the decoders' fuzz tests.
     */
    public static byte[] soxTones(Path dir, String name, String... format) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(require("sox"), "-n"));
        command.addAll(List.of(format));
        command.addAll(List.of(out.toString(), "synth", "0.05", "sine", "440", "sine", "3000"));
        run(command.toArray(String[]::new));
        return Files.readAllBytes(out);
    }

    /** What sox reads from a file, as interleaved floats. */
    public static float[] soxFloats(Path file) throws IOException, InterruptedException {
        Path raw = file.resolveSibling(file.getFileName() + ".sox.f32");
        run(require("sox"), "-D", file.toString(), "-t", "raw", "-e", "floating-point", "-b", "32", "-L",
                raw.toString());
        return floats(raw);
    }

    /** What ffmpeg reads from a file, as interleaved floats. */
    public static float[] ffmpegFloats(Path file) throws IOException, InterruptedException {
        Path raw = file.resolveSibling(file.getFileName() + ".ffmpeg.f32");
        run(require("ffmpeg"), "-nostdin", "-v", "error", "-y", "-i", file.toString(), "-f", "f32le", "-c:a",
                "pcm_f32le", raw.toString());
        return floats(raw);
    }

    private static float[] floats(Path raw) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        float[] samples = new float[b.remaining() / 4];
        b.asFloatBuffer().get(samples);
        return samples;
    }

    private static String findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
