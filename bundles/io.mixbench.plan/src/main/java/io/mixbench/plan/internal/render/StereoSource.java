package io.mixbench.plan.internal.render;

import io.mixbench.audio.AudioStream;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * What a stereo file holds, from its energies over the whole file (a first look before the render): one source at a
 * pan position (the channels correlate, or one is near silent, or the analysis found its low end correlated, as the
 * low-end rule judges it), which a pan folds to mono first, or a stereo signal, which a pan turns by balancing its
 * sides.
 *
 * @param energyLeft sum of L^2
 * @param energyRight sum of R^2
 * @param cross sum of L R
 * @param lowEndCorrelation the correlation of the channels below the low-end crossover as the analysis measured it
 *        ({@code MeasurementIds.LOW_END_CORRELATION}), or null when it did not
 */
public record StereoSource(double energyLeft, double energyRight, double cross, Double lowEndCorrelation) {

    /**
     * Channels correlating at least this well (either polarity) hold one source: the threshold at which the
     * low-end rule calls a stereo part one panned source.
     */
    public static final double ONE_SOURCE_CORRELATION = 0.9;
    /** A channel this far below the other, dB, is near silent: the file holds one source on the other side. */
    public static final double NEAR_SILENT_DB = 20;

    /** Reads the rest of {@code stream} (stereo) and sums its energies; polls {@code cancelled} between blocks. */
    public static StereoSource measure(AudioStream stream, int blockFrames, BooleanSupplier cancelled)
            throws IOException {
        float[][] block = new float[2][blockFrames];
        double left = 0;
        double right = 0;
        double cross = 0;
        int n;
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("the render was cancelled");
            }
            n = stream.read(block, blockFrames);
            if (n < 0) {
                return new StereoSource(left, right, cross, null);
            }
            for (int i = 0; i < n; i++) {
                double l = block[0][i];
                double r = block[1][i];
                left += l * l;
                right += r * r;
                cross += l * r;
            }
        }
    }

    /** This look with the low end's correlation as the analysis measured it (null: not measured). */
    public StereoSource withLowEndCorrelation(Double correlation) {
        return new StereoSource(energyLeft, energyRight, cross, correlation);
    }

    /**
     * Whether the file holds one source at a pan position: its channels correlate, or one is near silent, or its low
     * end correlates (a bass with a stereo effect on top: the rule asks to pan it, and the fold centres its low end).
     */
    public boolean isOneSource() {
        if (lowEndCorrelation != null && lowEndCorrelation >= ONE_SOURCE_CORRELATION) {
            return true;
        }
        double louder = Math.max(energyLeft, energyRight);
        double quieter = Math.min(energyLeft, energyRight);
        if (louder == 0) {
            return true;
        }
        if (quieter <= louder * Math.pow(10, -NEAR_SILENT_DB / 10)) {
            return true;
        }
        return Math.abs(cross) / Math.sqrt(energyLeft * energyRight) >= ONE_SOURCE_CORRELATION;
    }

    /**
     * The weights of the constant-power fold to mono, {@code m = wL L + wR R} with wL^2 + wR^2 = 1: each channel by
     * its share of the amplitude, the right one with the sign of the correlation. For L = a s and R = b s it gives
     * m = sqrt(a^2 + b^2) s, the source at the power of both channels.
     */
    public double[] foldWeights() {
        double total = energyLeft + energyRight;
        if (total == 0) {
            return new double[]{Math.sqrt(0.5), Math.sqrt(0.5)};
        }
        double sign = cross < 0 ? -1 : 1;
        return new double[]{Math.sqrt(energyLeft / total), sign * Math.sqrt(energyRight / total)};
    }

    /**
     * The gains of each side that move a stereo signal's energy pan position ({@code StereoEnergies.panPercent}) to
     * {@code panPercent} at the same total energy.
     */
    public double[] balanceGains(double panPercent) {
        double[] target = Pan.constantPower(panPercent);
        double total = energyLeft + energyRight;
        if (energyLeft == 0 || energyRight == 0) {
            return new double[]{1, 1}; // one side silent is one source: folded, never balanced
        }
        return new double[]{target[0] * Math.sqrt(total / energyLeft), target[1] * Math.sqrt(total / energyRight)};
    }
}
