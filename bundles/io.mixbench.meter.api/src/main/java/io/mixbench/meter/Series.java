package io.mixbench.meter;

/**
 * Values over time at a fixed step, starting at the file's first sample. Value {@code i} describes the step
 * that ends at {@code (i + 1) * stepSeconds}. Floats keep long series small; NaN marks steps with no value
 * (e.g. the loudness of silence).
 *
 * @param stepSeconds the time between values, in seconds (0.1 for the standard series)
 * @param values the values
 * @param unit the unit of the values
 */
public record Series(double stepSeconds, float[] values, String unit) implements Measurement {

    public Series {
        if (!(stepSeconds > 0)) {
            throw new IllegalArgumentException("step must be positive");
        }
        values = values.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    /** Value {@code i} without copying the whole series. */
    public float get(int i) {
        return values[i];
    }
}
