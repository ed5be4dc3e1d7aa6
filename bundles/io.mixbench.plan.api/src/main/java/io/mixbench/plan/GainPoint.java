package io.mixbench.plan;

/**
 * One breakpoint of a gain automation (a ride): at {@code seconds} the gain is {@code gainDb}; between breakpoints the
 * gain ramps linearly in dB, before the first and after the last it holds.
 *
 * @param seconds the time from the start of the track, s; not negative
 * @param gainDb the gain at that time, dB, on top of the track's static gain
 */
public record GainPoint(double seconds, double gainDb) {

    public GainPoint {
        if (!(seconds >= 0) || Double.isInfinite(seconds) || !Double.isFinite(gainDb)) {
            throw new IllegalArgumentException("a breakpoint needs a time >= 0 s and a finite gain: " + seconds
                    + " s, " + gainDb + " dB");
        }
    }

    /** The gain, dB, of the automation {@code points} (sorted by time) at {@code seconds}; 0 when it has none. */
    public static double gainAt(java.util.List<GainPoint> points, double seconds) {
        if (points.isEmpty()) {
            return 0;
        }
        if (seconds <= points.get(0).seconds()) {
            return points.get(0).gainDb();
        }
        for (int i = 1; i < points.size(); i++) {
            GainPoint b = points.get(i);
            if (seconds < b.seconds()) {
                GainPoint a = points.get(i - 1);
                double span = b.seconds() - a.seconds();
                return span <= 0 ? b.gainDb() : a.gainDb() + (b.gainDb() - a.gainDb()) * (seconds - a.seconds()) / span;
            }
        }
        return points.get(points.size() - 1).gainDb();
    }
}
