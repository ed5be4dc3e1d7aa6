package io.mixbench.meter.standard.internal;

import java.util.Arrays;

/**
 * A list of doubles for per-step values (10 per second of audio). Sized up front from the declared file length;
 * grows by doubling when a header lied, so appends are allocation-free in the steady state.
 */
final class GrowableArray {
    private double[] values;
    private int size;

    GrowableArray(int initialCapacity) {
        values = new double[Math.max(16, initialCapacity)];
    }

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    double get(int i) {
        return values[i];
    }

    void set(int i, double value) {
        values[i] = value;
    }

    int size() {
        return size;
    }

    /** An initial capacity for 100 ms steps of a file of {@code frames} frames (-1: unknown). */
    static int stepCapacity(long frames, int sampleRateHz) {
        if (frames <= 0) {
            return 600;
        }
        long steps = frames * 10 / sampleRateHz + 2;
        // A header may lie: reserve at most about 1.8 hours of steps up front and grow beyond that.
        return (int) Math.min(steps, 1L << 16);
    }
}
