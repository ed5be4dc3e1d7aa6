package io.mixbench.meter;

/**
 * A single value. A value that does not exist (the loudness of silence, the pan of a mono file) is
 * {@code NaN} with a {@code reason}; infinities are never used.
 *
 * @param value the value in {@code unit}, or NaN
 * @param unit the unit
 * @param reason why there is no value; null when there is one
 */
public record Scalar(double value, String unit, String reason) implements Measurement {

    public Scalar {
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("use NaN with a reason instead of an infinite value");
        }
        if (Double.isNaN(value) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a missing value needs a reason");
        }
    }

    public static Scalar of(double value, String unit) {
        return new Scalar(value, unit, null);
    }

    public static Scalar absent(String unit, String reason) {
        return new Scalar(Double.NaN, unit, reason);
    }

    /** A level in decibels; -inf (silence) becomes absent with the given reason. */
    public static Scalar level(double db, String unit, String reasonIfSilent) {
        return Double.isInfinite(db) || Double.isNaN(db) ? absent(unit, reasonIfSilent) : of(db, unit);
    }

    public boolean present() {
        return !Double.isNaN(value);
    }
}
