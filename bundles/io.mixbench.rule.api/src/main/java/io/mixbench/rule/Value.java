package io.mixbench.rule;

/**
 * A measured value as a finding states it.
 *
 * @param value the value, finite
 * @param unit its unit
 * @param measure what was measured, e.g. "kick hit peak, 95th percentile"
 */
public record Value(double value, String unit, String measure) {

    public Value {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a measured value must be finite, was " + value);
        }
    }
}
