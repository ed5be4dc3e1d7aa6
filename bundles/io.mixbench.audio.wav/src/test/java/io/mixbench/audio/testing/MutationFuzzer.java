package io.mixbench.audio.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A seeded mutation fuzzer for parsers, for a bounded time. Jazzer (com.code-intelligence:jazzer-junit) fuzzes
 * only with JAZZER_FUZZ=1 and one target per JVM and otherwise replays its corpus, so CI could not give each
 * target a time budget with it; this fuzzer can, and is deterministic for a seed apart from how many inputs fit
 * in the budget.
 * <p>
 * Inputs are mutated from the seeds and from earlier inputs that reached a new outcome (a new error message
 * shape or a successful parse): a poor man's coverage signal. Each input runs on a worker thread with a time limit.
 * An input that throws an unexpected exception, errs or hangs is written to {@code crashDir} and fails the run;
 * copy it to the target's regression folder so it is replayed on every build.
 */
public final class MutationFuzzer {

    /** What the fuzzer calls; it returns a short description of the outcome for the coverage signal. */
    @FunctionalInterface
    public interface Target {
        /**
         * @return a short, stable description of what happened (e.g. the error message without numbers)
         * @throws Throwable an unexpected failure: the input is a crash
         */
        String run(byte[] input) throws Throwable;
    }

    /** What a run did. */
    public record Result(long inputs, int outcomes, int corpus) {
    }

    private static final long[] INTERESTING_32 = {0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x1_0000,
            0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFEL, 0xFFFF_FFFFL};
    private static final int MAX_CORPUS = 512;
    private static final int MAX_INPUT_BYTES = 1 << 20;

    private final String name;
    private final Target target;
    private final Duration perInputLimit;
    private final Path crashDir;

    /**
     * @param name the target's name, used for crash files
     * @param perInputLimit the longest one input may take before it counts as a hang
     * @param crashDir where crashing inputs are written
     */
    public MutationFuzzer(String name, Target target, Duration perInputLimit, Path crashDir) {
        this.name = name;
        this.target = target;
        this.perInputLimit = perInputLimit;
        this.crashDir = crashDir;
    }

    /** The budget from the system property {@code mixbench.fuzzSeconds}, else {@code defaultSeconds}. */
    public static Duration budget(int defaultSeconds) {
        return Duration.ofSeconds(Long.getLong("mixbench.fuzzSeconds", defaultSeconds));
    }

    /**
     * Runs the seeds, then mutations of them, until the budget is spent.
     *
     * @throws AssertionError naming the crash file when an input crashes or hangs
     */
    public Result run(List<byte[]> seeds, Duration budget, long seed) throws IOException, InterruptedException {
        Random random = new Random(seed);
        List<byte[]> corpus = new ArrayList<>();
        Set<String> outcomes = new HashSet<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + name);
            t.setDaemon(true);
            return t;
        });
        long inputs = 0;
        try {
            long deadline = System.nanoTime() + budget.toNanos();
            for (byte[] s : seeds) {
                outcomes.add(execute(worker, s));
                corpus.add(s);
                inputs++;
            }
            while (System.nanoTime() < deadline) {
                byte[] parent = corpus.get(random.nextInt(corpus.size()));
                byte[] input = mutate(parent, corpus, random);
                String outcome = execute(worker, input);
                inputs++;
                if (outcomes.add(outcome) && corpus.size() < MAX_CORPUS) {
                    corpus.add(input);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Result(inputs, outcomes.size(), corpus.size());
    }

    /** Runs one input, or fails with the crash file's name. */
    public String execute(ExecutorService worker, byte[] input) throws IOException, InterruptedException {
        Future<String> future = worker.submit(() -> {
            try {
                return target.run(input);
            } catch (Exception e) {
                throw e;
            } catch (Throwable t) {
                throw new ExecutionException(t);
            }
        });
        try {
            String outcome = future.get(perInputLimit.toMillis(), TimeUnit.MILLISECONDS);
            return outcome == null ? "null" : outcome;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("input hangs (over " + perInputLimit.toMillis() + " ms): " + save(input), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof ExecutionException inner ? inner.getCause() : e.getCause();
            throw new AssertionError("input crashes the " + name + " target with " + cause + ": " + save(input),
                    cause);
        }
    }

    private Path save(byte[] input) throws IOException {
        Files.createDirectories(crashDir);
        Path file = crashDir.resolve(name + "-" + Integer.toHexString(Arrays.hashCode(input)) + ".bin");
        Files.write(file, input);
        return file.toAbsolutePath();
    }

    /** One to four stacked mutations. */
    static byte[] mutate(byte[] parent, List<byte[]> corpus, Random random) {
        byte[] b = parent.clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            b = mutateOnce(b, corpus, random);
        }
        return b.length > MAX_INPUT_BYTES ? Arrays.copyOf(b, MAX_INPUT_BYTES) : b;
    }

    private static byte[] mutateOnce(byte[] b, List<byte[]> corpus, Random random) {
        if (b.length == 0) {
            return new byte[]{(byte) random.nextInt(256)};
        }
        int at = random.nextInt(b.length);
        switch (random.nextInt(9)) {
            case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b[at] = (byte) random.nextInt(256);
            case 2 -> {
                // an interesting 16- or 32-bit value, little- or big-endian: sizes, counts, rates
                long v = INTERESTING_32[random.nextInt(INTERESTING_32.length)];
                int width = random.nextBoolean() ? 2 : 4;
                boolean big = random.nextBoolean();
                for (int k = 0; k < width && at + k < b.length; k++) {
                    int shift = 8 * (big ? width - 1 - k : k);
                    b[at + k] = (byte) (v >>> shift);
                }
            }
            case 3 -> {
                return Arrays.copyOf(b, random.nextInt(b.length));
            }
            case 4 -> {
                // delete a run
                int n = 1 + random.nextInt(Math.min(64, b.length - at));
                byte[] out = new byte[b.length - n];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + n, out, at, b.length - at - n);
                return out;
            }
            case 5 -> {
                // duplicate a run
                int n = 1 + random.nextInt(Math.min(256, b.length - at));
                byte[] out = new byte[b.length + n];
                System.arraycopy(b, 0, out, 0, at + n);
                System.arraycopy(b, at, out, at + n, b.length - at);
                return out;
            }
            case 6 -> {
                // insert random bytes
                int n = 1 + random.nextInt(16);
                byte[] out = new byte[b.length + n];
                System.arraycopy(b, 0, out, 0, at);
                for (int k = 0; k < n; k++) {
                    out[at + k] = (byte) random.nextInt(256);
                }
                System.arraycopy(b, at, out, at + n, b.length - at);
                return out;
            }
            case 7 -> {
                // splice: this input's head with another's tail
                byte[] other = corpus.get(random.nextInt(corpus.size()));
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                byte[] out = Arrays.copyOf(b, at + other.length - from);
                System.arraycopy(other, from, out, at, other.length - from);
                return out;
            }
            default -> {
                // copy a run within the input (e.g. a chunk header over another)
                int from = random.nextInt(b.length);
                int n = Math.min(1 + random.nextInt(16), Math.min(b.length - from, b.length - at));
                System.arraycopy(b.clone(), from, b, at, n);
            }
        }
        return b;
    }
}
