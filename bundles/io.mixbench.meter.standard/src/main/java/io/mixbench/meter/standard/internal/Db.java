package io.mixbench.meter.standard.internal;

/** Decibel helpers; -inf for zero comes out as NaN so callers can mark it absent. */
final class Db {
    /** AES17 offset: the RMS of a full-scale sine is 1/sqrt(2), read as 0 dBFS. 20 log10(sqrt 2), dB. */
    static final double AES17_OFFSET_DB = 10 * Math.log10(2);
    /** BS.1770 loudness offset, LUFS = -0.691 + 10 log10(weighted mean square). */
    static final double LOUDNESS_OFFSET_DB = -0.691;

    private Db() {
    }

    /** 20 log10(amplitude); NaN for 0. */
    static double amplitude(double amplitude) {
        return amplitude > 0 ? 20 * Math.log10(amplitude) : Double.NaN;
    }

    /** 10 log10(power); NaN for 0. */
    static double power(double power) {
        return power > 0 ? 10 * Math.log10(power) : Double.NaN;
    }

    /** AES17 RMS level of a mean square, dBFS; NaN for 0. */
    static double aes17(double meanSquare) {
        return power(meanSquare) + AES17_OFFSET_DB;
    }

    /** BS.1770 loudness of a weighted mean square, LUFS; NaN for 0. */
    static double loudness(double weightedMeanSquare) {
        return LOUDNESS_OFFSET_DB + power(weightedMeanSquare);
    }

    /** The power (weighted mean square) at a loudness, the inverse of {@link #loudness}. */
    static double loudnessToPower(double lufs) {
        return Math.pow(10, (lufs - LOUDNESS_OFFSET_DB) / 10);
    }
}
