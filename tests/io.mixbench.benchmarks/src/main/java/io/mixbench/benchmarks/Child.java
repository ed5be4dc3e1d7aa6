package io.mixbench.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a process, the way a user's shell does, and measures it whole: wall-clock time from start to
 * exit, and the CPU time (user + sys) of the process and of every process it waited for.
 */
final class Child {

    /** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux whatever the kernel's HZ). */
    private static final double TICKS_PER_SECOND = 100;

    private static final Path STAT = Path.of("/proc/self/stat");

    /**
     * One run.
     *
     * @param wallSeconds start to exit, s
     * @param cpuSeconds user + sys CPU time of the process and its waited-for children, s (NaN without /proc)
     * @param exitCode the exit code (of the killed process when {@code killed})
     * @param stdout what it wrote on stdout when asked to keep it, else ""
     * @param stderr what it wrote on stderr
     * @param killed whether it ran past its time limit and was stopped
     */
    record Run(double wallSeconds, double cpuSeconds, int exitCode, String stdout, String stderr, boolean killed) {

        /** The cores it kept busy on average: CPU time over wall-clock time. */
        double cores() {
            return cpuSeconds / wallSeconds;
        }
    }

    private Child() {
    }

    /** Runs the command with stdout discarded; see {@link #run(List, Map, Duration, boolean)}. */
    static Run run(List<String> command, Duration limit) throws IOException {
        return run(command, Map.of(), limit, false);
    }

    /**
     * Runs the command with stdin empty and stderr kept.
     *
     * @param environment variables added to this process's environment
     * @param limit how long it may run; after that it is stopped with every process it started
     * @param keepStdout whether to keep stdout (else it is discarded, as a terminal would show and forget it)
     */
    static Run run(List<String> command, Map<String, String> environment, Duration limit, boolean keepStdout)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                new File("/dev/null")));
        builder.environment().putAll(environment);
        if (!keepStdout) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        double cpuBefore = childrenCpuSeconds();
        long start = System.nanoTime();
        Process process = builder.start();
        Drain out = keepStdout ? new Drain(process.getInputStream()) : null;
        Drain err = new Drain(process.getErrorStream());
        boolean killed = false;
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                killed = true;
                stop(process);
            }
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        // The JVM has reaped the process when waitFor returns, so the kernel has added its times to ours.
        double cpu = childrenCpuSeconds() - cpuBefore;
        return new Run(wall, cpu, process.exitValue(), out == null ? "" : out.text(), err.text(), killed);
    }

    /** Stops the process and everything it started (under xvfb-run: Xvfb and the product's JVM). */
    private static void stop(Process process) throws IOException {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The CPU time of this JVM's reaped child processes so far, s; NaN where /proc is missing. */
    static double childrenCpuSeconds() {
        try {
            return childrenCpuTicks(Files.readString(STAT)) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * cutime + cstime of a /proc/PID/stat line (fields 16 and 17, man 5 proc), clock ticks.
     *
     * @throws IllegalArgumentException when the line does not have them
     */
    static long childrenCpuTicks(String stat) {
        // The command name, field 2, is in parentheses and may hold spaces and parentheses: count after the last.
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a stat line: " + stat);
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        // fields[0] is field 3 (state), so field N is fields[N - 3].
        if (fields.length < 15) {
            throw new IllegalArgumentException("not a stat line: " + stat);
        }
        return Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]);
    }

    /** Reads a stream to its end on a thread of its own, so a full pipe never blocks the process. */
    private static final class Drain {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in) {
            thread = new Thread(() -> {
                try (in) {
                    in.transferTo(bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "drain");
            thread.setDaemon(true);
            thread.start();
        }

        String text() {
            try {
                // A killed process's descendants may still hold the pipe: do not wait for them for ever.
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
