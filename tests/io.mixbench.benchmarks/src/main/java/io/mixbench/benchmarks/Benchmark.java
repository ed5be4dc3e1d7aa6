package io.mixbench.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.mixbench.audio.AudioFormat;
import io.mixbench.audio.AudioStream;
import io.mixbench.audio.wav.WavEncoding;
import io.mixbench.audio.wav.WavWriter;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.MeasurementIds;
import io.mixbench.meter.Scalar;
import io.mixbench.meter.Series;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Prints how fast and how lean Mixbench is: its meter chain in-process, and the product as a user runs it. Run by
 * releng/benchmark.sh; prints figures, never fails on slow ones.
 *
 * <pre>
 * Benchmark --ebur128 PROGRAM --work FOLDER [--brief]
 *     generates a 5-minute (brief: 1-minute) 48 kHz stereo 24-bit music-like WAV, then measures on it: the full
 *     meter chain on one thread over the decoded samples, with each meter's cost; libebur128 with
 *     I|LRA|SAMPLE_PEAK|TRUE_PEAK; and decoding with Mixbench's WAV decoder and with sox stats.
 * Benchmark --memory --work FOLDER [--minutes 60] [--rate 96000]
 *     generates a long stereo 24-bit WAV, analyses it through the decoder and every meter, prints the peak heap
 *     (run it with -Xmx256m), and deletes the file.
 * Benchmark --process PRODUCT/bin/mixbench --ebur128 PROGRAM --picocli JAR --work FOLDER [--brief]
 *     issue 17's figures, the product run as a user runs it, as processes, next to goals and peers in one table:
 *     start-up, a 1-second file, one 10-minute file (brief: 1-minute) against libebur128's CLI and ffmpeg, a
 *     session of 32 four-minute stems (brief: 8 of 1 minute) analysed, from the cache and planned, the workbench
 *     through the product's start-up trace, and the memory run above as a process of its own (brief: 5 minutes);
 *     see {@link WholeProcess}.
 * </pre>
 */
public final class Benchmark {

