package io.mixbench.meter;

/**
 * The hits of a track: the local maxima of its {@link MeasurementIds#PEAK_SERIES} (steps not lower than either
 * neighbour) on the steps where it plays ({@link MeasurementIds#ACTIVITY}). The one definition of
 * {@link MeasurementIds#HIT_PEAK_SERIES}: the standard levels meter publishes it, a rule takes a percentile of the hit
 * peaks within a range of its choosing (a robust peak of a percussive track). Since 1.4.
 */
public final class HitPeaks {

    private HitPeaks() {
    }

    /**
     * The hit-peak series: the peak value at each hit step, NaN at every other step; as long as the shorter of the
     * two series, with the peak series' step and unit.
     *
     * @param peakSeries sample peak per step, dBFS; NaN or infinite where a step has none
     * @param activity 1 where the track plays, else 0
     */
    public static Series of(Series peakSeries, Series activity) {
        int n = Math.min(peakSeries.size(), activity.size());
        float[] hits = new float[n];
        for (int i = 0; i < n; i++) {
            float v = peakSeries.get(i);
            boolean hit = activity.get(i) >= 0.5f && Float.isFinite(v) && v >= neighbour(peakSeries, i - 1)
                    && v >= neighbour(peakSeries, i + 1);
            hits[i] = hit ? v : Float.NaN;
        }
        return new Series(peakSeries.stepSeconds(), hits, peakSeries.unit());
    }

    /** A neighbour's value; outside the series or without a value it never beats a step. */
    private static double neighbour(Series series, int i) {
        if (i < 0 || i >= series.size()) {
            return Double.NEGATIVE_INFINITY;
        }
        float v = series.get(i);
        return Float.isFinite(v) ? v : Double.NEGATIVE_INFINITY;
    }
}
