package io.mixbench.files.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Another process that holds an OS lock on a file, as a live writer of a temporary file does: tests of the sweeps
 * that delete a dead writer's temporary files check that a live one's is left alone. Locks are per process, so the
 * holder must be a process of its own; it keeps the lock until {@link #close()}.
 */
public final class LockHolder implements AutoCloseable {

    private static final String SOURCE = """
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;
            public class Hold {
                public static void main(String[] args) throws Exception {
                    try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                            var lock = c.lock()) {
                        System.out.println("locked");
                        System.out.flush();
                        System.in.read();
                    }
                }
            }
            """;

    private static final String PROBE = """
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;
            public class Probe {
                public static void main(String[] args) throws Exception {
                    try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                            var lock = c.tryLock()) {
                        System.out.println(lock == null ? "held" : "free");
                    }
                }
            }
            """;

    private final Process process;

    private LockHolder(Process process) {
        this.process = process;
    }

    /**
     * Starts a JVM that locks {@code file} and returns once it holds the lock.
     *
     * @param scratch a folder for the holder's source
     */
    public static LockHolder lock(Path file, Path scratch) throws IOException {
        Path source = Files.writeString(Files.createTempFile(scratch, "Hold", ".java"), SOURCE);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), source.toString(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"locked".equals(line)) {
            process.destroyForcibly();
            throw new IOException("the lock holder did not lock " + file + " (it said " + line + ")");
        }
        return new LockHolder(process);
    }

    /**
     * Whether another process holds a lock on {@code file}, asked from a JVM of its own (a process cannot see its
     * own locks).
     *
     * @param scratch a folder for the probe's source
     */
    public static boolean isLockedByAnotherProcess(Path file, Path scratch) throws IOException {
        Path source = Files.writeString(Files.createTempFile(scratch, "Probe", ".java"), PROBE);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), source.toString(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        if (!"held".equals(line) && !"free".equals(line)) {
            throw new IOException("the lock probe could not open " + file + " (it said " + line + ")");
        }
        return "held".equals(line);
    }

    /** Releases the lock: the holder reads its standard input's end and exits. */
    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