    static final long SEED = 20_261_126L;

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path program = null;
        Path work = null;
        boolean brief = false;
        boolean memory = false;
        Path product = null;
        Path picocli = null;
        int minutes = -1;
        int rate = 96_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ebur128" -> program = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--brief" -> brief = true;
                case "--memory" -> memory = true;
                case "--process" -> product = Path.of(args[++i]);
                case "--picocli" -> picocli = Path.of(args[++i]);
                case "--minutes" -> minutes = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                default -> usage();
            }
        }
        if (work == null || (!memory && program == null) || (product != null && picocli == null)) {
            usage();
        }
        Files.createDirectories(work);
        if (product != null) {
            try {
                new WholeProcess(product, program, picocli, work,
                        brief ? WholeProcess.Sizes.BRIEF : WholeProcess.Sizes.FULL, System.out).run();
            } catch (IOException e) {
                System.err.println("benchmark: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        Mixbench mixbench = Mixbench.fromClassPath();
        if (memory) {
            memory(mixbench, work, minutes < 0 ? 60 : minutes, rate);
        } else {
            speed(mixbench, program, work, brief);
        }
    }

    private static void usage() {
        System.err.println("usage: Benchmark --ebur128 PROGRAM --work FOLDER [--brief]\n"
                + "       Benchmark --memory --work FOLDER [--minutes 60] [--rate 96000]\n"
                + "       Benchmark --process PRODUCT/bin/mixbench --ebur128 PROGRAM --picocli JAR --work FOLDER "
                + "[--brief]");
        System.exit(2);
    }

    /** Writes {@code seconds} of {@link MusicSignal} as stereo 24-bit WAV; returns the time taken, s. */
    static double generate(Path file, int rate, long seconds) throws IOException {
        return generate(file, rate, seconds, SEED);
    }

    static double generate(Path file, int rate, long seconds, long seed) throws IOException {
        long start = System.nanoTime();
        MusicSignal signal = new MusicSignal(rate, seed);
        float[][] block = new float[2][MeterChain.BLOCK_FRAMES];
        long frames = seconds * rate;
        try (WavWriter writer = WavWriter.create(file, rate, 2, WavEncoding.PCM_24)) {
            for (long done = 0; done < frames;) {
                int n = (int) Math.min(block[0].length, frames - done);
                signal.fill(block, n);
                writer.write(block, n);
                done += n;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void speed(Mixbench mixbench, Path program, Path work, boolean brief)
            throws IOException, InterruptedException {
        int seconds = brief ? 60 : 300;
        int runs = brief ? 2 : 5;
        Path file = work.resolve("music-48k-24bit-" + seconds + "s.wav");
        double generated = generate(file, 48_000, seconds);
        System.out.printf(Locale.ROOT, "Benchmark file: %s (%d s, 48000 Hz, stereo, 24-bit, music-like, "
                + "generated in %.1f s); best of %d runs; meters: %s%n", file.getFileName(), seconds, generated,
                runs, String.join(", ", mixbench.meters().stream().map(f -> f.service().id()).toList()));

        // Decode once into memory so the chain is timed on samples alone, like libebur128 below.
        float[][] samples = null;
        AudioFormat format = null;
        long bestDecode = Long.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            try (AudioStream stream = mixbench.open(file)) {
                format = stream.format();
                samples = decodeAll(stream, samples);
            }
            bestDecode = Math.min(bestDecode, System.nanoTime() - start);
        }
        double duration = (double) samples[0].length / format.sampleRateHz();

        // The engine's blocks, cut once: the timed loop holds the meters' calls and nothing else.
        Blocks blocks = Blocks.of(samples);
        // Warm-up: lets the JIT compile the meters before anything is timed.
        int warmUpBlocks = (int) Math.min(blocks.count(),
                30L * format.sampleRateHz() / MeterChain.BLOCK_FRAMES + 1);
        for (int i = 0; i < (brief ? 1 : 2); i++) {
            runChain(mixbench, format, blocks, warmUpBlocks, false);
            runChain(mixbench, format, blocks, warmUpBlocks, true);
        }
        Timing music = time(mixbench, format, blocks, runs);

        // Exported stems are often digital silence for long stretches: the same music, silent every other 10 s.
        Blocks stem = blocks.silenceEveryOther(10 * format.sampleRateHz());
        runChain(mixbench, format, stem, warmUpBlocks, false);
        Timing stemTiming = time(mixbench, format, stem, runs);

        Ebur128.Result peer = null;
        double[] peerCpu = new double[runs];
        double[] peerWall = new double[runs];
        for (int run = 0; run < runs; run++) {
            Ebur128.Result r = Ebur128.run(program, file);
            peerCpu[run] = r.measureCpuSeconds() * 1e9;
            peerWall[run] = r.measureSeconds() * 1e9;
            if (peer == null || r.measureCpuSeconds() < peer.measureCpuSeconds()) {
                peer = r;
            }
        }
        double sox = soxStats(file, runs);

        double[] cpu = sorted(music.cpu());
        double[] wall = sorted(music.wall());
        Arrays.sort(peerCpu);
        Arrays.sort(peerWall);
        System.out.printf(Locale.ROOT,
                "%nMeter chain, one thread, over decoded samples (%.0f s of audio); CPU time, best "
                        + "of %d runs (median and worst in brackets):%n",
                duration, runs);
        printChain(music, duration);
        System.out.printf(Locale.ROOT, "  %-34s %9.0f x real time  %8.1f ms  (%.1f, %.1f)%n",
                "libebur128 " + peer.version() + " I|LRA|SAMPLE_PEAK|TRUE_PEAK", duration / (peerCpu[0] / 1e9),
                peerCpu[0] / 1e6, median(peerCpu) / 1e6, peerCpu[runs - 1] / 1e6);
        System.out.printf(Locale.ROOT, "  Ratio Mixbench chain / libebur128: %.2f on CPU time (goal: at least 3); "
                + "%.2f on wall-clock time (best %.1f / %.1f ms); medians %.2f CPU, %.2f wall%n", peerCpu[0] / cpu[0],
                peerWall[0] / wall[0], wall[0] / 1e6, peerWall[0] / 1e6, median(peerCpu) / median(cpu),
                median(peerWall) / median(wall));

        System.out.printf(Locale.ROOT, "%nThe same chain on a stem that plays half the time (the file with every other "
                + "10 s digital silence):%n");
        printChain(stemTiming, duration);

        System.out.printf(Locale.ROOT, "%nDecoding the same WAV:%n");
        System.out.printf(Locale.ROOT, "  %-34s %9.0f x real time%n", "Mixbench WAV decoder",
                duration / (bestDecode / 1e9));
        System.out.printf(Locale.ROOT, "  %-34s %9.0f x real time%n", "ebur128-measure's own reader",
                duration / peer.decodeSeconds());
        if (sox > 0) {
            System.out.printf(Locale.ROOT, "  %-34s %9.0f x real time (whole process)%n", "sox file.wav -n stats",
                    duration / sox);
        } else {
            System.out.println("  sox not found: no sox figure");
        }

        Map<String, Measurement> values = music.best().measurements();
        System.out.printf(Locale.ROOT, "%nValues on this file (Mixbench / libebur128): I %s / %.2f LUFS, "
                + "true peak %s / %.2f dBTP, sample peak %s / %.2f dBFS, LRA %s / %.1f LU%n",
                value(values, MeasurementIds.INTEGRATED_LOUDNESS), peer.integratedLufs(),
                value(values, MeasurementIds.TRUE_PEAK), peer.truePeakDbtp(),
                value(values, MeasurementIds.SAMPLE_PEAK), peer.samplePeakDbfs(), lra(values),
                peer.loudnessRangeLu());
    }

    private static String value(Map<String, Measurement> values, String id) {
        return values.get(id) instanceof Scalar s && s.present()
                ? String.format(Locale.ROOT, "%.2f", s.value())
                : "-";
    }

    private static String lra(Map<String, Measurement> values) {
        double v = Compare.lra(values);
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The chain's figures over several runs: its CPU and wall-clock times, its best run without and with clocks. */
    private record Timing(long[] cpu, long[] wall, ChainRun best, ChainRun bestTimed) {
    }

    /**
     * Runs the chain over all blocks {@code runs} times. Its own time comes from passes without per-meter clocks
     * (reading a thread's CPU clock is a system call); each meter's share from passes that read it around every
     * call.
     */
    private static Timing time(Mixbench mixbench, AudioFormat format, Blocks blocks, int runs) {
        long[] cpu = new long[runs];
        long[] wall = new long[runs];
        ChainRun best = null;
        ChainRun bestTimed = null;
        for (int run = 0; run < runs; run++) {
            ChainRun r = runChain(mixbench, format, blocks, blocks.count(), false);
            cpu[run] = r.cpuNanos;
            wall[run] = r.wallNanos;
            if (best == null || r.cpuNanos < best.cpuNanos) {
                best = r;
            }
            ChainRun timed = runChain(mixbench, format, blocks, blocks.count(), true);
            if (bestTimed == null || timed.cpuNanos < bestTimed.cpuNanos) {
                bestTimed = timed;
            }
        }
        return new Timing(cpu, wall, best, bestTimed);
    }

    /** The chain's line (best, median and worst run) and one line per meter. */
    private static void printChain(Timing timing, double duration) {
        double[] cpu = sorted(timing.cpu());
        System.out.printf(Locale.ROOT, "  %-34s %9.0f x real time  %8.1f ms  (%.1f, %.1f)%n", "Mixbench full chain",
                duration / (cpu[0] / 1e9), cpu[0] / 1e6, median(cpu) / 1e6, cpu[cpu.length - 1] / 1e6);
        ChainRun shares = timing.bestTimed();
        long meterTotal = 0;
        for (long n : shares.meterNanos) {
            meterTotal += n;
        }
        for (int m = 0; m < shares.meterIds.length; m++) {
            System.out.printf(Locale.ROOT, "    %-32s %9.0f x real time  %8.1f ms  %3.0f %% of the chain%n",
                    shares.meterIds[m], duration / (shares.meterNanos[m] / 1e9), shares.meterNanos[m] / 1e6,
                    100.0 * shares.meterNanos[m] / meterTotal);
        }
    }

    /**
     * One pass of the chain: its CPU and wall-clock time, each meter's CPU time and the measurements.
     */
    private record ChainRun(long cpuNanos, long wallNanos, String[] meterIds, long[] meterNanos,
            Map<String, Measurement> measurements) {
    }

    private static double[] sorted(long[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        Arrays.sort(out);
        return out;
    }

    /** The median of sorted values. */
    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Decoded samples cut into the analysis engine's blocks, each starting at index 0 as the engine's do. */
    private record Blocks(float[][][] blocks, int[] frames) {
        static Blocks of(float[][] samples) {
            int total = samples[0].length;
            int count = (total + MeterChain.BLOCK_FRAMES - 1) / MeterChain.BLOCK_FRAMES;
            float[][][] blocks = new float[count][samples.length][];
            int[] frames = new int[count];
            for (int b = 0; b < count; b++) {
                int offset = b * MeterChain.BLOCK_FRAMES;
                frames[b] = Math.min(MeterChain.BLOCK_FRAMES, total - offset);
                for (int c = 0; c < samples.length; c++) {
                    blocks[b][c] = Arrays.copyOfRange(samples[c], offset, offset + MeterChain.BLOCK_FRAMES);
                }
            }
            return new Blocks(blocks, frames);
        }

        int count() {
            return frames.length;
        }

        /** A copy with every other stretch of {@code stretch} frames, from the second on, set to 0. */
        Blocks silenceEveryOther(int stretch) {
            float[][][] copy = new float[blocks.length][][];
            for (int b = 0; b < blocks.length; b++) {
                copy[b] = new float[blocks[b].length][];
                for (int c = 0; c < blocks[b].length; c++) {
                    copy[b][c] = blocks[b][c].clone();
                    for (int i = 0; i < frames[b]; i++) {
                        if ((((long) b * MeterChain.BLOCK_FRAMES + i) / stretch) % 2 == 1) {
                            copy[b][c][i] = 0f;
                        }
                    }
                }
            }
            return new Blocks(copy, frames.clone());
        }
    }

    /**
     * Feeds the first {@code count} blocks to a fresh chain.
     *
     * @param timed whether to read the CPU clock around each meter's calls (for the shares)
     */
    private static ChainRun runChain(Mixbench mixbench, AudioFormat format, Blocks blocks, int count,
            boolean timed) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        MeterChain chain = new MeterChain(mixbench.meters(), format, timed);
        for (int b = 0; b < count; b++) {
            chain.process(blocks.blocks()[b], blocks.frames()[b]);
        }
        Map<String, Measurement> measurements = chain.finish();
        long wall = System.nanoTime() - start;
        return new ChainRun(threads.getCurrentThreadCpuTime() - cpuStart, wall, chain.ids(), chain.nanos(),
                measurements);
    }

    /** Reads a whole stream into planar arrays, reusing {@code into} when it has the right shape. */
    private static float[][] decodeAll(AudioStream stream, float[][] into) throws IOException {
        AudioFormat format = stream.format();
        if (format.frames() < 0 || format.frames() > Integer.MAX_VALUE) {
            throw new IOException("the benchmark file must declare its length");
        }
        int frames = (int) format.frames();
        float[][] samples = into != null && into.length == format.channels() && into[0].length == frames
                ? into
                : new float[format.channels()][frames];
        float[][] block = new float[format.channels()][MeterChain.BLOCK_FRAMES];
        int done = 0;
        int n;
        while ((n = stream.read(block, MeterChain.BLOCK_FRAMES)) > 0) {
            for (int c = 0; c < samples.length; c++) {
                System.arraycopy(block[c], 0, samples[c], done, n);
            }
            done += n;
        }
        if (done != frames) {
            throw new IOException("decoded " + done + " frames, the header declares " + frames);
        }
        return samples;
    }

    /** Best wall-clock time of {@code sox FILE -n stats}, s; 0 when sox is not installed. */
    private static double soxStats(Path file, int runs) throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            Process process;
            try {
                process = new ProcessBuilder("sox", file.toString(), "-n", "stats")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                return 0;
            }
            if (process.waitFor() != 0) {
                throw new IOException("sox stats failed on " + file);
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static void memory(Mixbench mixbench, Path work, int minutes, int rate) throws IOException {
        Path file = work.resolve("long-" + rate / 1000 + "k-24bit-" + minutes + "min.wav");
        try {
            double generated = generate(file, rate, minutes * 60L);
            System.out.printf(Locale.ROOT, "%nMemory: %d min, %d Hz, stereo, 24-bit (%.1f GB, generated in %.0f s), "
                    + "max heap %d MB%n", minutes, rate, Files.size(file) / 1e9, generated,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            AtomicLong largestAfterGc = watchLiveHeap(heap.stream().map(MemoryPoolMXBean::getName).toList());
            long start = System.nanoTime();
            Mixbench.Measured measured = mixbench.measure(file);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : heap) {
                peak += pool.getPeakUsage().getUsed();
            }
            long seriesValues = 0;
            for (Measurement m : measured.measurements().values()) {
                seriesValues += m instanceof Series s ? s.size() : 0;
            }
            System.gc();
            long live = 0;
            for (MemoryPoolMXBean pool : heap) {
                MemoryUsage u = pool.getCollectionUsage();
                live += u == null ? 0 : u.getUsed();
            }
            System.out.printf(Locale.ROOT, "  decoded and measured by every meter in %.1f s (%.0f x real time); "
                    + "%d measurements, %d time-series values%n", elapsed, measured.seconds() / elapsed,
                    measured.measurements().size(), seriesValues);
            System.out.printf(Locale.ROOT, "  peak heap used %d MB (garbage included); largest live heap after a GC "
                    + "%s; live heap holding the results %d MB%n", peak >> 20,
                    largestAfterGc.get() < 0 ? "- (no GC ran)" : (largestAfterGc.get() >> 20) + " MB", live >> 20);
            Reachability.keep(measured);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The largest heap occupancy right after a collection, in bytes; -1 until one runs. */
    private static AtomicLong watchLiveHeap(List<String> heapPools) {
        AtomicLong largest = new AtomicLong(-1);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                            .from((CompositeData) notification.getUserData());
                    long used = 0;
                    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        used += heapPools.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
                    }
                    largest.accumulateAndGet(used, Math::max);
                }, null, null);
            }
        }
        return largest;
    }

    /** Keeps an object reachable up to this call, so the heap figures include the results. */
    private static final class Reachability {
        private static volatile Object sink;

        static void keep(Object o) {
            sink = o;
        }
    }
}
