package io.mixbench.meter.standard.internal;

/**
 * Sums of the last values of a stream (the levels meter's 10 ms sub-block powers) over sliding windows. Values are
 * kept in groups: a window adds the sums of the whole groups it covers and at most a group's worth of single values,
 * so a 300-value window costs about 40 additions instead of 300. Only the values themselves are added, never
 * subtracted, so a window of zeros sums to exactly 0 after any loud passage.
 */
final class WindowSums {

    private final int group;
    /** The last {@code values.length} values: value i at i % values.length. */
    private final double[] values;
    /** The sums of the last complete groups: group g (values [g group, (g + 1) group)) at g % groupSums.length. */
    private final double[] groupSums;
    private long count;
    /** Sum of the values of the group being filled. */
    private double partial;

    /**
     * @param capacity the longest window, in values: a multiple of {@code group}
     * @param group values per group
     */
    WindowSums(int capacity, int group) {
        if (group < 1 || capacity < group || capacity % group != 0) {
            throw new IllegalArgumentException("capacity " + capacity + " is not a multiple of the group " + group);
        }
        this.group = group;
        values = new double[capacity];
        groupSums = new double[capacity / group];
    }

    void add(double value) {
        values[(int) (count % values.length)] = value;
        partial += value;
        count++;
        if (count % group == 0) {
            groupSums[(int) ((count / group - 1) % groupSums.length)] = partial;
            partial = 0;
        }
    }

    /** The number of values added so far. */
    long count() {
        return count;
    }

    /**
     * The sum of the last {@code length} values; values before the first count as 0.
     *
     * @param length a multiple of the group, at most the capacity
     */
    double sum(int length) {
        if (length % group != 0 || length > values.length) {
            throw new IllegalArgumentException("window of " + length + " values");
        }
        long from = Math.max(0, count - length);
        long partialStart = count - count % group;
        // The window's values before its first whole group: the tail of an older group (none at the start).
        long firstWhole = Math.min(partialStart, (from + group - 1) / group * group);
        double sum = partial;
        int g = (int) ((firstWhole / group) % groupSums.length);
        for (long whole = firstWhole; whole < partialStart; whole += group) {
            sum += groupSums[g];
            g = g + 1 == groupSums.length ? 0 : g + 1;
        }
        int i = (int) (from % values.length);
        for (long v = from; v < firstWhole; v++) {
            sum += values[i];
            i = i + 1 == values.length ? 0 : i + 1;
        }
        return sum;
    }
}
