package io.mixbench.benchmarks;

import io.mixbench.audio.AudioFormat;
import io.mixbench.meter.Measurement;
import io.mixbench.meter.Meter;
import io.mixbench.meter.MeterFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every meter of the product fed the same blocks on one thread, as the analysis engine does, optionally with the CPU
 * time each meter spends (creation, {@code process} and {@code finish}) so the slow one shows. CPU time, because the
 * machines are shared with other builds: it varies less than wall-clock time. Reading a thread's CPU clock is a
 * system call, so the chain's own time is taken from untimed passes.
 */
final class MeterChain {

    /** Frames per block, the analysis engine's block size. */
    static final int BLOCK_FRAMES = 8192;

    private final String[] ids;
    private final Meter[] meters;
    private final long[] nanos;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean timed;

    /**
     * @param timed whether to read the CPU clock around every meter call ({@link #nanos()} stays 0 otherwise)
     */
    MeterChain(List<ServiceComponents.Found<MeterFactory>> factories, AudioFormat format, boolean timed) {
        this.timed = timed;
        ids = new String[factories.size()];
        meters = new Meter[factories.size()];
        nanos = new long[factories.size()];
        for (int m = 0; m < meters.length; m++) {
            MeterFactory factory = factories.get(m).service();
            ids[m] = factory.id();
            long start = cpuNanos();
            meters[m] = factory.create(format);
            nanos[m] += cpuNanos() - start;
        }
    }

    void process(float[][] block, int frames) {
        if (!timed) {
            for (Meter meter : meters) {
                meter.process(block, frames);
            }
            return;
        }
        for (int m = 0; m < meters.length; m++) {
            long start = cpuNanos();
            meters[m].process(block, frames);
            nanos[m] += cpuNanos() - start;
        }
    }

    /** Every meter's measurements, keyed by id; a later meter's id overrides an earlier one's, as in the engine. */
    Map<String, Measurement> finish() {
        Map<String, Measurement> all = new LinkedHashMap<>();
        for (int m = 0; m < meters.length; m++) {
            long start = cpuNanos();
            all.putAll(meters[m].finish());
            nanos[m] += cpuNanos() - start;
        }
        return all;
    }

    /** CPU time of the calling thread, ns; 0 when untimed. */
    private long cpuNanos() {
        return timed ? threads.getCurrentThreadCpuTime() : 0;
    }

    /** The meters' ids, in chain order. */
    String[] ids() {
        return ids.clone();
    }

    /** CPU nanoseconds each meter has spent so far, in chain order. */
    long[] nanos() {
        return nanos.clone();
    }
}
