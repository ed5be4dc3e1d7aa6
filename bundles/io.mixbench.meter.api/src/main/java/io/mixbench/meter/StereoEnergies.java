package io.mixbench.meter;

/**
 * The stereo measures as functions of three energies: E_L = sum(L^2), E_R = sum(R^2) and the cross energy
 * E_LR = sum(L R) (or their spectral counterparts |X_L|^2, |X_R|^2, Re(X_L conj X_R) summed over bins). One
 * definition for every meter and rule that reports or recomputes {@link MeasurementIds#PAN},
 * {@link MeasurementIds#BALANCE}, {@link MeasurementIds#LOW_END_PAN}, {@link MeasurementIds#LOW_END_SIDE},
 * correlation, width or mono-sum loss.
 */
public final class StereoEnergies {

    /** Limit of the dB ratios here: one side silent reads this, dB. */
    public static final double LIMIT_DB = 100;

    private StereoEnergies() {
    }

    /**
     * Energy pan position, % from -100 (hard left) to +100 (hard right): {@code (atan2(sqrt(E_R), sqrt(E_L)) / 45 deg
     * - 1) x 100}. A constant-power pan pot at angle a reads {@code a / 0.45}.
     */
    public static double panPercent(double energyLeft, double energyRight) {
        double theta = Math.atan2(Math.sqrt(energyRight), Math.sqrt(energyLeft));
        return (theta / (Math.PI / 4) - 1) * 100;
    }

    /**
     * {@code 10 log10(numerator / denominator)}, dB, limited to +-{@value #LIMIT_DB}: a zero numerator reads -100, a
     * zero denominator +100. Balance is {@code ratioDb(E_L, E_R)}.
     */
    public static double ratioDb(double numerator, double denominator) {
        if (numerator == 0) {
            return -LIMIT_DB;
        }
        if (denominator == 0) {
            return LIMIT_DB;
        }
        return Math.max(-LIMIT_DB, Math.min(LIMIT_DB, 10 * Math.log10(numerator / denominator)));
    }

    /** Phase correlation {@code E_LR / sqrt(E_L E_R)}, within -1..1; NaN when a side carries no energy. */
    public static double correlation(double energyLeft, double energyRight, double cross) {
        if (!(energyLeft > 0 && energyRight > 0)) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, cross / Math.sqrt(energyLeft * energyRight)));
    }

    /**
     * Width: side over mid energy, {@code ratioDb(E_L + E_R - 2 E_LR, E_L + E_R + 2 E_LR)}, dB within -100..100. The
     * sums of (L - R)^2 and (L + R)^2 are exactly 0 for equal or opposite channels, and never below 0 by rounding.
     */
    public static double widthDb(double energyLeft, double energyRight, double cross) {
        double total = energyLeft + energyRight;
        return ratioDb(Math.max(0, total - 2 * cross), Math.max(0, total + 2 * cross));
    }

    /**
     * Mono-sum loss (BRIEF section 4): the energy of M = (L + R) / 2 played on both channels over the stereo energy,
     * {@code 10 log10((E_L + E_R + 2 E_LR) / (2 (E_L + E_R)))}, dB: 0 for L = R, -3.01 for one channel or
     * uncorrelated equal channels, down to -{@value #LIMIT_DB} as the channels cancel; NaN without energy.
     */
    public static double monoSumLossDb(double energyLeft, double energyRight, double cross) {
        double total = energyLeft + energyRight;
        if (!(total > 0)) {
            return Double.NaN;
        }
        return ratioDb(Math.max(0, total + 2 * cross), 2 * total);
    }
}
