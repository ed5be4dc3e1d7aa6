package io.mixbench.meter.spectrum.internal;

/**
 * Reasons given with this meter's absent values ({@link io.mixbench.meter.Scalar#absent}); the same words as the
 * standard meters', as rules may test for them.
 */
final class Reasons {
    /** The file contains only digital silence, or no samples at all. */
    static final String SILENT = "silent";
    /** NaN or infinite samples in the input: no value can be trusted. */
    static final String NON_FINITE = "non-finite samples";
    /** A stereo-only value asked of a mono file. */
    static final String MONO = "mono";
    /** The signal below the low-end crossover is below -90 dBFS (AES17 RMS). */
    static final String NO_LOW_END = "no low end";
    /** A stereo value asked of a file with more than two channels. */
    static final String NOT_STEREO = "not stereo";
    /** Correlation of two channels when one of them carries no energy. */
    static final String ONE_SIDE_SILENT = "one channel silent";

    private Reasons() {
    }
}
