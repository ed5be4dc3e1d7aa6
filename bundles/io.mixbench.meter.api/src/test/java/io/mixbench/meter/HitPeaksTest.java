package io.mixbench.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HitPeaksTest {

    private static Series series(float... values) {
        return new Series(0.1, values, Units.DBFS);
    }

    @Test
    void hitsAreLocalMaximaOnActiveSteps() {
        float nan = Float.NaN;
        Series peaks = series(-20, -6, -12, -12, -30, -3, nan, -9, -40);
        Series active = new Series(0.1, new float[]{1, 1, 1, 1, 1, 0, 1, 1, 1}, Units.FLAG);
        Series hits = HitPeaks.of(peaks, active);
        assertEquals(9, hits.size());
        assertEquals(Units.DBFS, hits.unit());
        assertEquals(0.1, hits.stepSeconds());
        // -6 is a hit, -12 after it is not; -12 beside an equal step is; -3 plays not; -9 beats a step without value
        float[] expected = {nan, -6, nan, -12, nan, nan, nan, -9, nan};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], hits.get(i), "step " + i);
        }
    }

    @Test
    void theShorterSeriesDecidesTheLengthAndTheEdgesCount() {
        Series hits = HitPeaks.of(series(-1, -2, -3), new Series(0.1, new float[]{1, 1}, Units.FLAG));
        assertEquals(2, hits.size());
        assertEquals(-1, hits.get(0), "the first step has no left neighbour to beat it");
        assertTrue(Float.isNaN(hits.get(1)));
        assertEquals(0, HitPeaks.of(series(), series()).size());
    }
}
