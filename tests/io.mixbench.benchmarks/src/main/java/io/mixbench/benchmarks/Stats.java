package io.mixbench.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * The median and the range of several runs of one figure, in seconds.
 *
 * @param medianSeconds the median, s
 * @param minSeconds the fastest run, s
 * @param maxSeconds the slowest run, s
 * @param runs how many runs
 */
record Stats(double medianSeconds, double minSeconds, double maxSeconds, int runs) {

    /** @throws IllegalArgumentException when there are no values */
    static Stats of(double... seconds) {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("no runs");
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(median, sorted[0], sorted[n - 1], n);
    }

    /** "1.37 s (1.30..1.45)": the median, then the range when there was more than one run. */
    String text() {
        int decimals = decimals(medianSeconds);
        String median = String.format(Locale.ROOT, "%." + decimals + "f s", medianSeconds);
        if (runs == 1) {
            return median;
        }
        return String.format(Locale.ROOT, "%s (%." + decimals + "f..%." + decimals + "f)", median, minSeconds,
                maxSeconds);
    }

    /** A time, s, with as many decimals as its size needs ("0.004 s", "1.37 s", "12.3 s"); "n/a" for NaN. */
    static String seconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%." + decimals(seconds) + "f s", seconds);
    }

    // Two or three digits: the runs of one figure differ in the second or third already.
    private static int decimals(double seconds) {
        double size = Math.abs(seconds);
        return size < 0.1 ? 3 : size < 10 ? 2 : 1;
    }
}
