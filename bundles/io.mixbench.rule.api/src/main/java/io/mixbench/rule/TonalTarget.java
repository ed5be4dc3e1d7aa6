package io.mixbench.rule;

import io.mixbench.meter.TonalBands;
import java.util.Arrays;

/**
 * A tonal target as a rule judges a tonal balance against it: per band of {@link TonalBands#BANDS}, the lowest and
 * highest level relative to the mid band, dB (the mid band itself 0 plus or minus its tolerance). Carried by a
 * {@link Finding} so a report can draw the target without knowing the rule. Since 1.3.
 *
 * @param minDb per band, the lowest level relative to the mid band, dB; NaN where the band has no target
 * @param maxDb per band, the highest level relative to the mid band, dB; NaN where the band has no target
 */
public record TonalTarget(double[] minDb, double[] maxDb) {

    public TonalTarget {
        minDb = minDb.clone();
        maxDb = maxDb.clone();
        if (minDb.length != TonalBands.count() || maxDb.length != TonalBands.count()) {
            throw new IllegalArgumentException("one value per tonal band");
        }
    }

    /**
     * A tilt with one tolerance: band {@code b} from {@code tiltDb[b] - toleranceDb} to {@code tiltDb[b] +
     * toleranceDb}.
     *
     * @param tiltDb per band of {@link TonalBands#BANDS}, dB relative to the mid band; NaN for no target
     * @param toleranceDb the distance either side, dB
     */
    public static TonalTarget tilt(double[] tiltDb, double toleranceDb) {
        double[] min = new double[tiltDb.length];
        double[] max = new double[tiltDb.length];
        for (int b = 0; b < tiltDb.length; b++) {
            min[b] = tiltDb[b] - Math.abs(toleranceDb);
            max[b] = tiltDb[b] + Math.abs(toleranceDb);
        }
        return new TonalTarget(min, max);
    }

    @Override
    public double[] minDb() {
        return minDb.clone();
    }

    @Override
    public double[] maxDb() {
        return maxDb.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TonalTarget t && Arrays.equals(minDb, t.minDb) && Arrays.equals(maxDb, t.maxDb);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(minDb) + Arrays.hashCode(maxDb);
    }

    @Override
    public String toString() {
        return "TonalTarget[minDb=" + Arrays.toString(minDb) + ", maxDb=" + Arrays.toString(maxDb) + "]";
    }
}
