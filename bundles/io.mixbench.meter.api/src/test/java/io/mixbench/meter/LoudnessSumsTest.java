package io.mixbench.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoudnessSumsTest {

    private static Series lufs(float... values) {
        return new Series(0.1, values, Units.LUFS);
    }

    @Test
    void equalTracksSumToThreeDecibelsMoreAndSilenceIsSkipped() {
        float nan = Float.NaN;
        double[] sum = LoudnessSums.powerSum(List.of(lufs(-20, -20, nan, nan), lufs(-20, nan, -30)),
                new double[]{0, 0});
        assertEquals(4, sum.length, "as long as the longest series");
        assertEquals(-20 + 10 * Math.log10(2), sum[0], 1e-9);
        assertEquals(-20, sum[1], 1e-6);
        assertEquals(-30, sum[2], 1e-6);
        assertTrue(Double.isNaN(sum[3]), "no track has a value there");
    }

    @Test
    void eachSeriesIsOffsetByItsOwnCorrection() {
        double[] sum = LoudnessSums.powerSum(List.of(lufs(-23), lufs(-20)), new double[]{3, -100});
        assertEquals(10 * Math.log10(Math.pow(10, -2.0) + Math.pow(10, -12.0)), sum[0], 1e-9);
        assertEquals(0, LoudnessSums.powerSum(List.of(), new double[0]).length);
        assertThrows(IllegalArgumentException.class, () -> LoudnessSums.powerSum(List.of(lufs(-20)), new double[0]));
    }
}
