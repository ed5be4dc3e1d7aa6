package io.mixbench.rule;

import java.util.Locale;

/**
 * The range a measured value should lie in. An open end is NaN.
 *
 * @param min lower bound, or NaN
 * @param max upper bound, or NaN
 * @param unit the unit of both bounds
 */
public record Target(double min, double max, String unit) {

    public static Target between(double min, double max, String unit) {
        return new Target(Math.min(min, max), Math.max(min, max), unit);
    }

    public static Target atMost(double max, String unit) {
        return new Target(Double.NaN, max, unit);
    }

    public static Target atLeast(double min, String unit) {
        return new Target(min, Double.NaN, unit);
    }

    public boolean contains(double value) {
        return (Double.isNaN(min) || value >= min) && (Double.isNaN(max) || value <= max);
    }

    /** How far {@code value} lies outside the range, in the unit: negative below, positive above, 0 inside. */
    public double excess(double value) {
        if (!Double.isNaN(min) && value < min) {
            return value - min;
        }
        if (!Double.isNaN(max) && value > max) {
            return value - max;
        }
        return 0;
    }

    /** The middle of a closed range, else its one bound. */
    public double centre() {
        if (Double.isNaN(min)) {
            return max;
        }
        if (Double.isNaN(max)) {
            return min;
        }
        return (min + max) / 2;
    }

    /** E.g. "-12.0 to -10.0 dBFS", "at most -1.0 dBTP". */
    public String describe() {
        if (Double.isNaN(min)) {
            return String.format(Locale.ROOT, "at most %.1f %s", max, unit);
        }
        if (Double.isNaN(max)) {
            return String.format(Locale.ROOT, "at least %.1f %s", min, unit);
        }
        return String.format(Locale.ROOT, "%.1f to %.1f %s", min, max, unit);
    }
}
